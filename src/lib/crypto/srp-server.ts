import { base64Decode } from './base64';
import { bytesToHex } from './hex';
import { modPow } from './mod-pow';
import { parseSrpHex } from './parse-srp-hex';
import { randomBytes as defaultRandomBytes } from './random-bytes';
import { srpClaimSignature } from './srp-claim-signature';
import { srpComputeU } from './srp-compute-u';
import { srpComputeX } from './srp-compute-x';
import { SRP_G, SRP_K, SRP_N } from './srp-constants';
import { srpDeriveKey } from './srp-derive-key';
import { timingSafeEqual } from './timing-safe-equal';

/**
 * What the user pool stores instead of the password: a salt and `v = g^x mod N`.
 * `username` must be the value later sent as `USER_ID_FOR_SRP`, since the client hashes that.
 * The salt is 16 random bytes as hex by default; about half of such salts start with `8`–`f`
 * or `0`, which is what catches clients and servers that skip `padHex`.
 *
 * @example
 * const { salt, verifier } = await srpCreateVerifier({
 *   poolName: 'AbCdEf123', username: USER_ID_FOR_SRP, password
 * });
 */
export async function srpCreateVerifier(p: {
	poolName: string;
	username: string;
	password: string;
	salt?: string;
	randomBytes?: (n: number) => Uint8Array;
}): Promise<{ salt: string; verifier: bigint }> {
	const salt = p.salt ?? bytesToHex((p.randomBytes ?? defaultRandomBytes)(16));
	const x = await srpComputeX({
		poolName: p.poolName,
		username: p.username,
		password: p.password,
		salt: parseSrpHex(salt, 'SALT')
	});
	return { salt, verifier: modPow(SRP_G, x, SRP_N) };
}

/**
 * The pool's answer to `SRP_A`: a secret `b` (128 random bytes unless given) and
 * `B = (k·v + g^b) mod N`, sent as `SRP_B` in plain hex. The `k·v` term is what ties `B` to the
 * password: without it an attacker posing as the server could test password guesses offline.
 *
 * @example const { b, B, srpB } = srpServerStart({ verifier });
 */
export function srpServerStart(p: {
	verifier: bigint;
	b?: bigint;
	randomBytes?: (n: number) => Uint8Array;
}): { b: bigint; B: bigint; srpB: string } {
	const b = p.b ?? BigInt(`0x${bytesToHex((p.randomBytes ?? defaultRandomBytes)(128))}`);
	const B = (SRP_K * p.verifier + modPow(SRP_G, b, SRP_N)) % SRP_N;
	return { b, B, srpB: B.toString(16) };
}

/**
 * Checks `PASSWORD_CLAIM_SIGNATURE`: recomputes `S = (A·v^u)^b mod N`, the HKDF key and the
 * signature over the `SECRET_BLOCK` and `TIMESTAMP` strings as sent, then compares in constant
 * time. Returns false, never throws, for a wrong password, an `A` with `A mod N = 0`, `u = 0`, a
 * signature or secret block that is not base64. `salt` does not enter the computation (the
 * verifier already commits to it); it is accepted so callers can pass the challenge as a whole.
 * The timestamp's skew is the caller's check (see `parseSrpTimestamp`).
 *
 * @example
 * const ok = await srpServerVerify({
 *   poolName, userIdForSrp, verifier, salt, A, b, B, secretBlock, timestamp, signature
 * }); // false → NotAuthorizedException: Incorrect username or password.
 */
export async function srpServerVerify(p: {
	poolName: string;
	userIdForSrp: string;
	verifier: bigint;
	salt: string;
	A: bigint;
	b: bigint;
	B: bigint;
	secretBlock: string;
	timestamp: string;
	signature: string;
}): Promise<boolean> {
	// Check A: with A mod N = 0 the server's S is 0, and anyone could sign without a password
	if (p.A % SRP_N === 0n) return false;

	// Check the signature is base64 before doing any big-number work
	let received: Uint8Array;
	try {
		received = base64Decode(p.signature);
	} catch {
		return false;
	}

	// Compute u = H(padHex(A) ‖ padHex(B)), the same value the client used
	const u = await srpComputeU(p.A, p.B);
	if (u === 0n) return false;

	// Compute S = (A · v^u)^b mod N
	const S = modPow(p.A * modPow(p.verifier, u, SRP_N), p.b, SRP_N);

	// Derive the HKDF key and recompute the signature over the strings as sent
	const hkdfKey = await srpDeriveKey(S, u);
	let expected: Uint8Array;
	try {
		expected = await srpClaimSignature({
			hkdfKey,
			poolName: p.poolName,
			userIdForSrp: p.userIdForSrp,
			secretBlock: p.secretBlock,
			timestamp: p.timestamp
		});
	} catch {
		return false;
	}

	// Compare in constant time
	return timingSafeEqual(expected, received);
}

/**
 * Whether `SRP_A` as received is acceptable: non-empty hex with `A mod N ≠ 0`. Check this before
 * anything else uses `A`; `SRP_A` = `0` or = `N` would force the server's `S` to 0.
 *
 * @example srpIsValidA('0') // false
 */
export function srpIsValidA(srpA: string): boolean {
	try {
		return parseSrpHex(srpA, 'SRP_A') % SRP_N !== 0n;
	} catch {
		return false;
	}
}
