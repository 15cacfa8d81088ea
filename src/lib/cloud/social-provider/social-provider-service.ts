import { SignJWT, type JSONWebKeySet } from 'jose';
import { accessTokenHash, base64UrlEncode } from '$lib/crypto';
import { presentedClient } from '../oauth/client-credentials';
import { formOrEmpty, readForm, singleParam } from '../oauth/oauth-form';
import {
	htmlPage,
	redirect,
	TokenError,
	tokenErrorResponse,
	tokenResponse
} from '../oauth/oauth-responses';
import { requestCookies } from '../oauth/request-cookies';
import type { SocialAccountScenario, SocialProviderScenario } from '../scenario';
import type { Service, ServiceContext } from '../service';
import { escapeXml } from '../wire';
import { header, wireResponse, type WireRequest, type WireResponse } from '../wire/http-message';
import {
	matchesSocialProviderHost,
	socialProviderEndpoints,
	socialProviderHosts,
	socialProviderIssuers
} from '../social-provider-hosts';
import { generateSocialProviderKey, type SocialProviderKey } from './social-provider-keys';

/** The issuer its ID tokens carry. */
export const socialProviderIssuer = socialProviderIssuers[0]!;
const endpoint = socialProviderEndpoints;
const codeLifetimeMs = 10 * 60_000; // ⚠ SIM: Google does not publish its code lifetime.
const idTokenLifetime = 3600;
/** How Google names the OIDC scopes in its token response. */
const grantedScopeNames: Record<string, string> = {
	email: 'https://www.googleapis.com/auth/userinfo.email',
	profile: 'https://www.googleapis.com/auth/userinfo.profile',
	openid: 'openid'
};
const sessionCookie = 'SID';

/** An authorization request's client, redirect URI and scopes; or the page that refuses it. */
type Checked =
	| { page: WireResponse }
	| {
			client: SocialProviderScenario['clients'][number];
			redirectUri: string;
			scopes: string[];
			back: (params: Record<string, string>) => WireResponse;
	  };

interface Grant {
	clientId: string;
	redirectUri: string;
	sub: string;
	scopes: string[];
	nonce?: string;
	expiresAt: number;
}

/**
 * The simulated social provider, shaped like Google's OpenID Connect service: discovery, JWKS,
 * an authorization endpoint with its own sign-in and consent pages (and a session cookie, so a
 * second visit asks nothing), a token endpoint that returns an opaque access token and an RS256
 * ID token, and userinfo. Its accounts and clients come from the scenario.
 */
/** The provider's service, and its published keys without a network round trip. */
export interface SocialProvider {
	service: Service;
	jwks(): Promise<JSONWebKeySet>;
}

