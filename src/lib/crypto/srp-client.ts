import { base64Encode } from './base64';
import { SrpIllegalBError, SrpZeroUError } from './errors';
import { bytesToHex } from './hex';
import { modPow } from './mod-pow';
import { parseSrpHex } from './parse-srp-hex';
import { randomBytes as defaultRandomBytes } from './random-bytes';
import { srpClaimSignature } from './srp-claim-signature';
import { srpComputeU } from './srp-compute-u';
import { srpComputeX } from './srp-compute-x';
import { SRP_G, SRP_K, SRP_N } from './srp-constants';
import { srpDeriveKey } from './srp-derive-key';

export interface SrpClientStart {
	a: bigint;
	A: bigint;
	/** `A.toString(16)`: plain hex, not `padHex`'d, possibly odd length, as the clients send it. */
	srpA: string;
}

/**
 * The client's first step of `USER_SRP_AUTH`: a secret `a` of 128 random bytes and
 * `A = g^a mod N`, sent as `SRP_A`. `a` needs no reduction: 1024 bits is far below `N`.
 *
 * @example const { a, A, srpA } = srpClientStart();
 */
export function srpClientStart(
	randomBytes: (n: number) => Uint8Array = defaultRandomBytes
): SrpClientStart {
	const a = BigInt(`0x${bytesToHex(randomBytes(128))}`);
	const A = modPow(SRP_G, a, SRP_N);
	return { a, A, srpA: A.toString(16) };
}

/**
 * The client's answer to `PASSWORD_VERIFIER`: derives `S` and the HKDF key from the challenge and
 * signs the claim, exactly as amazon-cognito-identity-js and Amplify do.
 * `userIdForSrp` must be the challenge's `USER_ID_FOR_SRP`, `secretBlock` and `timestamp` the
 * strings that will be sent. Throws `SrpIllegalBError` if `B mod N = 0`, `SrpZeroUError` if
 * `u = 0`, `SrpInvalidHexError` if `SRP_B` or `SALT` is not hex.
 *
 * @example
 * const { signature } = await srpClientSignature({
 *   poolName: 'AbCdEf123', userIdForSrp: USER_ID_FOR_SRP, password, a, A, srpB: SRP_B,
 *   salt: SALT, secretBlock: SECRET_BLOCK, timestamp: formatSrpTimestamp(now)
 * });
 */
export async function srpClientSignature(p: {
	poolName: string;
	userIdForSrp: string;
	password: string;
	a: bigint;
	A: bigint;
	srpB: string;
	salt: string;
	secretBlock: string;
	timestamp: string;
}): Promise<{ signature: string; hkdfKey: Uint8Array; u: bigint; x: bigint; S: bigint }> {
	// Check B: B mod N = 0 would let the server fix S without knowing the verifier
	const B = parseSrpHex(p.srpB, 'SRP_B');
	if (B % SRP_N === 0n) throw new SrpIllegalBError();

	// Compute u = H(padHex(A) ‖ padHex(B)); u = 0 would take the password out of S
	const u = await srpComputeU(p.A, B);
	if (u === 0n) throw new SrpZeroUError();

	// Compute x = H(padHex(salt) ‖ H(poolName ‖ USER_ID_FOR_SRP ‖ ':' ‖ password))
	const salt = parseSrpHex(p.salt, 'SALT');
	const x = await srpComputeX({
		poolName: p.poolName,
		username: p.userIdForSrp,
		password: p.password,
		salt
	});

	// Compute S = (B − k·g^x)^(a + u·x) mod N (modPow reduces the possibly negative base)
	const S = modPow(B - SRP_K * modPow(SRP_G, x, SRP_N), p.a + u * x, SRP_N);

	// Derive the HKDF key from padHex(S) and padHex(u)
	const hkdfKey = await srpDeriveKey(S, u);

	// Sign poolName ‖ USER_ID_FOR_SRP ‖ SECRET_BLOCK bytes ‖ TIMESTAMP
	const signature = base64Encode(
		await srpClaimSignature({
			hkdfKey,
			poolName: p.poolName,
			userIdForSrp: p.userIdForSrp,
			secretBlock: p.secretBlock,
			timestamp: p.timestamp
		})
	);
	return { signature, hkdfKey, u, x, S };
}
