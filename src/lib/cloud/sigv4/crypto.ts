const encoder = new TextEncoder();

type Bytes = Uint8Array<ArrayBuffer>;

function bytes(data: string | Uint8Array): Bytes {
	return typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
}

/** Lower-case hex, as SigV4 writes hashes and signatures. */
export function hex(data: ArrayBuffer | Uint8Array): string {
	return Array.from(new Uint8Array(data), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `HexLower(SHA256(data))` with WebCrypto (the same code runs in the page and in Node). */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
	return hex(await crypto.subtle.digest('SHA-256', bytes(data)));
}

/** `HMAC-SHA256(key, data)`. */
export async function hmacSha256(key: string | Uint8Array, data: string): Promise<Bytes> {
	const cryptoKey = await crypto.subtle.importKey(
		'raw',
		bytes(key),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, bytes(data)));
}

/**
 * Compares two strings in time that depends only on their lengths, so a caller cannot learn how
 * many leading characters of a forged signature were right.
 */
export function constantTimeEqual(a: string, b: string): boolean {
	let difference = a.length ^ b.length;
	for (let i = 0; i < Math.max(a.length, b.length); i++)
		difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
	return difference === 0;
}
