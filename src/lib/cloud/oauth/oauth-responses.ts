import { escapeXml } from '../wire';
import { wireResponse, type WireResponse } from '../wire/http-message';

/** The token endpoint's error codes (RFC 6749 §5.2, as Cognito answers them, cognito.md §5.3). */
export type TokenErrorCode =
	| 'invalid_request'
	| 'invalid_client'
	| 'invalid_grant'
	| 'unauthorized_client'
	| 'unsupported_grant_type'
	| 'unsupported_token_type'
	| 'invalid_scope';

/** A refusal at `/oauth2/token`: thrown by the grant handlers, answered by the endpoint. */
export class TokenError extends Error {
	constructor(
		readonly error: TokenErrorCode,
		readonly description?: string,
		/** 400 for all at the token endpoint; the revocation endpoint's `invalid_client` is 401. */
		readonly status = 400
	) {
		super(description ? `${error}: ${description}` : error);
	}
}

const json = 'application/json;charset=UTF-8';

/** 200 with the token endpoint's JSON; never cached (RFC 6749 §5.1). */
export function tokenResponse(body: Record<string, unknown>): WireResponse {
	return wireResponse(
		200,
		{ 'content-type': json, 'cache-control': 'no-store' },
		JSON.stringify(body)
	);
}

/**
 * `{"error": "..."}`, status 400 at the token endpoint for every code: AWS lists them all under
 * 400 (cognito.md §5.3; ⚠ RFC 6749 allows 401 for `invalid_client` with Basic auth, not
 * confirmed for Cognito there).
 */
export function tokenErrorResponse(error: TokenError): WireResponse {
	const body = error.description
		? { error: error.error, error_description: error.description }
		: { error: error.error };
	return wireResponse(
		error.status,
		{ 'content-type': json, 'cache-control': 'no-store' },
		JSON.stringify(body)
	);
}

/** A 302 the browser follows, with the cookies it must store on the way. */
export function redirect(location: string, setCookies: readonly string[] = []): WireResponse {
	return wireResponse(302, [
		['location', location],
		...setCookies.map((c): [string, string] => ['set-cookie', c])
	]);
}

/**
 * An HTML page of managed login. Cognito forbids framing its pages (`X-Frame-Options: DENY`,
 * cognito.md §5.2b).
 */
export function htmlPage(
	status: number,
	title: string,
	bodyHtml: string,
	setCookies: readonly string[] = []
): WireResponse {
	const page =
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>` +
		`<body><main>${bodyHtml}</main></body></html>`;
	return wireResponse(
		status,
		[
			['content-type', 'text/html;charset=UTF-8'],
			['x-frame-options', 'DENY'],
			['cache-control', 'no-store'],
			...setCookies.map((c): [string, string] => ['set-cookie', c])
		],
		page
	);
}

/**
 * The page shown when there is nowhere safe to redirect (an unknown client, a redirect URI that
 * is not registered): an error page, never a redirect to an unchecked address (cognito.md §5.2).
 */
export function errorPage(status: number, problem: string): WireResponse {
	return htmlPage(
		status,
		'Error',
		`<h1>An error was encountered with the requested page.</h1><p class="error">${escapeXml(problem)}</p>`
	);
}
