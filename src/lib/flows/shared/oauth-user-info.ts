import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { appClient, appRequestOptions } from './oauth-app';
import { oauthRefusal } from './oauth-refusal';

export interface UserInfoInput {
	fetch: CloudFetch;
	client: oauth.Client;
	now: () => number;
	server: oauth.AuthorizationServer;
	/** The access token to send, and the ID token's claims whose `sub` the answer must match. */
	tokens: { accessToken: string; idClaims: Record<string, unknown> | null };
}

/**
 * `GET /oauth2/userInfo` with `Authorization: Bearer <access token>`, as oauth4webapi sends it;
 * it checks that the answer's `sub` is the ID token's. Resolves with the user's claims.
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
