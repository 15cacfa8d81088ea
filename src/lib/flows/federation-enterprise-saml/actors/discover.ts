import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appRequestOptions } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { SamlSignInInput } from '../saml-sign-in-types';

/**
 * OIDC discovery, as oauth4webapi does it: `GET <issuer>/.well-known/openid-configuration`. The
 * app knows nothing of SAML: to it, the pool is an OpenID provider like any other.
 */
export const discoverActor = fromPromise<oauth.AuthorizationServer, SamlSignInInput>(
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
