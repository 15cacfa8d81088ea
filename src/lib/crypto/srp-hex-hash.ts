import { bytesToHex, hexToBytes } from './hex';
import { sha256 } from './sha256';

/**
 * SRP's `hexHash`: SHA-256 of the bytes a hex string spells, as 64 lowercase hex digits.
 * Every integer goes through `padHex` before it gets here.
 *
 * @example await srpHexHash(padHex(A) + padHex(B)) // u as hex
 */
export async function srpHexHash(hex: string): Promise<string> {
	return bytesToHex(await sha256(hexToBytes(hex)));
}
