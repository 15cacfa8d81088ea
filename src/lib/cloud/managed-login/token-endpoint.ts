import { pkceChallenge } from '$lib/crypto';
import { AwsServiceError } from '../wire';
import type { WireRequest, WireResponse } from '../wire/http-message';
import type { AppClientScenario } from '../scenario';
import { readForm, singleParam } from '../oauth/oauth-form';
import {
	issueClientCredentialsToken,
	issueOAuthTokens,
	issueTokens,
	type OAuthTokens
} from '../user-pool/issue-tokens';
import type { UserPoolModel } from '../user-pool/model';
import { openRefreshToken } from '../user-pool/open-refresh-token';
import type { ManagedLoginState } from './managed-login-state';
import { authenticateClient } from './client-authentication';
import { TokenError, tokenResponse } from '../oauth/oauth-responses';

/**
 * `POST /oauth2/token` (cognito.md §5.3): a form body, the client authenticated by
 * `client_secret_basic` or `client_secret_post` (a public client names itself with `client_id`),
 * then one of three grants. Every refusal is a `TokenError`, answered as `{"error": ...}`.
 */
export async function tokenEndpoint(
	model: UserPoolModel,
	state: ManagedLoginState,
	request: WireRequest
): Promise<WireResponse> {
	if (request.method !== 'POST')
		throw new TokenError('invalid_request', 'the token endpoint takes POST');
	const form = readForm(request);
	const client = authenticateClient(model, request, form);
	const grant = singleParam(form, 'grant_type');
	switch (grant) {
		case 'authorization_code':
			return tokens(await authorizationCode(model, state, client, form), true);
		case 'refresh_token':
			return tokens(await refreshToken(model, client, form), false);
		case 'client_credentials':
			return tokens(await clientCredentials(model, client, form), false);
		case null:
			throw new TokenError('invalid_request', 'grant_type is required');
		default:
			throw new TokenError('unsupported_grant_type');
	}
}

/** The token response, in the order AWS's documentation shows its members. */
function tokens(t: OAuthTokens, withRefresh: boolean): WireResponse {
	return tokenResponse({
		...(t.idToken ? { id_token: t.idToken } : {}),
		access_token: t.accessToken,
		...(withRefresh && t.refreshToken ? { refresh_token: t.refreshToken } : {}),
		expires_in: t.expiresIn,
		token_type: 'Bearer'
	});
}

async function authorizationCode(
	model: UserPoolModel,
	state: ManagedLoginState,
	client: AppClientScenario,
	form: URLSearchParams
): Promise<OAuthTokens> {
	const code = singleParam(form, 'code');
	const redirectUri = singleParam(form, 'redirect_uri');
	if (code === null) throw new TokenError('invalid_request', 'code is required');
	if (redirectUri === null) throw new TokenError('invalid_request', 'redirect_uri is required');
	if (!(client.allowedOAuthFlows ?? []).includes('code'))
		throw new TokenError('unauthorized_client');
	const granted = state.takeCode(code);
	// A code of another client, a used one and an expired one are alike: `invalid_grant`.
	if (!granted || granted.clientId !== client.id) throw new TokenError('invalid_grant');
	if (granted.redirectUri !== redirectUri) throw new TokenError('invalid_grant');
	if (granted.codeChallenge !== undefined) {
		const verifier = singleParam(form, 'code_verifier');
		// RFC 7636 §4.1: 43 to 128 unreserved characters; §4.6: a mismatch is `invalid_grant`.
		if (verifier === null || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier))
			throw new TokenError('invalid_grant');
		if ((await pkceChallenge(verifier)) !== granted.codeChallenge)
			throw new TokenError('invalid_grant');
	}
	const user = model.findUser(granted.username);
	if (!user || !user.enabled) throw new TokenError('invalid_grant');
	return issueOAuthTokens(model, {
		user,
		client,
		authTime: granted.authTime,
		oauth: {
			scopes: granted.scopes,
			...(granted.nonce !== undefined ? { nonce: granted.nonce } : {})
		}
	});
}

/**
 * New tokens for the same sign-in; no new refresh token, as rotation is not modelled (§5.3).
 * ⚠ SIM: a refresh token from the user-pool API (no OAuth scopes recorded) gets the API's tokens.
 */
async function refreshToken(
	model: UserPoolModel,
	client: AppClientScenario,
	form: URLSearchParams
): Promise<OAuthTokens> {
	const token = singleParam(form, 'refresh_token');
	if (token === null) throw new TokenError('invalid_request', 'refresh_token is required');
	let record;
	try {
		record = await openRefreshToken(model, token, client.id);
	} catch (error) {
		if (error instanceof AwsServiceError) throw new TokenError('invalid_grant');
		throw error;
	}
	const user = model.findUser(record.username);
	if (!user || !user.enabled) throw new TokenError('invalid_grant');
	const refreshOf = { originJti: record.originJti, authTime: record.authTime };
	if (record.oauth)
		return issueOAuthTokens(model, { user, client, refreshOf, oauth: record.oauth });
	const api = await issueTokens(model, { user, client, refreshOf });
	return { accessToken: api.AccessToken, idToken: api.IdToken, expiresIn: api.ExpiresIn };
}

/** Machine to machine: only a client with a secret and the grant, only custom scopes (§5.3). */
async function clientCredentials(
	model: UserPoolModel,
	client: AppClientScenario,
	form: URLSearchParams
): Promise<OAuthTokens> {
	if (client.secret === null || !(client.allowedOAuthFlows ?? []).includes('client_credentials'))
		throw new TokenError('unauthorized_client');
	const custom = (client.allowedOAuthScopes ?? []).filter((s) => s.includes('/'));
	const asked = singleParam(form, 'scope');
	const scopes = asked === null ? custom : [...new Set(asked.split(' ').filter(Boolean))];
	if (scopes.length === 0 || scopes.some((s) => !custom.includes(s)))
		throw new TokenError('invalid_scope');
	return issueClientCredentialsToken(model, client, scopes);
}
