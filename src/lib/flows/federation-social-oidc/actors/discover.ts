import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appRequestOptions } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { SocialSignInInput } from '../social-sign-in-types';

/**
 * OIDC discovery, as oauth4webapi does it: `GET <issuer>/.well-known/openid-configuration` on the
 * `cognito-idp` host. The document names the endpoints on the pool's domain, so the app needs to
 * know only the issuer.
 */
export const discoverActor = fromPromise<oauth.AuthorizationServer, SocialSignInInput>(
	async ({ input }) => {
		const issuer = new URL(input.issuer);
		try {
			const response = await oauth.discoveryRequest(issuer, appRequestOptions(input));
			return await oauth.processDiscoveryResponse(issuer, response);
		} catch (error) {
			throw oauthRefusal('user-pool', error);
		}
	}
);
