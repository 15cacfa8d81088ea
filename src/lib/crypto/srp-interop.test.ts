import { createHmac } from 'node:crypto';
import AuthenticationHelper from 'amazon-cognito-identity-js/lib/AuthenticationHelper';
import BigInteger from 'amazon-cognito-identity-js/lib/BigInteger';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './hex';
import { srpClientSignature, srpClientStart } from './srp-client';
import { fixedBytes, KAT } from './srp-known-answer.fixture';
import { srpCreateVerifier, srpServerStart, srpServerVerify } from './srp-server';

// One helper for every run: its constructor spends ~250 ms on a 1024-bit modPow in JSBN.
// Each run sets smallAValue (as the reference's known-answer test did) and replaces the cached A.
const helper = new AuthenticationHelper(KAT.poolName);

/**
 * The HKDF key and signature exactly as amazon-cognito-identity-js 6.3.21 computes them, for the
 * client secret `a` and its public `A`. Pass `A` to skip the library's own g^a (JSBN takes ~60 ms
 * per 256-bit exponent here); a wrong `A` would still be caught, because the server derives its
 * `S` from `A` while the library derives its `S` from `a`.
 */
function libraryClient(p: {
	aHex: string;
	A?: bigint;
	userIdForSrp: string;
	password: string;
	srpB: string;
	salt: string;
	secretBlock: string;
	timestamp: string;
}): Promise<{ srpA: string; signature: string; hkdfKey: string }> {
	helper.smallAValue = new BigInteger(p.aHex, 16);
	helper.largeAValue = p.A === undefined ? undefined : new BigInteger(p.A.toString(16), 16);
	return new Promise((resolve, reject) => {
		helper.getLargeAValue((errorA, A) => {
			if (errorA) return reject(errorA);
			helper.getPasswordAuthenticationKey(
				p.userIdForSrp,
				p.password,
				new BigInteger(p.srpB, 16),
				new BigInteger(p.salt, 16),
				(errorKey, hkdfKey) => {
					if (errorKey) return reject(errorKey);
					// The message CognitoUser.authenticateUserDefaultAuth signs
					const signature = createHmac('sha256', hkdfKey)
						.update(KAT.poolName)
						.update(p.userIdForSrp)
						.update(Buffer.from(p.secretBlock, 'base64'))
						.update(p.timestamp)
						.digest('base64');
					resolve({ srpA: A.toString(16), signature, hkdfKey: bytesToHex(hkdfKey) });
				}
			);
		});
	});
}

const bytes = (length: number) =>
	fc.uint8Array({ minLength: length, maxLength: length }).map((b) => bytesToHex(b));

describe('SRP against amazon-cognito-identity-js AuthenticationHelper', () => {
	it('computes the reference §4.5 known-answer A, HKDF key and signature', async () => {
		const library = await libraryClient({
			aHex: 'a1'.repeat(32),
			userIdForSrp: KAT.username,
			password: KAT.password,
			srpB: KAT.srpB,
			salt: KAT.salt,
			secretBlock: KAT.secretBlock,
			timestamp: KAT.timestamp
		});
		expect(library).toEqual({ srpA: KAT.srpA, signature: KAT.signature, hkdfKey: KAT.hkdfKey });
	});

	it('agrees with srpClientSignature and passes srpServerVerify for random salts, a and b, including hex that starts with 0 or 8–f', async () => {
		const seen = { saltHigh: 0, saltLeadingZeroByte: 0, aHigh: 0, aLow: 0, bHigh: 0, bLow: 0 };
		await fc.assert(
			fc.asyncProperty(
				bytes(16),
				bytes(32),
				bytes(32),
				fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
				fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
				async (salt, aHex, bHex, userIdForSrp, password) => {
					const server = await srpCreateVerifier({
						poolName: KAT.poolName,
						username: userIdForSrp,
						password,
						salt
					});
					const { b, B, srpB } = srpServerStart({
						verifier: server.verifier,
						randomBytes: fixedBytes(bHex)
					});
					const timestamp = 'Sun Nov 22 00:31:40 UTC 2026';
					const { a, A, srpA } = srpClientStart(fixedBytes(aHex));
					const library = await libraryClient({
						aHex,
						A,
						userIdForSrp,
						password,
						srpB,
						salt,
						secretBlock: KAT.secretBlock,
						timestamp
					});
					const ours = await srpClientSignature({
						poolName: KAT.poolName,
						userIdForSrp,
						password,
						a,
						A,
						srpB,
						salt,
						secretBlock: KAT.secretBlock,
						timestamp
					});
					expect(ours.signature).toBe(library.signature);
					expect(bytesToHex(ours.hkdfKey)).toBe(library.hkdfKey);
					const accepted = await srpServerVerify({
						poolName: KAT.poolName,
						userIdForSrp,
						verifier: server.verifier,
						salt,
						A,
						b,
						B,
						secretBlock: KAT.secretBlock,
						timestamp,
						signature: library.signature
					});
					expect(accepted).toBe(true);

					// What the padHex pitfall depends on: the first hex digit of salt, A and B
					if (/^[89a-f]/.test(salt)) seen.saltHigh++;
					if (salt.startsWith('00')) seen.saltLeadingZeroByte++;
					if (/^[89a-f]/.test(padHexFirstDigit(srpA))) seen.aHigh++;
					else seen.aLow++;
					if (/^[89a-f]/.test(padHexFirstDigit(srpB))) seen.bHigh++;
					else seen.bLow++;
				}
			),
			{
				// 16 runs: JSBN needs ~0.25 s per run for g^x and S, which is most of the test budget
				numRuns: 16,
				seed: 20261122,
				// A salt with a leading zero byte is 1 in 256 at random: always try one
				examples: [
					['00ff' + '11'.repeat(14), '80'.repeat(32), '7f'.repeat(32), 'alice', 'Passw0rd!']
				]
			}
		);
		// The runs are seeded, so this pins that the pitfall cases were exercised, not hoped for
		expect(Object.values(seen).every((count) => count > 0)).toBe(true);
	});

	it('rejects the library signature made with a wrong password', async () => {
		const { verifier } = await srpCreateVerifier({
			poolName: KAT.poolName,
			username: KAT.username,
			password: KAT.password,
			salt: KAT.salt
		});
		const { b, B, srpB } = srpServerStart({ verifier, b: KAT.b });
		const library = await libraryClient({
			aHex: 'a1'.repeat(32),
			userIdForSrp: KAT.username,
			password: 'Passw0rd?',
			srpB,
			salt: KAT.salt,
			secretBlock: KAT.secretBlock,
			timestamp: KAT.timestamp
		});
		const accepted = await srpServerVerify({
			poolName: KAT.poolName,
			userIdForSrp: KAT.username,
			verifier,
			salt: KAT.salt,
			A: BigInt(`0x${library.srpA}`),
			b,
			B,
			secretBlock: KAT.secretBlock,
			timestamp: KAT.timestamp,
			signature: library.signature
		});
		expect(accepted).toBe(false);
	});
});

/** First digit of the even-length form padHex starts from (before it adds `00`). */
function padHexFirstDigit(hex: string): string {
	return hex.length % 2 === 0 ? hex : `0${hex}`;
}
