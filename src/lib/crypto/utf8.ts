const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 bytes of a string. Every string Cognito hashes or signs (pool name, username, password,
 * `TIMESTAMP`, `username + clientId`) is hashed as UTF-8.
 *
 * @example utf8Encode('é') // Uint8Array [195, 169]
 */
export function utf8Encode(text: string): Uint8Array<ArrayBuffer> {
	return encoder.encode(text);
}

/**
 * String from UTF-8 bytes. Throws a `TypeError` on invalid UTF-8 instead of inserting U+FFFD,
 * so a corrupted token or blob is reported rather than shown subtly altered.
 *
 * @example utf8Decode(new Uint8Array([104, 105])) // 'hi'
 */
export function utf8Decode(bytes: Uint8Array): string {
	return decoder.decode(bytes);
}
