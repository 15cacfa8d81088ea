import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { appRequestOptions } from './oauth-app';
import { oauthRefusal } from './oauth-refusal';

/** What the app knows before discovery: the pool's issuer, and its own network. */
export interface DiscoverInput {
	/** `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
	issuer: string;
	fetch: CloudFetch;
}

/**
 * OIDC discovery, as oauth4webapi does it: `GET <issuer>/.well-known/openid-configuration` on the
 * `cognito-idp` host. The document names the endpoints on the pool's domain, so the app needs to
 * know only the issuer, whichever provider the user then signs in with.
 */
export const discoverActor = fromPromise<oauth.AuthorizationServer, DiscoverInput>(
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
