import { bodyText } from './http-message';

/** How an exchange ended, in the terms its protocol uses: what captions, diagram and inspector show. */
export interface Outcome {
	/** The service did what was asked: a 1xx–3xx answer that carries no error. */
	ok: boolean;
	status: number;
	/**
	 * For an error, its name as the protocol gives it (`NotAuthorizedException`, `AccessDenied`,
	 * `invalid_grant`); for a user pool challenge, the challenge (`PASSWORD_VERIFIER`). `null` when
	 * the answer names nothing (a plain success, or API Gateway's bare `{"message": ...}`).
	 */
	code: string | null;
	/** The service's own message for an error, when it gave one. */
	message: string | null;
}

/** A response as the network carries it (body bytes) or records it (body text). */
export interface OutcomeSource {
	status: number;
	headers: readonly (readonly [name: string, value: string])[];
	body: string | Uint8Array;
}

/**
 * Reads any simulated service's answer the way its clients do. Errors: AWS JSON 1.1 (`__type`, or
 * the `x-amzn-errortype` header, and `message`/`Message`); AWS Query and S3 XML
 * (`<ErrorResponse><Error><Code>`, `<Error><Code>`, with `<Message>`); OAuth (`error` and
 * `error_description` in a JSON body, or in the query or fragment of a redirect's `Location`, RFC
 * 6749 §4.1.2.1), or in a `WWW-Authenticate` challenge (RFC 6750 §3); API Gateway's
 * `{"message": ...}`; an HTML error page's `<p class="error">` (managed
 * login's and the identity providers' pages, read as `code: message` when it starts with a code). A success names the user pool challenge it
 * asks for next (`ChallengeName`). Never throws, whatever the bytes.
 *
 * @example readOutcome({ status: 400, headers: [], body: '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}' })
 * // -> { ok: false, status: 400, code: 'NotAuthorizedException', message: 'Incorrect username or password.' }
 */
export function readOutcome(response: OutcomeSource): Outcome {
	const status = response.status;
	const body = response.body;
	const text = typeof body === 'string' ? body : bodyText({ body });
	const json = jsonObject(text);
	const headerType = headerValue(response.headers, 'x-amzn-errortype');
	const awsType = string(json?.__type) ?? string(json?.code) ?? headerType;
	const failed =
		status >= 400 || status < 100 || (awsType !== undefined && json?.__type !== undefined);

	if (!failed) {
		const redirectError = status >= 300 ? oauthRedirectError(response.headers) : null;
		if (redirectError) return { ok: false, status, ...redirectError };
		return { ok: true, status, code: string(json?.ChallengeName) ?? null, message: null };
	}

	const message = string(json?.message) ?? string(json?.Message) ?? null;
	if (awsType !== undefined) return { ok: false, status, code: awsErrorName(awsType), message };
	const oauth = string(json?.error);
	if (oauth !== undefined)
		return { ok: false, status, code: oauth, message: string(json?.error_description) ?? null };
	const challenge = bearerChallenge(headerValue(response.headers, 'www-authenticate'));
	if (challenge) return { ok: false, status, ...challenge };
	if (json) return { ok: false, status, code: null, message };
	const page = htmlError(text);
	if (page) return { ok: false, status, ...page };
	const xml = xmlError(text);
	if (xml) return { ok: false, status, ...xml };
	return { ok: false, status, code: null, message: null };
}

/**
 * The `error` and `error_description` of a `WWW-Authenticate` challenge (RFC 6750 §3), with or
 * without the `Bearer` scheme in front, as `/oauth2/userInfo` refuses a token.
 */
function bearerChallenge(value: string | undefined): Pick<Outcome, 'code' | 'message'> | null {
	if (!value) return null;
	const param = (name: string) =>
		new RegExp(`(?:^|[\\s,])${name}="([^"]{0,2000})"`).exec(value.slice(0, 4000))?.[1];
	const error = param('error');
	return error ? { code: error, message: param('error_description') ?? null } : null;
}

/**
 * The problem an HTML error page states in its `<p class="error">`: `redirect_mismatch: the
 * redirect_uri is…` names its code; a sentence alone is a message with no code.
 */
function htmlError(text: string): Pick<Outcome, 'code' | 'message'> | null {
	const found = /<p class="error"[^>]*>([^<]{1,2000})<\/p>/.exec(text)?.[1];
	if (found === undefined) return null;
	const problem = xmlText(found).trim();
	const coded = /^([a-z]+(?:_[a-z]+)+): (.+)$/s.exec(problem);
	return coded ? { code: coded[1]!, message: coded[2]! } : { code: null, message: problem || null };
}

/**
 * `com.amazonaws.cognito#NotAuthorizedException`, `NotAuthorizedException:http://internal...` and
 * `NotAuthorizedException` all name one error: the part after a `#`, up to a `:` (as the SDKs read
 * it).
 */
function awsErrorName(type: string): string | null {
	const name = type
		.slice(type.lastIndexOf('#') + 1)
		.split(':')[0]!
		.split(',')[0]!
		.trim();
	return name === '' ? null : name;
}

