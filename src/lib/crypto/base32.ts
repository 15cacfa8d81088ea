import { Base32InputError } from './errors';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * RFC 4648 base32 to bytes, as authenticator apps read a TOTP secret: case-insensitive, with or
 * without `=` padding. Throws a `Base32InputError` for any other character.
 *
 * @example base32Decode('GEZDGNBVGY3TQOJQ') // bytes of '1234567890'
 */
export function base32Decode(text: string): Uint8Array<ArrayBuffer> {
	const clean = text.replace(/=+$/, '').toUpperCase();
	const bytes = new Uint8Array(Math.floor((clean.length * 5) / 8));
	let buffer = 0;
	let bits = 0;
	let at = 0;
	for (const char of clean) {
		const value = alphabet.indexOf(char);
		if (value < 0) throw new Base32InputError(char);
		buffer = ((buffer << 5) | value) & 0xffff;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			bytes[at++] = (buffer >> bits) & 0xff;
		}
	}
	return bytes;
}
