import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient } from '../../shared/oauth-app';
import { oauthRefusal, SignInRefusal } from '../../shared/oauth-refusal';
import type {
	AuthorizationRequest,
	CognitoTokens,
	SocialSignInInput
} from '../social-sign-in-types';

export interface CheckCallbackInput extends SocialSignInInput {
	server: oauth.AuthorizationServer;
	request: AuthorizationRequest;
	callbackUrl: string;
}

/** What the app took from its callback URL: a code to redeem, or (implicit grant) the tokens. */
export interface CallbackResult {
	/** The URL the app read (a forged one, for mistake `state-mismatch`). */
	url: string;
	/** The callback's parameters as oauth4webapi checked them: what its code redemption takes. */
	params: URLSearchParams | null;
	code: string | null;
	tokens: CognitoTokens | null;
}

/**
 * The app's callback page reads the URL it was opened with. oauth4webapi checks that `state` is
 * the one the app stored before it left, and that no `error` came back, then hands over the code.
 * With mistake `state-mismatch` the page is opened by a forged link instead, with a code and a
 * state the app never asked for, and the app refuses it. With the implicit grant the tokens are
 * in the fragment: oauth4webapi has no implicit grant, so the app reads them and checks `state`
 * itself.
 */
export const checkCallbackActor = fromPromise<CallbackResult, CheckCallbackInput>(
	async ({ input }) => {
		const url = input.mistakes.includes('state-mismatch')
			? forgedCallback(input.redirectUri)
			: input.callbackUrl;
		if (input.mistakes.includes('implicit-grant'))
			return { url, params: null, code: null, tokens: implicitTokens(url, input.request.state) };
		try {
			const params = oauth.validateAuthResponse(
				input.server,
				appClient(input),
				new URL(url),
				input.request.state
			);
			return { url, params, code: params.get('code'), tokens: null };
		} catch (error) {
			throw oauthRefusal('managed-login', error);
		}
	}
);

/** A link someone else made: their own code and state, on this app's callback URL. */
function forgedCallback(redirectUri: string): string {
	const url = new URL(redirectUri);
	url.searchParams.set('code', crypto.randomUUID());
	url.searchParams.set('state', oauth.generateRandomState());
	return url.href;
}

function implicitTokens(url: string, expectedState: string): CognitoTokens {
	const fragment = new URLSearchParams(new URL(url).hash.slice(1));
	if (fragment.get('state') !== expectedState)
		throw new SignInRefusal({
			service: 'app',
			code: 'OperationProcessingError',
			message: 'unexpected "state" response parameter value',
			status: 0
		});
	const accessToken = fragment.get('access_token');
	if (!accessToken)
		throw new SignInRefusal({
			service: 'managed-login',
			code: fragment.get('error') ?? 'invalid_request',
			message: fragment.get('error_description') ?? 'No access_token in the fragment',
			status: 302
		});
	const idToken = fragment.get('id_token');
	return {
		idToken,
		accessToken,
		refreshToken: null,
		expiresIn: Number(fragment.get('expires_in')) || null,
		idClaims: idToken ? (decodeJwt(idToken) as Record<string, unknown>) : null
	};
}
