// Canonical standard base64: alphabet `A–Z a–z 0–9 + /`, length a multiple of 4, `=` padding.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Either alphabet, padding optional (but never more than two `=`, and only at the end).
const TOLERANT_PATTERN = /^[A-Za-z0-9+/\-_]*={0,2}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9\-_]*$/;

/**
 * Standard base64 with padding, as Cognito sends `SECRET_BLOCK` and the clients send
 * `PASSWORD_CLAIM_SIGNATURE` and `SECRET_HASH`.
 *
 * @example base64Encode(new Uint8Array([251, 255])) // '+/8='
 */
export function base64Encode(bytes: Uint8Array): string {
	let binary = '';
	// Chunked so that String.fromCharCode never receives more arguments than the engine allows.
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

/**
 * Bytes of canonical standard base64 (padding required, no whitespace, no URL-safe letters).
 * Throws a `TypeError` otherwise, because `atob` alone would quietly skip whitespace.
 *
 * @example base64Decode('+/8=') // Uint8Array [251, 255]
 */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> {
	if (!BASE64_PATTERN.test(text)) {
		throw new TypeError(`Expected standard base64 with padding, received ${JSON.stringify(text)}`);
	}
	return binaryToBytes(atob(text));
}

/**
 * Bytes of standard or URL-safe base64, with or without padding. Amplify v6 decodes
 * `SECRET_BLOCK` this way, so a simulated pool must accept what either client would.
 * Throws a `TypeError` on anything else.
 *
 * @example base64DecodeTolerant('-_8') // Uint8Array [251, 255]
 */
export function base64DecodeTolerant(text: string): Uint8Array<ArrayBuffer> {
	const unpadded = text.replace(/=+$/, '');
	// A single leftover character carries only 6 bits, never a whole byte; padding, when
	// present, must complete the last group of four exactly (as `atob` requires)
	const badPadding = unpadded !== text && (text.length % 4 !== 0 || unpadded.length % 4 < 2);
	if (!TOLERANT_PATTERN.test(text) || unpadded.length % 4 === 1 || badPadding) {
		throw new TypeError(`Expected base64 or base64url, received ${JSON.stringify(text)}`);
	}
	const standard = unpadded.replace(/-/g, '+').replace(/_/g, '/');
	return binaryToBytes(atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')));
}

/**
 * URL-safe base64 without padding (RFC 4648 §5), the encoding of every JWT segment.
 *
 * @example base64UrlEncode(new Uint8Array([251, 255])) // '-_8'
 */
export function base64UrlEncode(bytes: Uint8Array): string {
	return base64Encode(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * Bytes of URL-safe base64 without padding, as JWT segments must be (RFC 7515 §2). Throws a
 * `TypeError` on padding or on the standard alphabet's `+` and `/`.
 *
 * @example base64UrlDecode('-_8') // Uint8Array [251, 255]
 */
export function base64UrlDecode(text: string): Uint8Array<ArrayBuffer> {
	if (!BASE64URL_PATTERN.test(text) || text.length % 4 === 1) {
		throw new TypeError(`Expected base64url without padding, received ${JSON.stringify(text)}`);
	}
	return base64DecodeTolerant(text);
}

function binaryToBytes(binary: string): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
