import type { JSONWebKeySet } from 'jose';
import type { UserPoolModel } from './model';

/** The pool's JWKS: the ID-token key and the access-token key, `{alg, e, kid, kty, n, use}`. */
export async function userPoolJwks(model: UserPoolModel): Promise<JSONWebKeySet> {
	const keys = await model.keys();
	return { keys: [{ ...keys.idToken.publicJwk }, { ...keys.accessToken.publicJwk }] };
}

/**
 * The OIDC discovery document. ⚠ AWS does not document the member list; this is the reference's
 * defensible list (cognito.md §2.1), with the endpoints on the pool's managed-login domain.
 */
export function openIdConfiguration(model: UserPoolModel): Record<string, unknown> {
	const domain = model.domain;
	return {
		authorization_endpoint: `${domain}/oauth2/authorize`,
		end_session_endpoint: `${domain}/logout`,
		id_token_signing_alg_values_supported: ['RS256'],
		issuer: model.issuer,
		jwks_uri: `${model.issuer}/.well-known/jwks.json`,
		response_types_supported: ['code', 'token'],
		revocation_endpoint: `${domain}/oauth2/revoke`,
		scopes_supported: ['openid', 'email', 'phone', 'profile'],
		subject_types_supported: ['public'],
		token_endpoint: `${domain}/oauth2/token`,
		token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
		userinfo_endpoint: `${domain}/oauth2/userInfo`
	};
}
