const encoder = new TextEncoder();
const unreserved = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes `text` as SigV4 asks (RFC 3986): every byte of its UTF-8 form except the
 * unreserved characters `A-Z a-z 0-9 - . _ ~`, with upper-case hex (a space is `%20`, never `+`).
 * Unlike `encodeURIComponent` it also encodes `! ' ( ) *` and never throws: a lone surrogate
 * becomes U+FFFD's bytes, as `TextEncoder` writes it.
 *
 * @example escapeUri('a b/ü') === 'a%20b%2F%C3%BC'
 */
export function escapeUri(text: string): string {
	let out = '';
	for (const char of text) {
		if (unreserved.test(char)) out += char;
		else
			for (const byte of encoder.encode(char))
				out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/**
 * Decodes percent escapes as a server does, leaving a malformed escape (`%zz`, a cut UTF-8
 * sequence) as the text it was, so odd input is canonicalised instead of refused.
 */
export function unescapeUri(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
			try {
				return decodeURIComponent(run);
			} catch {
				return run;
			}
		});
	}
}
