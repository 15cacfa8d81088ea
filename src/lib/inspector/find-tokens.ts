import { decodeToken, type DecodedToken } from './decode-jwt';
import { jsonStrings, tryParseJson } from './walk-json';

/** A request or a response as recorded: the only input the finder needs. */
export interface TokenSource {
	headers: [name: string, value: string][];
	body: string;
	/** Requests only: tokens can ride in a query string or a fragment. */
	url?: string;
}

export interface FoundToken {
	/** Where it sits: `body`, `header`, `form` (url-encoded body) or `url`. */
	source: 'body' | 'header' | 'form' | 'url';
	/** JSON path (`AuthenticationResult.IdToken`), header name, form field or query parameter. */
	path: string;
	/** What a developer calls it: `ID token`, `Access token`, `Refresh token`, or `JWT`. */
	name: string;
	value: string;
	decoded: DecodedToken;
	/** The kind the field is meant to carry (`AccessToken` -> `access`), when its name says so. */
	expectedUse?: 'id' | 'access';
}

const fieldUse: Record<string, 'id' | 'access'> = {
	IdToken: 'id',
	id_token: 'id',
	AccessToken: 'access',
	access_token: 'access'
};

/**
 * Field names that hold a token whatever the value looks like, so a truncated or garbled token in
 * one of them is still shown (as invalid) rather than silently skipped.
 */
const tokenFields: Record<string, string> = {
	IdToken: 'ID token',
	id_token: 'ID token',
	AccessToken: 'Access token',
	access_token: 'Access token',
	RefreshToken: 'Refresh token',
	refresh_token: 'Refresh token',
	REFRESH_TOKEN: 'Refresh token',
	Token: 'Token',
	WebIdentityToken: 'Web identity token',
	authorization: 'Authorization token'
};

/** Three or five base64url parts, the first starting like a JSON object (`{"` is `eyJ`). */
const tokenShape = /^eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){2}(?:(?:\.[A-Za-z0-9_-]*){2})?$/;
const tokenInText = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){2}(?:(?:\.[A-Za-z0-9_-]*){2})?/g;

/** Whether a string has the shape of a compact JWT or JWE (it may still fail to decode). */
export function looksLikeToken(value: string): boolean {
	return tokenShape.test(value);
}

/**
 * Every JWT and JWE in a recorded message: in JSON bodies (at any depth), url-encoded bodies,
 * headers (`Authorization: Bearer ...`) and the URL. Never throws, whatever the body holds.
 *
 * @example findTokens({ headers: [], body: '{"AuthenticationResult":{"IdToken":"eyJ..."}}' })
 * // -> [{ source: 'body', path: 'AuthenticationResult.IdToken', name: 'ID token', ... }]
 */
export function findTokens(message: TokenSource): FoundToken[] {
	const found: FoundToken[] = [];
	const add = (source: FoundToken['source'], path: string, key: string, value: string) => {
		const known = tokenFields[key];
		if (value === '' || (!known && !looksLikeToken(value))) return;
		if (found.some((t) => t.source === source && t.path === path && t.value === value)) return;
		const decoded = decodeToken(value);
		const token: FoundToken = { source, path, name: tokenName(known, decoded), value, decoded };
		const expectedUse = fieldUse[key];
		if (expectedUse) token.expectedUse = expectedUse;
		found.push(token);
	};

	if (message.url)
		scanText(message.url, (token) => add('url', queryName(message.url ?? '', token), '', token));

	for (const [name, value] of message.headers) {
		const lower = name.toLowerCase();
		if (lower === 'authorization') {
			const bearer = /^Bearer\s+(.+)$/i.exec(value.trim());
			const token = bearer?.[1] ?? value.trim();
			// Only Bearer values or bare tokens: SigV4 and Basic headers are not tokens.
			if (bearer || looksLikeToken(token)) add('header', lower, 'authorization', token);
		} else {
			scanText(value, (token) => add('header', lower, '', token));
		}
	}

	const json = tryParseJson(message.body);
	if (json !== undefined && typeof json === 'object' && json !== null) {
		for (const { path, key, value } of jsonStrings(json)) add('body', path, key, value);
	} else if (isForm(message)) {
		for (const [key, value] of new URLSearchParams(message.body)) add('form', key, key, value);
	} else {
		scanText(message.body, (token) => add('body', '(text)', '', token));
	}
	return found;
}

function tokenName(known: string | undefined, decoded: DecodedToken): string {
	const actual =
		decoded.kind === 'jwe'
			? 'Encrypted token (JWE)'
			: decoded.kind === 'jws'
				? decoded.payload.token_use === 'id'
					? 'ID token'
					: decoded.payload.token_use === 'access'
						? 'Access token'
						: 'JWT'
				: undefined;
	if (!known || known === 'Token' || known === 'Authorization token')
		return actual ?? known ?? 'Token';
	// The field says one kind and the token another: the classic mix-up, so name both.
	const mixUp =
		(known === 'ID token' || known === 'Access token') &&
		(actual === 'ID token' || actual === 'Access token') &&
		actual !== known;
	return mixUp ? `${actual}, sent as the ${known.toLowerCase()}` : known;
}

function scanText(text: string, onToken: (token: string) => void): void {
	for (const match of text.matchAll(tokenInText)) onToken(match[0]);
}

/** The query or fragment parameter that carries `token`, or `url` when it is elsewhere. */
function queryName(url: string, token: string): string {
	const match = /[?#&]([^=&#?]+)=([^&#]*)/g;
	for (const m of url.matchAll(match)) {
		if (m[2] === token && m[1]) return m[1];
	}
	return 'url';
}

function isForm(message: TokenSource): boolean {
	const type = message.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
	return type.toLowerCase().includes('application/x-www-form-urlencoded');
}