export function createSocialProvider(
	context: ServiceContext,
	provider: SocialProviderScenario
): SocialProvider {
	const { clock, random } = context;
	let key: Promise<SocialProviderKey> | undefined;
	const signingKey = () => (key ??= generateSocialProviderKey(random));
	const grants = new Map<string, Grant>();
	const sessions = new Map<string, string>();
	const consents = new Set<string>();
	const accessTokens = new Map<string, { sub: string; scopes: string[]; expiresAt: number }>();

	const publishedKeys = async (): Promise<JSONWebKeySet> => ({
		keys: [(await signingKey()).publicJwk]
	});
	const account = (sub: string | undefined) => provider.accounts.find((a) => a.sub === sub);

	/** The authorization request's client and redirect URI; failures are pages, never redirects. */
	function checkRequest(query: URLSearchParams): Checked {
		const client = provider.clients.find((c) => c.clientId === singleParam(query, 'client_id'));
		if (!client)
			return { page: errorPage(401, 'invalid_client', 'The OAuth client was not found.') };
		const redirectUri = singleParam(query, 'redirect_uri');
		if (!redirectUri || !client.redirectUris.includes(redirectUri))
			return {
				page: errorPage(
					400,
					'redirect_uri_mismatch',
					'The redirect URI is not registered for this client.'
				)
			};
		const back = (params: Record<string, string>) => {
			const to = new URL(redirectUri);
			for (const [k, v] of Object.entries(params)) to.searchParams.set(k, v);
			const state = singleParam(query, 'state');
			if (state !== null) to.searchParams.set('state', state);
			return redirect(to.href);
		};
		if (singleParam(query, 'response_type') !== 'code')
			return { page: back({ error: 'unsupported_response_type' }) };
		const scopes = (singleParam(query, 'scope') ?? '')
			.split(' ')
			.filter((s) => s in grantedScopeNames);
		if (!scopes.includes('openid')) return { page: back({ error: 'invalid_scope' }) };
		return { client, redirectUri, scopes, back };
	}

	function approve(query: URLSearchParams, sub: string): WireResponse {
		const checked = checkRequest(query);
		if ('page' in checked) return checked.page;
		const code = `4/0A${base64UrlEncode(random.bytes(24))}`;
		const nonce = singleParam(query, 'nonce');
		grants.set(code, {
			clientId: checked.client.clientId,
			redirectUri: checked.redirectUri,
			sub,
			scopes: checked.scopes,
			...(nonce !== null ? { nonce } : {}),
			expiresAt: clock.now() + codeLifetimeMs
		});
		return checked.back({
			code,
			scope: checked.scopes.map((s) => grantedScopeNames[s]).join(' '),
			authuser: '0',
			prompt: 'consent'
		});
	}

	/** The sign-in page, or (signed in) the consent page, or (consented before) straight back. */
	function authorize(request: WireRequest, query: URLSearchParams, problem?: string): WireResponse {
		const checked = checkRequest(query);
		if ('page' in checked) return checked.page;
		const sub = sessions.get(requestCookies(request).get(sessionCookie) ?? '');
		if (!account(sub))
			return page(
				problem ? 400 : 200,
				'Sign in - Google Accounts',
				`<h1>Sign in</h1>${problem ? `<p class="error" role="alert">${escapeXml(problem)}</p>` : ''}` +
					`<form method="post" action="/signin?${escapeXml(query.toString())}">` +
					`<label>Email <input name="email" type="email" autocomplete="username"></label>` +
					`<label>Password <input name="password" type="password" autocomplete="current-password"></label>` +
					`<button type="submit">Next</button></form>`
			);
		if (consents.has(`${sub}:${checked.client.clientId}`)) return approve(query, sub!);
		return page(
			200,
			'Consent',
			`<h1>Sign in to flow-lab.auth.us-east-1.amazoncognito.com</h1>` +
				`<p>The app will see your name, email address and profile picture.</p>` +
				`<form method="post" action="/consent?${escapeXml(query.toString())}">` +
				`<button name="approve" value="allow">Continue</button>` +
				`<button name="approve" value="deny">Cancel</button></form>`
		);
	}

	function signIn(request: WireRequest, query: URLSearchParams): WireResponse {
		const form = formOrEmpty(request);
		const found = provider.accounts.find(
			(a) => a.email.toLowerCase() === (form.get('email') ?? '').toLowerCase()
		);
		if (!found) return authorize(request, query, "Couldn't find your Google Account.");
		if (form.get('password') !== found.password)
			return authorize(request, query, 'Wrong password. Try again.');
		const sid = base64UrlEncode(random.bytes(24));
		sessions.set(sid, found.sub);
		const next = authorize({ ...request, headers: [['cookie', `${sessionCookie}=${sid}`]] }, query);
		next.headers.push([
			'set-cookie',
			`${sessionCookie}=${sid}; Path=/; Secure; HttpOnly; SameSite=None`
		]);
		return next;
	}

	function consent(request: WireRequest, query: URLSearchParams): WireResponse {
		const checked = checkRequest(query);
		if ('page' in checked) return checked.page;
		const sub = sessions.get(requestCookies(request).get(sessionCookie) ?? '');
		if (!account(sub)) return authorize(request, query);
		if (formOrEmpty(request).get('approve') !== 'allow')
			return checked.back({ error: 'access_denied' });
		consents.add(`${sub}:${checked.client.clientId}`);
		return approve(query, sub!);
	}

	async function token(request: WireRequest): Promise<WireResponse> {
		const form = readForm(request);
		// Google answers every failed client authentication with 401 `invalid_client`.
		const unauthorized = new TokenError('invalid_client', 'Unauthorized', 401);
		let presented: ReturnType<typeof presentedClient>;
		try {
			presented = presentedClient(request, form);
		} catch (error) {
			if (error instanceof TokenError && error.error === 'invalid_client') throw unauthorized;
			throw error;
		}
		const client = provider.clients.find((c) => c.clientId === presented.id);
		if (!client || presented.secret !== client.clientSecret) throw unauthorized;
		if (singleParam(form, 'grant_type') !== 'authorization_code')
			throw new TokenError('unsupported_grant_type', 'Invalid grant_type');
		const code = singleParam(form, 'code');
		if (code === null) throw new TokenError('invalid_request', 'Missing required parameter: code');
		const grant = grants.get(code);
		grants.delete(code);
		if (
			!grant ||
			clock.now() >= grant.expiresAt ||
			grant.clientId !== client.clientId ||
			grant.redirectUri !== singleParam(form, 'redirect_uri')
		)
			throw new TokenError('invalid_grant', 'Bad Request');
		const who = account(grant.sub)!;
		const accessToken = `ya29.${base64UrlEncode(random.bytes(48))}`;
		accessTokens.set(accessToken, {
			sub: who.sub,
			scopes: grant.scopes,
			expiresAt: clock.now() + 3599_000
		});
		return tokenResponse({
			access_token: accessToken,
			expires_in: 3599,
			scope: grant.scopes.map((s) => grantedScopeNames[s]).join(' '),
			token_type: 'Bearer',
			id_token: await idToken(who, grant, accessToken)
		});
	}

	async function idToken(
		who: SocialAccountScenario,
		grant: Grant,
		accessToken: string
	): Promise<string> {
		const k = await signingKey();
		const now = Math.floor(clock.now() / 1000);
		const email = grant.scopes.includes('email');
		const profile = grant.scopes.includes('profile');
		return new SignJWT({
			iss: socialProviderIssuer,
			azp: grant.clientId,
			aud: grant.clientId,
			sub: who.sub,
			...(email ? { email: who.email, email_verified: who.emailVerified } : {}),
			at_hash: await accessTokenHash(accessToken),
			...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
			...(profile
				? { name: who.name, given_name: who.givenName, family_name: who.familyName }
				: {}),
			iat: now,
			exp: now + idTokenLifetime
		})
			.setProtectedHeader({ alg: 'RS256', kid: k.kid, typ: 'JWT' })
			.sign(k.privateKey);
	}

	function userInfo(request: WireRequest): WireResponse {
		const bearer = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
		const granted = bearer ? accessTokens.get(bearer[1]!) : undefined;
		if (!granted || clock.now() >= granted.expiresAt)
			return wireResponse(401, {
				'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"'
			});
		const who = account(granted.sub)!;
		return json({
			sub: who.sub,
			...(granted.scopes.includes('profile')
				? { name: who.name, given_name: who.givenName, family_name: who.familyName }
				: {}),
			...(granted.scopes.includes('email')
				? { email: who.email, email_verified: who.emailVerified }
				: {})
		});
	}

	async function answer(request: WireRequest, url: URL): Promise<WireResponse> {
		const route = `${request.method} ${url.origin}${url.pathname}`;
		const q = url.searchParams;
		// ⚠ SIM: the token endpoint answers any other method in its own JSON error shape.
		if (url.origin + url.pathname === endpoint.token && request.method !== 'POST')
			throw new TokenError('invalid_request', 'Invalid request method');
		switch (route) {
			case `GET ${endpoint.discovery}`:
				return json({
					issuer: socialProviderIssuer,
					authorization_endpoint: endpoint.authorize,
					token_endpoint: endpoint.token,
					userinfo_endpoint: endpoint.userInfo,
					jwks_uri: endpoint.jwks,
					response_types_supported: ['code'],
					subject_types_supported: ['public'],
					id_token_signing_alg_values_supported: ['RS256'],
					scopes_supported: ['openid', 'email', 'profile'],
					token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic']
				});
			case `GET ${endpoint.authorize}`:
				return authorize(request, q);
			case `POST https://${socialProviderHosts.accounts}/signin`:
				return signIn(request, q);
			case `POST https://${socialProviderHosts.accounts}/consent`:
				return consent(request, q);
			case `POST ${endpoint.token}`:
				return token(request);
			case `GET ${endpoint.jwks}`:
				return json(await publishedKeys());
			case `GET ${endpoint.userInfo}`:
				return userInfo(request);
			default:
				return errorPage(404, 'not_found', `${request.method} ${url.pathname} is not served here.`);
		}
	}

	const service: Service = {
		actor: 'external-idp',
		matches: matchesSocialProviderHost,
		async handle(request) {
			try {
				return await answer(request, new URL(request.url));
			} catch (error) {
				if (error instanceof TokenError) return tokenErrorResponse(error);
				const message = error instanceof Error ? error.message : String(error);
				return errorPage(500, 'server_error', message);
			}
		}
	};
	return { service, jwks: publishedKeys };
}

function page(status: number, title: string, body: string): WireResponse {
	return htmlPage(status, title, body);
}

function errorPage(status: number, error: string, description: string): WireResponse {
	return htmlPage(
		status,
		`Error ${status}: ${error}`,
		`<h1>Error ${status}: ${escapeXml(error)}</h1><p>${escapeXml(description)}</p>`
	);
}

function json(body: unknown): WireResponse {
	return wireResponse(
		200,
		{ 'content-type': 'application/json; charset=utf-8' },
		JSON.stringify(body)
	);
}

function readFormOrEmpty(request: WireRequest): URLSearchParams {
	try {
		return readForm(request);
	} catch {
		return new URLSearchParams();
	}
}