function oauthRedirectError(
	headers: OutcomeSource['headers']
): Pick<Outcome, 'code' | 'message'> | null {
	const location = headerValue(headers, 'location');
	if (!location) return null;
	for (const part of [location.split('#')[1], location.split('#')[0]!.split('?')[1]]) {
		if (!part) continue;
		const params = new URLSearchParams(part);
		const error = params.get('error');
		if (error) return { code: error, message: params.get('error_description') };
	}
	return null;
}

function headerValue(headers: OutcomeSource['headers'], name: string): string | undefined {
	return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function jsonObject(text: string): Record<string, unknown> | undefined {
	const start = text.trimStart()[0];
	if (start !== '{') return undefined;
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

function string(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

// XML errors, read without a DOM (a worker has none) and without a parser library (this runs on
// every exchange, in the page's bundle): structure is searched in a copy whose comments and CDATA
// sections are blanked out, text is taken from the original. Every search is a forward scan, so
// hostile bodies cost linear time.

/** The `<Code>` and `<Message>` of the first `<Error>` element (any namespace prefix), if any. */
function xmlError(text: string): Pick<Outcome, 'code' | 'message'> | null {
	if (!text.includes('<')) return null;
	const masked = maskCommentsAndCdata(text);
	const error = element(masked, 'Error', 0, masked.length);
	if (!error) return null;
	const code = element(masked, 'Code', error.start, error.end);
	if (!code) return null;
	const message = element(masked, 'Message', error.start, error.end);
	const read = (at: { start: number; end: number }) => xmlText(text.slice(at.start, at.end)).trim();
	return { code: read(code) || null, message: message ? read(message) || null : null };
}

/** The content range of the first `<name>` (or `<prefix:name>`) element between `from` and `to`. */
function element(
	masked: string,
	name: string,
	from: number,
	to: number
): { start: number; end: number } | null {
	const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}(?=[\\s/>])`, 'g');
	open.lastIndex = from;
	const found = open.exec(masked);
	if (!found || found.index >= to) return null;
	const tagEnd = masked.indexOf('>', found.index);
	if (tagEnd === -1 || tagEnd >= to) return null;
	if (masked[tagEnd - 1] === '/') return { start: tagEnd + 1, end: tagEnd + 1 };
	const close = new RegExp(`</${found[1] ?? ''}${name}\\s*>`, 'g');
	close.lastIndex = tagEnd + 1;
	const closing = close.exec(masked);
	const end = closing && closing.index <= to ? closing.index : to;
	return { start: tagEnd + 1, end };
}

/** Blanks comments, CDATA sections and processing instructions, keeping every offset. */
function maskCommentsAndCdata(text: string): string {
	let out = '';
	let at = 0;
	const opener = /<!--|<!\[CDATA\[|<\?/g;
	for (let found = opener.exec(text); found; found = opener.exec(text)) {
		const closer = found[0] === '<!--' ? '-->' : found[0] === '<?' ? '?>' : ']]>';
		const closeAt = text.indexOf(closer, found.index + found[0].length);
		const end = closeAt === -1 ? text.length : closeAt + closer.length;
		out += text.slice(at, found.index) + ' '.repeat(end - found.index);
		at = end;
		opener.lastIndex = end;
	}
	return out + text.slice(at);
}

/** An element's text: CDATA kept as written, entities decoded elsewhere, tags and comments dropped. */
function xmlText(content: string): string {
	let out = '';
	let at = 0;
	const special = /<!\[CDATA\[|<!--|<\?|</g;
	for (let found = special.exec(content); found; found = special.exec(content)) {
		out += decodeEntities(content.slice(at, found.index));
		const [closer, keep] =
			found[0] === '<![CDATA['
				? [']]>', true]
				: found[0] === '<!--'
					? ['-->', false]
					: found[0] === '<?'
						? ['?>', false]
						: ['>', false];
		const closeAt = content.indexOf(closer, found.index + found[0].length);
		const end = closeAt === -1 ? content.length : closeAt + closer.length;
		if (keep) out += content.slice(found.index + found[0].length, closeAt === -1 ? end : closeAt);
		at = end;
		special.lastIndex = end;
	}
	return out + decodeEntities(content.slice(at));
}

const namedEntities: Record<string, string> = {
	lt: '<',
	gt: '>',
	amp: '&',
	quot: '"',
	apos: "'"
};

function decodeEntities(text: string): string {
	return text.replace(
		/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g,
		(whole, name: string) => {
			if (name[0] !== '#') return namedEntities[name] ?? whole;
			const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
				? String.fromCodePoint(code)
				: whole;
		}
	);
}

/**
 * A failed outcome in one line, as the SDKs print an error: `NotAuthorizedException: Incorrect
 * username or password.`, or just the code or the message when the answer gave only one. `null`
 * for a success, or an error that named nothing (then only its HTTP status says it failed).
 *
 * @example outcomeText({ ok: false, status: 403, code: 'AccessDenied', message: 'Access Denied' })
 * // -> 'AccessDenied: Access Denied'
 */
export function outcomeText(outcome: Outcome): string | null {
	if (outcome.ok) return null;
	if (outcome.code && outcome.message) return `${outcome.code}: ${outcome.message}`;
	return outcome.code ?? outcome.message;
}
