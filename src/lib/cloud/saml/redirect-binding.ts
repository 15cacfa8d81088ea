import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '$lib/crypto';

/**
 * A SAML message for the HTTP-Redirect binding (SAML bindings §3.4.4.1): raw DEFLATE, then
 * base64; the caller puts it in the query as `SAMLRequest`. `CompressionStream` is in every
 * browser and worker and in Node 20.
 *
 * @example await deflateMessage('<samlp:AuthnRequest .../>') // 'fZFNT8Mw...'
 */
export async function deflateMessage(xml: string): Promise<string> {
	const stream = new Blob([utf8Encode(xml)])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return base64Encode(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** Why a redirect-binding message could not be read. */
export class SamlEncodingError extends Error {
	override name = 'SamlEncodingError';
}

/**
 * The XML of an HTTP-Redirect binding message. Stops inflating past `limit` bytes (a small
 * request must not become a huge one) and throws a `SamlEncodingError` on bad base64, bad
 * DEFLATE data or bad UTF-8.
 */
export async function inflateMessage(encoded: string, limit = 100_000): Promise<string> {
	let compressed: Uint8Array;
	try {
		compressed = base64Decode(encoded.replace(/\s+/g, ''));
	} catch {
		throw new SamlEncodingError('the message is not base64');
	}
	const reader = new Blob([compressed.slice()])
		.stream()
		.pipeThrough(new DecompressionStream('deflate-raw'))
		.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.length;
			if (size > limit) {
				await reader.cancel().catch(() => {});
				throw new SamlEncodingError('the message is too large');
			}
			chunks.push(value);
		}
	} catch (error) {
		if (error instanceof SamlEncodingError) throw error;
		throw new SamlEncodingError('the message is not DEFLATE data');
	}
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.length;
	}
	try {
		return utf8Decode(bytes);
	} catch {
		throw new SamlEncodingError('the message is not UTF-8');
	}
}
