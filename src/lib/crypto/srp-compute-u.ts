import { padHex } from './pad-hex';
import { srpHexHash } from './srp-hex-hash';

/**
 * The scrambling parameter `u = H(padHex(A) ‖ padHex(B))`, which both sides compute from the
 * public values. `A` goes through `padHex` even though the client sends it unpadded.
 *
 * @example await srpComputeU(A, B) // 0x81ccb3…n in the reference's known-answer test
 */
export async function srpComputeU(A: bigint, B: bigint): Promise<bigint> {
	return BigInt(`0x${await srpHexHash(padHex(A) + padHex(B))}`);
}
