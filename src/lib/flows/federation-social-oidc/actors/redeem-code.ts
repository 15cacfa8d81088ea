import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient, appRequestOptions } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type {
	AuthorizationRequest,
	CognitoTokens,
	SocialSignInInput
} from '../social-sign-in-types';

export interface RedeemCodeInput extends SocialSignInInput {
	server: oauth.AuthorizationServer;
	request: AuthorizationRequest;
	/** The callback's parameters, as `validateAuthResponse` returned them. */
	callbackParams: URLSearchParams;
}

/**
 * `POST /oauth2/token` with `grant_type=authorization_code`, the code, the same redirect URI and
 * the PKCE verifier, as oauth4webapi sends it, then oauth4webapi's checks of the answer: a token
 * response, and an ID token whose `iss`, `aud`, `exp`, `iat`, `nonce` and `at_hash` match. A
 * public client sends only its `client_id`; with mistake `client-secret-in-browser` the app sends
 * the secret in `Authorization: Basic`. With mistake `wrong-code-verifier` it sends a verifier of
 * another sign-in.
 */
export const redeemCodeActor = fromPromise<CognitoTokens, RedeemCodeInput>(async ({ input }) => {
	const client = appClient(input);
	try {
		const verifier = input.mistakes.includes('wrong-code-verifier')
			? oauth.generateRandomCodeVerifier()
			: (input.request.codeVerifier ?? oauth.nopkce);
		const response = await oauth.authorizationCodeGrantRequest(
			input.server,
			client,
			input.clientSecret ? oauth.ClientSecretBasic(input.clientSecret) : oauth.None(),
			input.callbackParams,
			input.redirectUri,
			verifier,
			appRequestOptions(input)
		);
		const result = await oauth.processAuthorizationCodeResponse(input.server, client, response, {
			expectedNonce: input.request.nonce ?? oauth.expectNoNonce
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
