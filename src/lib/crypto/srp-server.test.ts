import { describe, expect, it } from 'vitest';
import { modPow } from './mod-pow';
import { SRP_G, SRP_N } from './srp-constants';
import { fixedBytes, KAT, katServerInput, katVerifier } from './srp-known-answer.fixture';
import { srpCreateVerifier, srpIsValidA, srpServerStart, srpServerVerify } from './srp-server';

describe('srpCreateVerifier', () => {
	it('stores v = g^x mod N with x from the reference §4.5 known-answer test', async () => {
		expect(await katVerifier()).toBe(modPow(SRP_G, BigInt(`0x${KAT.x}`), SRP_N));
	});

	it('draws a 16-byte hex salt from randomBytes when none is given', async () => {
		const requested: number[] = [];
		const { salt } = await srpCreateVerifier({
			poolName: KAT.poolName,
			username: KAT.username,
			password: KAT.password,
			randomBytes: (n) => {
				requested.push(n);
				return fixedBytes(KAT.salt)(n);
			}
		});
		expect(requested).toEqual([16]);
		expect(salt).toBe(KAT.salt);
	});

	it('hashes the salt as an integer: leading zeros and case do not change the verifier', async () => {
		const padded = await srpCreateVerifier({
			poolName: KAT.poolName,
			username: KAT.username,
			password: KAT.password,
			salt: `00${KAT.salt.toUpperCase()}`
		});
		expect(padded.salt).toBe(`00${KAT.salt.toUpperCase()}`);
		expect(padded.verifier).toBe(await katVerifier());
	});

	it('rejects a salt that is not hex with SrpInvalidHexError', async () => {
		await expect(
			srpCreateVerifier({ poolName: 'p', username: 'u', password: 'pw', salt: 'salt' })
		).rejects.toMatchObject({ code: 'ERR_SRP_INVALID_HEX', parameter: 'SALT', value: 'salt' });
	});
});

describe('srpServerStart', () => {
	it('sends B = (k·v + g^b) mod N as plain hex (reference §4.5 SRP_B)', async () => {
		const start = srpServerStart({ verifier: await katVerifier(), b: KAT.b });
		expect(start).toEqual({ b: KAT.b, B: BigInt(`0x${KAT.srpB}`), srpB: KAT.srpB });
	});

	it('draws b from 128 random bytes when none is given', async () => {
		const requested: number[] = [];
		const start = srpServerStart({
			verifier: await katVerifier(),
			randomBytes: (n) => {
				requested.push(n);
				return fixedBytes('b2'.repeat(32))(n);
			}
		});
		expect(requested).toEqual([128]);
		expect(start.srpB).toBe(KAT.srpB);
	});
});

describe('srpServerVerify', () => {
	it('accepts the reference §4.5 known-answer signature', async () => {
		expect(await srpServerVerify(await katServerInput())).toBe(true);
	});

	it('rejects a verifier built from another password', async () => {
		const { verifier } = await srpCreateVerifier({
			poolName: KAT.poolName,
			username: KAT.username,
			password: 'Passw0rd?',
			salt: KAT.salt
		});
		expect(await srpServerVerify(await katServerInput({ verifier }))).toBe(false);
	});

	it('signs over the strings as sent: another TIMESTAMP, SECRET_BLOCK, user or pool fails', async () => {
		for (const overrides of [
			{ timestamp: 'Tue Nov 03 09:05:07 UTC 2026' },
			{ secretBlock: 'd2VjcmV0LWJsb2NrLW9wYXF1ZS1ieXRlcw==' },
			{ userIdForSrp: 'Alice' },
			{ poolName: 'AbCdEf124' }
		]) {
			const accepted = await srpServerVerify(await katServerInput(overrides));
			expect(accepted, JSON.stringify(overrides)).toBe(false);
		}
	});

	it('accepts the SECRET_BLOCK in URL-safe base64 without padding, as Amplify v6 decodes it', async () => {
		const urlSafe = KAT.secretBlock.replace(/=+$/, '');
		expect(await srpServerVerify(await katServerInput({ secretBlock: urlSafe }))).toBe(true);
	});

	it('returns false, never throws, for a malformed signature or secret block', async () => {
		const input = await katServerInput();
		for (const signature of ['', 'not base64!', KAT.signature.slice(0, -1), `${KAT.signature} `]) {
			expect(await srpServerVerify({ ...input, signature })).toBe(false);
		}
		const truncated = KAT.signature.slice(0, 40) + '====';
		expect(await srpServerVerify({ ...input, signature: truncated })).toBe(false);
		expect(await srpServerVerify({ ...input, secretBlock: '***' })).toBe(false);
	});

	it('returns false when A mod N = 0, because the server S would be 0 for any password', async () => {
		for (const badA of [0n, SRP_N, 2n * SRP_N]) {
			expect(await srpServerVerify(await katServerInput({ A: badA }))).toBe(false);
		}
	});
});

describe('srpIsValidA', () => {
	it('accepts non-empty hex, in either case, odd length or with leading zeros', () => {
		expect(srpIsValidA(KAT.srpA)).toBe(true);
		expect(srpIsValidA(KAT.srpA.toUpperCase())).toBe(true);
		expect(srpIsValidA('100')).toBe(true);
		expect(srpIsValidA(`00${KAT.srpA}`)).toBe(true);
	});

	it('refuses A mod N = 0 and anything that is not a hex integer', () => {
		for (const srpA of ['0', '000', SRP_N.toString(16), (SRP_N * 5n).toString(16)]) {
			expect(srpIsValidA(srpA)).toBe(false);
		}
		for (const srpA of ['', '0x12', '-12', 'ab cd', 'g']) expect(srpIsValidA(srpA)).toBe(false);
	});
});
