import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient, appRequestOptions } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { CognitoTokens, SamlSignInInput } from '../saml-sign-in-types';

export interface UserInfoInput extends SamlSignInInput {
	server: oauth.AuthorizationServer;
	tokens: CognitoTokens;
}

/**
 * `GET /oauth2/userInfo` with the access token, as oauth4webapi sends it; it checks that the
 * answer's `sub` is the ID token's. Resolves with the user's claims.
 */
export const userInfoActor = fromPromise<Record<string, unknown>, UserInfoInput>(
	async ({ input }) => {
		const client = appClient(input);
		try {
			const response = await oauth.userInfoRequest(
				input.server,
				client,
				input.tokens.accessToken,
				appRequestOptions(input)
			);
			const sub = input.tokens.idClaims?.sub;
			return (await oauth.processUserInfoResponse(
				input.server,
				client,
				typeof sub === 'string' ? sub : oauth.skipSubjectCheck,
				response
			)) as Record<string, unknown>;
		} catch (error) {
			throw oauthRefusal('managed-login', error);
		}
	}
);
