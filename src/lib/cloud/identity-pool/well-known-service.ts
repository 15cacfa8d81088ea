import type { JSONWebKeySet } from 'jose';
import type { Service } from '../service';
import { wireResponse, type WireResponse } from '../wire';
import { identityPoolIssuer } from './model';

/** 30 days, as AWS documents for the identity pool JWKS (cognito.md §7.6). */
const jwksCacheControl = 'max-age=2592000';
const jwksPath = '/.well-known/jwks_uri';
const discoveryPath = '/.well-known/openid-configuration';

/**
 * `https://cognito-identity.amazonaws.com/.well-known/jwks_uri` and `openid-configuration`: the
 * public half of the identity pool's signing key, where STS, API Gateway and the inspector fetch
 * it. A host of its own (no region), so it is a service of its own.
 *
 * ⚠ SIM: the discovery document's members are not documented for identity pools; these are the
 * ones OIDC discovery requires, with the values the tokens really have (RS512, public subjects).
 */
export function createWellKnownService(jwks: () => Promise<JSONWebKeySet>): Service {
	const host = new URL(identityPoolIssuer).host;
	return {
		actor: 'identity-pool',
		matches: (url) => url.protocol === 'https:' && url.host === host,
		async handle(request): Promise<WireResponse> {
			const path = new URL(request.url).pathname;
			const json = { 'content-type': 'application/json;charset=UTF-8' };
			if (request.method !== 'GET' && request.method !== 'HEAD')
				return wireResponse(405, json, JSON.stringify({ message: 'Method Not Allowed' }));
			if (path === jwksPath)
				return wireResponse(
					200,
					{ ...json, 'cache-control': jwksCacheControl },
					JSON.stringify(await jwks())
				);
			if (path === discoveryPath)
				return wireResponse(
					200,
					json,
					JSON.stringify({
						issuer: identityPoolIssuer,
						jwks_uri: `${identityPoolIssuer}${jwksPath}`,
						response_types_supported: ['id_token'],
						subject_types_supported: ['public'],
						id_token_signing_alg_values_supported: ['RS512'],
						claims_supported: ['sub', 'aud', 'iss', 'amr', 'exp', 'iat']
					})
				);
			// ⚠ SIM: the body of AWS's 404 on this host is not in the reference.
			return wireResponse(404, json, JSON.stringify({ message: 'Not Found' }));
		}
	};
}
