import type { AppClientScenario } from '../scenario';
import { singleParam } from '../oauth/oauth-form';
import type { UserPoolModel } from '../user-pool/model';
import { errorPage } from '../oauth/oauth-responses';
import type { WireResponse } from '../wire/http-message';

/** A checked `/oauth2/authorize` (or `/login`) request: what a code or a token will carry. */
export interface AuthorizeRequest {
	client: AppClientScenario;
	redirectUri: string;
	responseType: 'code' | 'token';
	/** The scopes granted: those asked for that the client allows, or all of the client's. */
	scopes: string[];
	state?: string;
	nonce?: string;
	/** PKCE, S256 only. */
	codeChallenge?: string;
	/** `identity_provider`, when the app names one (`COGNITO` shows the pool's own form). */
	identityProvider?: string;
}

/** Either the request, or what to answer instead: an error page, or an error redirect. */
export type AuthorizeCheck =
	{ request: AuthorizeRequest } | { answer: WireResponse } | { errorRedirect: string };

const openIdScopes = ['email', 'phone', 'profile'];

/**
 * Checks the authorization request's parameters in the order that decides where an error may go
 * (cognito.md §5.2): first the client and the redirect URI, whose failures can only be shown as a
 * page, since redirecting to an unchecked URI would hand the error (and later codes) to anyone;
 * then everything else, whose failures redirect to the checked URI with `error` and `state`.
 */
export function checkAuthorizeRequest(
	model: UserPoolModel,
	query: URLSearchParams
): AuthorizeCheck {
	const clientId = singleParam(query, 'client_id');
	const client = clientId ? model.pool.clients.find((c) => c.id === clientId) : undefined;
	if (!client)
		return { answer: errorPage(400, clientId ? 'Invalid client_id.' : 'Missing client_id.') };
	const redirectUri = singleParam(query, 'redirect_uri');
	// Exact string comparison, as AWS does: no trailing-slash or case forgiveness.
	if (!redirectUri || !client.callbackUrls.includes(redirectUri))
		return {
			answer: errorPage(
				400,
				'redirect_mismatch: the redirect_uri is not a callback URL of this app client.'
			)
		};

	const state = singleParam(query, 'state') ?? undefined;
	const fail = (error: string, description?: string): AuthorizeCheck => {
		const to = new URL(redirectUri);
		to.searchParams.set('error', error);
		if (description) to.searchParams.set('error_description', description);
		if (state !== undefined) to.searchParams.set('state', state);
		return { errorRedirect: to.href };
	};

	const responseType = singleParam(query, 'response_type');
	if (responseType !== 'code' && responseType !== 'token')
		return fail(
			'invalid_request',
			responseType ? 'unsupported response_type' : 'response_type is required'
		);
	const flows = client.allowedOAuthFlows ?? [];
	if (!flows.includes(responseType === 'code' ? 'code' : 'implicit'))
		return fail('unauthorized_client');

	const method = singleParam(query, 'code_challenge_method');
	const challenge = singleParam(query, 'code_challenge');
	// Only S256 is supported; a method needs a challenge (cognito.md §5.2). ⚠ SIM: a challenge
	// without a method would mean `plain` (RFC 7636), which Cognito does not support: refused too.
	if (method !== null && method !== 'S256')
		return fail('invalid_request', 'unsupported code_challenge_method');
	if ((method === null) !== (challenge === null))
		return fail('invalid_request', 'code_challenge and code_challenge_method go together');
	if (challenge !== null && !/^[A-Za-z0-9_-]{43}$/.test(challenge))
		return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest');

	const allowed = client.allowedOAuthScopes ?? [];
	const asked = singleParam(query, 'scope');
	// Scopes the client may not have are ignored; none asked means all the client's (§5.2).
	const scopes =
		asked === null ? [...allowed] : unique(asked.split(' ').filter((s) => allowed.includes(s)));
	if (scopes.length === 0) return fail('invalid_scope');
	// ⚠ SIM: email, phone and profile need openid (§5.2); asking for them alone is refused here.
	if (!scopes.includes('openid') && scopes.some((s) => openIdScopes.includes(s)))
		return fail('invalid_scope');

	// `idp_identifier` names a provider by one of its `IdpIdentifiers` (e.g. an email domain).
	const identifier = singleParam(query, 'idp_identifier');
	const identified =
		identifier === null
			? undefined
			: (model.pool.identityProviders?.find(
					(p) => p.providerType === 'SAML' && p.idpIdentifiers?.includes(identifier)
				)?.providerName ?? '');
	const identityProvider = singleParam(query, 'identity_provider') ?? identified;
	const providers = client.supportedIdentityProviders ?? [];
	if (identityProvider !== undefined && !providers.includes(identityProvider))
		return fail('invalid_request', 'unsupported identity provider');
	if (providers.length === 0)
		return fail('unauthorized_client', 'no identity provider is enabled for this client');

	return {
		request: {
			client,
			redirectUri,
			responseType,
			scopes,
			...(state !== undefined ? { state } : {}),
			...(query.get('nonce') !== null ? { nonce: query.get('nonce')! } : {}),
			...(challenge !== null ? { codeChallenge: challenge } : {}),
			...(identityProvider !== undefined ? { identityProvider } : {})
		}
	};
}

function unique(values: string[]): string[] {
	return [...new Set(values.filter(Boolean))];
}
