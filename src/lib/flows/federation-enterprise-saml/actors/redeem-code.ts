import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient, appRequestOptions } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { AuthorizationRequest, CognitoTokens, SamlSignInInput } from '../saml-sign-in-types';

export interface RedeemCodeInput extends SamlSignInInput {
	server: oauth.AuthorizationServer;
	request: AuthorizationRequest;
	callbackParams: URLSearchParams;
}

/**
 * `POST /oauth2/token` with the code, the redirect URI and the PKCE verifier, as oauth4webapi
 * sends it for a public client, then its checks of the ID token (`iss`, `aud`, `exp`, `iat`,
 * `nonce`, `at_hash`).
 */
export const redeemCodeActor = fromPromise<CognitoTokens, RedeemCodeInput>(async ({ input }) => {
	const client = appClient(input);
	try {
		const response = await oauth.authorizationCodeGrantRequest(
			input.server,
			client,
			oauth.None(),
			input.callbackParams,
			input.redirectUri,
			input.request.codeVerifier,
			appRequestOptions(input)
		);
		const result = await oauth.processAuthorizationCodeResponse(input.server, client, response, {
			expectedNonce: input.request.nonce
		});
		return {
			idToken: result.id_token ?? null,
			accessToken: result.access_token,
			refreshToken: result.refresh_token ?? null,
			expiresIn: result.expires_in ?? null,
			idClaims: (oauth.getValidatedIdTokenClaims(result) as Record<string, unknown>) ?? null
		};
	} catch (error) {
		throw oauthRefusal('managed-login', error);
	}
});
