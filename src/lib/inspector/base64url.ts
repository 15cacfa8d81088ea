const alphabet = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64url (RFC 4648 §5, no padding) into bytes, or returns `null` when the text is not
 * base64url. Never throws: the inspector feeds it whatever the wire carried.
 *
 * @example base64UrlToBytes('eyJ9') // -> Uint8Array [123, 34, 125]
 */
export function base64UrlToBytes(text: string): Uint8Array | null {
	// A length of 1 mod 4 cannot come from any byte string.
	if (!alphabet.test(text) || text.length % 4 === 1) return null;
	const standard = text.replaceAll('-', '+').replaceAll('_', '/');
	const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
	try {
		const binary = atob(padded);
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return bytes;
	} catch {
		return null;
	}
}

/** Decodes base64url into UTF-8 text, or `null` when it is not base64url or not valid UTF-8. */
export function base64UrlToText(text: string): string | null {
	const bytes = base64UrlToBytes(text);
	if (bytes === null) return null;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}
