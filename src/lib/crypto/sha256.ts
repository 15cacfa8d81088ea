/**
 * SHA-256 digest through WebCrypto, which both the browser and Node 20 provide as
 * `globalThis.crypto.subtle`.
 *
 * @example bytesToHex(await sha256(utf8Encode('abc'))) // 'ba7816bf…'
 */
export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
	return new Uint8Array(await crypto.subtle.digest('SHA-256', copy(data)));
}

/**
 * HMAC-SHA256 through WebCrypto: the primitive under SECRET_HASH, the SRP HKDF and the SRP
 * password claim signature.
 *
 * @example base64Encode(await hmacSha256(utf8Encode(secret), utf8Encode(username + clientId)))
 */
export async function hmacSha256(
	key: Uint8Array,
	data: Uint8Array
): Promise<Uint8Array<ArrayBuffer>> {
	const cryptoKey = await crypto.subtle.importKey(
		'raw',
		copy(key),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, copy(data)));
}

// WebCrypto wants bytes backed by a plain ArrayBuffer (not a SharedArrayBuffer or a view into a
// larger buffer someone may still mutate); a copy guarantees both.
function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return new Uint8Array(bytes);
}
