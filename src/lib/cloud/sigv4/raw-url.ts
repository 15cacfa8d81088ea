/** A request URL's parts exactly as they were sent: still percent-encoded, dot segments kept. */
export interface RawUrl {
	host: string;
	path: string;
	/** Without the `?`; empty when there is none. */
	query: string;
}

const shape = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/;

/**
 * Splits a URL without parsing it into a `URL`, which would resolve `..`, add escapes and so
 * change the very bytes the client signed. A URL that does not even have this shape is read as
 * a bare path.
 */
export function rawUrl(url: string): RawUrl {
	const match = shape.exec(url);
	if (!match) return { host: '', path: url.split(/[?#]/, 1)[0] ?? '', query: '' };
	return { host: match[1] ?? '', path: match[2] ?? '', query: match[3] ?? '' };
}

/**
 * The query as name/value pairs, decoded as AWS decodes it: `+` is a space (what
 * `URLSearchParams` sends), a part without `=` has the empty value, empty parts are skipped.
 */
export function queryPairs(query: string, decode: (text: string) => string): [string, string][] {
	const pairs: [string, string][] = [];
	for (const part of query.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const name = eq < 0 ? part : part.slice(0, eq);
		const value = eq < 0 ? '' : part.slice(eq + 1);
		pairs.push([decode(name.replace(/\+/g, ' ')), decode(value.replace(/\+/g, ' '))]);
	}
	return pairs;
}
