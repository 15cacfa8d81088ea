/**
 * Requests and responses as they travel inside the simulated network: plain, serialisable data.
 * Platform `Request`/`Response` objects exist only at `cloud.fetch`'s edge, because a browser
 * silently drops `Cookie`, `Host` and `Origin` from a constructed `Request` and `Set-Cookie` from a
 * constructed `Response` (Node keeps them), and a network built on them would behave differently
 * in the page than in the tests.
 */
export interface WireRequest {
	method: string;
	/** Absolute URL, as sent. */
	url: string;
	/** Names in lower case, in the order the request carried them; a name may repeat. */
	headers: [name: string, value: string][];
	body: Uint8Array;
}

export interface WireResponse {
	status: number;
	statusText: string;
	/** Names in lower case, in order; `set-cookie` may repeat. */
	headers: [name: string, value: string][];
	body: Uint8Array;
}

export type WireMessage = WireRequest | WireResponse;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The first value of header `name` (any case), or `null`, as `Headers.get` would answer. */
export function header(message: Pick<WireMessage, 'headers'>, name: string): string | null {
	const wanted = name.toLowerCase();
	return message.headers.find(([n]) => n === wanted)?.[1] ?? null;
}

/** Every value of header `name`, in order (`set-cookie` is the one that repeats). */
export function headerValues(message: Pick<WireMessage, 'headers'>, name: string): string[] {
	const wanted = name.toLowerCase();
	return message.headers.filter(([n]) => n === wanted).map(([, v]) => v);
}

/** The body as UTF-8 text (invalid bytes become U+FFFD, as `Response.text()` does). */
export function bodyText(message: Pick<WireMessage, 'body'>): string {
	return decoder.decode(message.body);
}

export function utf8Bytes(text: string): Uint8Array {
	return encoder.encode(text);
}

/** Lower-cases names and keeps order, from any header shape `fetch` accepts. */
export function wireHeaders(init: HeadersInit | undefined): [string, string][] {
	if (!init) return [];
	if (Array.isArray(init)) return init.map(([n, v]) => [String(n).toLowerCase(), String(v)]);
	if (typeof Headers !== 'undefined' && init instanceof Headers)
		return [...init].map(([n, v]) => [n.toLowerCase(), v]);
	return Object.entries(init as Record<string, string>).map(([n, v]) => [
		n.toLowerCase(),
		String(v)
	]);
}

/**
 * A response from its parts. The reason phrase comes from the status unless given.
 *
 * @example wireResponse(200, { 'content-type': 'application/json' }, '{}')
 */
export function wireResponse(
	status: number,
	headers: HeadersInit,
	body: string | Uint8Array = '',
	statusText = reasonPhrase(status)
): WireResponse {
	return {
		status,
		statusText,
		headers: wireHeaders(headers),
		body: typeof body === 'string' ? utf8Bytes(body) : body
	};
}

/**
 * The most body bytes the simulated network carries. A longer body is cut just past the limit
 * while it is read (a stream may never end), so every service still sees that it is too long and
 * answers with its own "too large" error.
 */
export const networkBodyLimit = 1024 * 1024;

async function readStream(stream: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
	if (!stream) return new Uint8Array();
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		total += value.byteLength;
		if (total > networkBodyLimit) {
			await reader.cancel().catch(() => undefined);
			break;
		}
	}
	const bytes = new Uint8Array(Math.min(total, networkBodyLimit + 1));
	let at = 0;
	for (const chunk of chunks) {
		const part = chunk.subarray(0, bytes.length - at);
		bytes.set(part, at);
		at += part.byteLength;
		if (at === bytes.length) break;
	}
	return bytes;
}

/**
 * A request from `fetch`'s arguments, without building a platform `Request` first, so that
 * `Cookie`, `Host` and `Origin` survive in the browser too. A `Request` passed in is read as it is
 * (its forbidden headers are already gone, which is the caller's choice).
 */
export async function toWireRequest(
	input: RequestInfo | URL,
	init: RequestInit = {}
): Promise<WireRequest> {
	if (typeof Request !== 'undefined' && input instanceof Request) {
		const request = new Request(input, init);
		return {
			method: request.method,
			url: request.url,
			headers: [...request.headers],
			body: await readStream(request.body)
		};
	}
	const url = new URL(String(input));
	const method = (init.method ?? 'GET').toUpperCase();
	const body =
		init.body === undefined || init.body === null
			? new Uint8Array()
			: await readStream(new Response(init.body).body);
	const headers = wireHeaders(init.headers);
	// `fetch` adds a content type for string and form bodies; keep what a browser would send.
	if (typeof init.body === 'string' && !headers.some(([n]) => n === 'content-type'))
		headers.push(['content-type', 'text/plain;charset=UTF-8']);
	if (init.body instanceof URLSearchParams && !headers.some(([n]) => n === 'content-type'))
		headers.push(['content-type', 'application/x-www-form-urlencoded;charset=UTF-8']);
	return { method, url: url.href, headers, body };
}

/**
 * The platform `Response` handed back at the edge. Headers a browser refuses to set on a
 * constructed `Response` (`set-cookie`) are dropped there; the wire record keeps them.
 */
export function toResponse(response: WireResponse): Response {
	const headers = new Headers();
	for (const [name, value] of response.headers) {
		try {
			headers.append(name, value);
		} catch {
			// A header value the platform refuses (a learner's odd bytes); the record keeps it.
		}
	}
	const noBody = response.status === 204 || response.status === 304 || response.status < 200;
	return new Response(noBody ? null : (response.body as BodyInit), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

const phrases: Record<number, string> = {
	200: 'OK',
	201: 'Created',
	204: 'No Content',
	206: 'Partial Content',
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	304: 'Not Modified',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	411: 'Length Required',
	412: 'Precondition Failed',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	501: 'Not Implemented',
	503: 'Service Unavailable'
};

export function reasonPhrase(status: number): string {
	return phrases[status] ?? '';
}
