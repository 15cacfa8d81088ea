import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient, pageRefusal } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type {
	AuthorizationRequest,
	AuthorizeResult,
	SocialSignInInput
} from '../social-sign-in-types';

export interface AuthorizeInput extends SocialSignInInput {
	server: oauth.AuthorizationServer;
}

/**
 * The app keeps a fresh PKCE verifier, `state` and `nonce`, and sends the browser to
 * `/oauth2/authorize` with the challenge, `identity_provider=Google` and its redirect URI. Managed
 * login checks the request and sends the browser on to Google, whose sign-in page it ends on.
 * A request managed login will not redirect anywhere ends on its error page; one it refuses
 * through the redirect URI comes straight back to the app with `error`.
 */
export const authorizeActor = fromPromise<AuthorizeResult, AuthorizeInput>(async ({ input }) => {
	const request = await authorizationRequest(input);
	const page = await input.browser.go(request.url);
	if (page.leftFor !== undefined) {
		try {
			oauth.validateAuthResponse(
				input.server,
				appClient(input),
				new URL(page.leftFor),
				request.state
			);
		} catch (error) {
			throw oauthRefusal('managed-login', error);
		}
	}
	if (page.response.status >= 400) throw pageRefusal('managed-login', page.response);
	return { request, googlePage: page };
});

async function authorizationRequest(input: AuthorizeInput): Promise<AuthorizationRequest> {
	const withPkce = !input.mistakes.includes('code-stolen-without-pkce');
	const withNonce = !input.mistakes.includes('nonce-not-checked');
	const codeVerifier = withPkce ? oauth.generateRandomCodeVerifier() : null;
	const codeChallenge = codeVerifier ? await oauth.calculatePKCECodeChallenge(codeVerifier) : null;
	const state = oauth.generateRandomState();
	const nonce = withNonce ? oauth.generateRandomNonce() : null;
	const url = new URL(input.server.authorization_endpoint!);
	url.search = new URLSearchParams({
		response_type: input.mistakes.includes('implicit-grant') ? 'token' : 'code',
		client_id: input.client.client_id,
		redirect_uri: input.redirectUri,
		scope: input.scope,
		identity_provider: input.identityProvider,
		state,
		...(nonce && { nonce }),
		...(codeChallenge && { code_challenge: codeChallenge, code_challenge_method: 'S256' })
	}).toString();
	return { url: url.href, codeVerifier, codeChallenge, state, nonce };
}
