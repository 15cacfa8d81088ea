import { header, type WireRequest } from '../wire/http-message';
import { escapeUri, unescapeUri } from './escape-uri';
import { queryPairs, rawUrl } from './raw-url';

/** The SigV4 canonical request and its parts, for the inspector and for S3's error body. */
export interface CanonicalRequest {
	method: string;
	uri: string;
	query: string;
	headers: string;
	signedHeaders: string;
	payloadHash: string;
	/** The six parts joined by newlines: what is hashed into the string to sign. */
	text: string;
}

export interface CanonicalRequestOptions {
	/** S3 encodes the path once; every other service twice. */
	service: string;
	/** Names of the signed headers, lower case, as the `SignedHeaders` list gave them. */
	signedHeaders: readonly string[];
	/** The payload hash the client used (see `payloadHashOf`). */
	payloadHash: string;
	/** Query parameters left out (a presigned URL's own `X-Amz-Signature`). */
	omitQuery?: string;
}

/**
 * Rebuilds the canonical request from the request as received (cognito.md §9.2, step 1):
 *
 * `Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n Payload`
 */
export function canonicalRequest(
	request: WireRequest,
	options: CanonicalRequestOptions
): CanonicalRequest {
	const url = rawUrl(request.url);
	const method = request.method.toUpperCase();
	const uri = canonicalUri(url.path, options.service);
	const query = canonicalQuery(url.query, options.omitQuery);
	const headers = options.signedHeaders
		.map((name) => `${name}:${canonicalHeaderValue(request, name, url.host)}\n`)
		.join('');
	const signedHeaders = options.signedHeaders.join(';');
	const text = [method, uri, query, headers, signedHeaders, options.payloadHash].join('\n');
	return { method, uri, query, headers, signedHeaders, payloadHash: options.payloadHash, text };
}

/**
 * CanonicalURI. For S3 the path is the object key encoded once: decoded here and encoded again, so
 * `%7E` and `~` sign alike. Every other service normalises the path (empty and `.` segments
 * dropped, `..` resolved) and encodes the already-encoded path a second time, as the AWS SDK's
 * signer does. An empty path is `/`.
 */
export function canonicalUri(path: string, service: string): string {
	if (service === 's3') {
		if (path === '') return '/';
		return path
			.split('/')
			.map((segment) => escapeUri(unescapeUri(segment)))
			.join('/');
	}
	const segments: string[] = [];
	for (const segment of path.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') segments.pop();
		else segments.push(segment);
	}
	const normalised =
		'/' + segments.join('/') + (segments.length > 0 && path.endsWith('/') ? '/' : '');
	return escapeUri(normalised).replace(/%2F/g, '/');
}

/**
 * CanonicalQueryString: each parameter decoded, then `escapeUri(name)=escapeUri(value)`, sorted by
 * encoded name and then value (a repeated name keeps every value), joined by `&`.
 */
export function canonicalQuery(query: string, omit?: string): string {
	return queryPairs(query, unescapeUri)
		.filter(([name]) => omit === undefined || name.toLowerCase() !== omit.toLowerCase())
		.map(([name, value]) => [escapeUri(name), escapeUri(value)] as const)
		.sort(([n1, v1], [n2, v2]) => (n1 < n2 ? -1 : n1 > n2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

/**
 * A signed header's canonical value: every value of the name joined by `,`, trimmed, runs of
 * white space as one space. `host` comes from the URL when the request does not carry it (a
 * browser's `fetch` adds it on the wire, after the signer saw the URL's host).
 */
function canonicalHeaderValue(request: WireRequest, name: string, urlHost: string): string {
	const values = request.headers.filter(([n]) => n === name).map(([, v]) => v);
	if (values.length === 0 && name === 'host') values.push(urlHost);
	return values.map((value) => value.trim().replace(/\s+/g, ' ')).join(',');
}

/** The payload hash as the client declared it: `x-amz-content-sha256` when present. */
export function declaredPayloadHash(request: WireRequest): string | null {
	return header(request, 'x-amz-content-sha256');
}
