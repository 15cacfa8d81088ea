import { header, type WireRequest } from '../wire/http-message';
import { unescapeUri } from './escape-uri';
import { queryPairs, rawUrl } from './raw-url';

/** `<date>/<region>/<service>/aws4_request`, the part of a credential after the access key id. */
export interface CredentialScope {
	date: string;
	region: string;
	service: string;
	terminator: string;
	/** The four parts joined by `/`. */
	text: string;
}

/** What a request says about its own signature, before anything is checked (unverified). */
export interface SigV4Authorization {
	/** Where the signature came from. */
	location: 'header' | 'query';
	accessKeyId: string;
	scope: CredentialScope;
	/** Lower case, in the order given. */
	signedHeaders: string[];
	signature: string;
	/** `X-Amz-Date` (or the HTTP `Date` header turned into the same form), or `null`. */
	amzDate: string | null;
	/** A presigned URL's `X-Amz-Expires`, in seconds. */
	expires?: number;
	/** `X-Amz-Security-Token`, or `null`. */
	securityToken: string | null;
}

/** Why the authentication data cannot even be read. */
export type AuthorizationProblem =
	| { problem: 'missing' }
	| { problem: 'unsupported'; scheme: string }
	| { problem: 'incomplete'; detail: string };

export const algorithm = 'AWS4-HMAC-SHA256';

/**
 * Reads the SigV4 data from the `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=<key>/<scope>, SignedHeaders=a;b, Signature=<hex>`) or, for a
 * presigned URL, from the `X-Amz-*` query parameters (cognito.md §9.2, step 4). Nothing here is
 * trusted yet.
 */
export function parseAuthorization(
	request: WireRequest
): SigV4Authorization | AuthorizationProblem {
	const authorization = header(request, 'authorization');
	if (authorization !== null) return parseHeader(request, authorization.trim());
	const query = new Map(queryPairs(rawUrl(request.url).query, unescapeUri));
	if (query.has('X-Amz-Algorithm') || query.has('X-Amz-Signature')) return parseQuery(query);
	return { problem: 'missing' };
}

function parseHeader(
	request: WireRequest,
	authorization: string
): SigV4Authorization | AuthorizationProblem {
	const space = authorization.search(/\s/);
	const scheme = space < 0 ? authorization : authorization.slice(0, space);
	if (scheme !== algorithm) return { problem: 'unsupported', scheme };
	const fields = new Map<string, string>();
	for (const part of authorization.slice(space + 1).split(',')) {
		const eq = part.indexOf('=');
		if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	for (const name of ['Credential', 'SignedHeaders', 'Signature'])
		if (!fields.get(name))
			return {
				problem: 'incomplete',
				detail: `Authorization header requires '${name}' parameter.`
			};
	return complete({
		location: 'header',
		credential: fields.get('Credential')!,
		signedHeaders: fields.get('SignedHeaders')!,
		signature: fields.get('Signature')!,
		amzDate: header(request, 'x-amz-date') ?? amzDateFromHttpDate(header(request, 'date')),
		securityToken: header(request, 'x-amz-security-token')
	});
}

function parseQuery(query: Map<string, string>): SigV4Authorization | AuthorizationProblem {
	const algorithmParam = query.get('X-Amz-Algorithm');
	if (algorithmParam !== undefined && algorithmParam !== algorithm)
		return { problem: 'unsupported', scheme: algorithmParam };
	for (const name of [
		'X-Amz-Algorithm',
		'X-Amz-Credential',
		'X-Amz-Signature',
		'X-Amz-SignedHeaders',
		'X-Amz-Date'
	])
		if (!query.get(name))
			return { problem: 'incomplete', detail: `Query-string authentication requires '${name}'.` };
	const expires = Number(query.get('X-Amz-Expires') ?? '');
	return complete({
		location: 'query',
		credential: query.get('X-Amz-Credential')!,
		signedHeaders: query.get('X-Amz-SignedHeaders')!,
		signature: query.get('X-Amz-Signature')!,
		amzDate: query.get('X-Amz-Date')!,
		securityToken: query.get('X-Amz-Security-Token') ?? null,
		expires: Number.isInteger(expires) && expires >= 0 ? expires : undefined
	});
}

interface Fields {
	location: 'header' | 'query';
	credential: string;
	signedHeaders: string;
	signature: string;
	amzDate: string | null;
	securityToken: string | null;
	expires?: number;
}

function complete(fields: Fields): SigV4Authorization | AuthorizationProblem {
	const parts = fields.credential.split('/');
	if (parts.length !== 5 || parts.some((p) => p === ''))
		return {
			problem: 'incomplete',
			detail: `Credential should be scoped to a valid region, not '${fields.credential}'.`
		};
	const [accessKeyId, date, region, service, terminator] = parts as [
		string,
		string,
		string,
		string,
		string
	];
	const { credential: _credential, ...rest } = fields;
	return {
		...rest,
		accessKeyId,
		scope: { date, region, service, terminator, text: parts.slice(1).join('/') },
		signedHeaders: fields.signedHeaders.split(';').map((name) => name.trim().toLowerCase())
	};
}

/** `Date: Wed, 02 Dec 2026 09:00:00 GMT` as `20261202T090000Z`, or `null`. */
function amzDateFromHttpDate(value: string | null): string | null {
	if (value === null) return null;
	const time = Date.parse(value);
	return Number.isNaN(time) ? null : formatAmzDate(time);
}

/** Epoch ms as SigV4's `YYYYMMDD'T'HHMMSS'Z'`. */
export function formatAmzDate(time: number): string {
	return new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** `YYYYMMDD'T'HHMMSS'Z'` as epoch ms, or `null` when it is not one. */
export function parseAmzDate(value: string): number | null {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	if (!m) return null;
	const time = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
	return formatAmzDate(time) === value ? time : null;
}
