const HEX_PATTERN = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Lowercase hex of `bytes`, two digits per byte.
 *
 * @example bytesToHex(new Uint8Array([0, 171])) // '00ab'
 */
export function bytesToHex(bytes: Uint8Array): string {
	let hex = '';
	for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
	return hex;
}

/**
 * Bytes of an even-length hex string (either case). Throws a `TypeError` otherwise: odd-length
 * hex is ambiguous (is `abc` `0a bc` or `ab c0`?), and SRP hashes exact bytes, so guessing would
 * silently change a hash.
 *
 * @example hexToBytes('00ab') // Uint8Array [0, 171]
 */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
	if (!HEX_PATTERN.test(hex)) {
		throw new TypeError(`Expected an even-length hex string, received ${JSON.stringify(hex)}`);
	}
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) {
		bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	}
	return bytes;
}
