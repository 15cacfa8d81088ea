import { hexToBytes } from './hex';
import { padHex } from './pad-hex';
import { hmacSha256 } from './sha256';
import { utf8Encode } from './utf8';

const INFO = utf8Encode('Caldera Derived Key\u0001');

/**
 * The 16-byte key that signs the password claim: one block of HKDF-SHA256 (RFC 5869) with
 * `salt = padHex(u)`, `ikm = padHex(S)` and info `'Caldera Derived Key'`. The inputs are the
 * variable-length `padHex` encodings, not fixed 384-byte ones.
 *
 * @example await srpDeriveKey(S, u) // 16 bytes, 5443872988f2… in the known-answer test
 */
export async function srpDeriveKey(S: bigint, u: bigint): Promise<Uint8Array<ArrayBuffer>> {
	// Extract: PRK = HMAC(salt, IKM)
	const prk = await hmacSha256(hexToBytes(padHex(u)), hexToBytes(padHex(S)));
	// Expand, first block only: T(1) = HMAC(PRK, info ‖ 0x01), truncated to 16 bytes
	const okm = await hmacSha256(prk, INFO);
	return okm.slice(0, 16);
}
