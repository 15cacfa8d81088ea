import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient, pageRefusal } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { AuthorizeResult, SamlSignInInput } from '../saml-sign-in-types';

export interface AuthorizeInput extends SamlSignInInput {
	server: oauth.AuthorizationServer;
}

/**
 * The app keeps a fresh PKCE verifier, `state` and `nonce`, and sends the browser to
 * `/oauth2/authorize` with `identity_provider=ExampleCorp`. Managed login keeps the request and
 * sends the browser to the IdP's single sign-on URL with a `SAMLRequest` (Cognito's
 * `AuthnRequest`, deflated and base64-encoded: the HTTP-Redirect binding) and a `RelayState`;
 * the IdP shows its sign-in page, where this step ends.
 */
export const authorizeActor = fromPromise<AuthorizeResult, AuthorizeInput>(async ({ input }) => {
	const codeVerifier = oauth.generateRandomCodeVerifier();
	const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
	const state = oauth.generateRandomState();
	const nonce = oauth.generateRandomNonce();
	const url = new URL(input.server.authorization_endpoint!);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: input.client.client_id,
		redirect_uri: input.redirectUri,
		scope: input.scope,
		identity_provider: input.identityProvider,
		state,
		nonce,
		code_challenge: codeChallenge,
		code_challenge_method: 'S256'
	}).toString();
	const request = { url: url.href, codeVerifier, codeChallenge, state, nonce };
	const page = await input.browser.go(request.url);
	if (page.leftFor !== undefined) {
		try {
			oauth.validateAuthResponse(input.server, appClient(input), new URL(page.leftFor), state);
		} catch (error) {
			throw oauthRefusal('managed-login', error);
		}
	}
	if (page.response.status >= 400) throw pageRefusal('managed-login', page.response);
	return { request, idpPage: page };
});
