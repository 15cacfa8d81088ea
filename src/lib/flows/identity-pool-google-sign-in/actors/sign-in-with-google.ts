import { fromPromise } from 'xstate';
import { base64UrlEncode, randomBytes } from '$lib/crypto';
import type { FlowBrowser } from '../../shared/flow-browser';
import { signInAtGoogle, type GoogleLogin } from '../../shared/google-sign-in';
import { OAuthRefusal } from '../google-flow-failure';
import type { GoogleCallback, GoogleClient } from '../google-flow-types';

export interface SignInWithGoogleInput {
	browser: FlowBrowser;
	google: GoogleClient;
	login: GoogleLogin;
}

/** The callback did not answer the request this app made: a forged or replayed redirect. */
export class CallbackStateError extends Error {
	override name = 'CallbackStateError';
}

/**
 * The app sends the browser to Google's authorization endpoint with its own Google client
 * (`response_type=code`, `scope=openid email profile`, a fresh `state` and `nonce`); the user
 * signs in and consents on Google's pages; Google redirects the browser to the app's callback
 * with `code` and `state`. The app checks `state` (its own CSRF defence: nobody else checks it,
 * cognito.md §11 row 31) and resolves with the code.
 */
export async function signInWithGoogle(input: SignInWithGoogleInput): Promise<GoogleCallback> {
	const state = randomText();
	const nonce = randomText();
	const url = new URL(input.google.authorizeUrl);
	url.search = new URLSearchParams({
		client_id: input.google.clientId,
		redirect_uri: input.google.redirectUri,
		response_type: 'code',
		scope: 'openid email profile',
		state,
		nonce
	}).toString();
	const stopsAt = [input.google.redirectUri];
	const page = await input.browser.go(url.href, { stopsAt });
	const back = page.leftFor
		? page
		: await signInAtGoogle(input.browser, page, input.login, stopsAt);

	// Read the callback the browser was sent to
	const params = new URL(back.leftFor!).searchParams;
	// Check state: the redirect answers the request this browser started
	if (params.get('state') !== state)
		throw new CallbackStateError(
			`The callback's state ${JSON.stringify(params.get('state'))} is not the one the app sent`
		);
	const error = params.get('error');
	if (error)
		throw new OAuthRefusal({
			service: 'external-idp',
			code: error,
			message: params.get('error_description') ?? ''
		});
	const code = params.get('code');
	if (!code) throw new CallbackStateError('The callback carries no code');
	return { code, state, nonce };
}

/** 16 random bytes, base64url: a `state` or `nonce` nobody can guess. */
function randomText(): string {
	return base64UrlEncode(randomBytes(16));
}

export const signInWithGoogleActor = fromPromise<GoogleCallback, SignInWithGoogleInput>(
	({ input }) => signInWithGoogle(input)
);
