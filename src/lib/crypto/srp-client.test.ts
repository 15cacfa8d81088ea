import { describe, expect, it } from 'vitest';
import { SrpIllegalBError, SrpInvalidHexError } from './errors';
import { bytesToHex } from './hex';
import { SRP_N } from './srp-constants';
import { srpClientSignature, srpClientStart } from './srp-client';
import { fixedBytes, KAT, katClientInput } from './srp-known-answer.fixture';

describe('srpClientStart', () => {
	it('takes a from 128 random bytes and sends A = g^a mod N as plain hex (reference §4.5 A)', () => {
		const start = srpClientStart(fixedBytes('a1'.repeat(32)));
		expect(start.a).toBe(KAT.a);
		expect(start.srpA).toBe(KAT.srpA);
		expect(start.A).toBe(BigInt(`0x${KAT.srpA}`));
	});

	it('asks for exactly 128 random bytes', () => {
		const requested: number[] = [];
		srpClientStart((n) => {
			requested.push(n);
			return new Uint8Array(n).fill(7);
		});
		expect(requested).toEqual([128]);
	});

	it('sends A without padHex: no leading zeros, odd length allowed', () => {
		// a = 4 gives A = 2^4 = 16: '10'; a = 8 gives 256: '100' (odd), never '0100'
		expect(srpClientStart(fixedBytes('04')).srpA).toBe('10');
		expect(srpClientStart(fixedBytes('08')).srpA).toBe('100');
	});
});

describe('srpClientSignature', () => {
	it('reproduces the reference §4.5 known-answer x, u, S, HKDF key and signature', async () => {
		const result = await srpClientSignature(katClientInput());
		expect(result.x.toString(16)).toBe(KAT.x);
		expect(result.u.toString(16)).toBe(KAT.u);
		expect(result.S.toString(16)).toBe(KAT.S);
		expect(bytesToHex(result.hkdfKey)).toBe(KAT.hkdfKey);
		expect(result.signature).toBe(KAT.signature);
	});

	it('treats SRP_B and SALT as integers: leading zeros on the wire change nothing', async () => {
		const result = await srpClientSignature(
			katClientInput({ srpB: `00${KAT.srpB}`, salt: `0000${KAT.salt.toUpperCase()}` })
		);
		expect(result.signature).toBe(KAT.signature);
	});

	it('signs the TIMESTAMP string as given, so a zero-padded day gives another signature', async () => {
		const timestamp = 'Tue Nov 03 09:05:07 UTC 2026';
		const padded = await srpClientSignature(katClientInput({ timestamp }));
		expect(padded.signature).not.toBe(KAT.signature);
	});

	it('throws SrpIllegalBError with code ERR_SRP_B_MOD_N_ZERO when B mod N = 0', async () => {
		for (const srpB of ['0', SRP_N.toString(16), (SRP_N * 3n).toString(16)]) {
			const error = await srpClientSignature(katClientInput({ srpB })).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(SrpIllegalBError);
			expect(error).toMatchObject({
				name: 'SrpIllegalBError',
				code: 'ERR_SRP_B_MOD_N_ZERO',
				message:
					'B cannot be zero. SRP_B mod N is 0, so the session key would not depend on the password.'
			});
		}
	});

	it('throws SrpInvalidHexError naming the parameter when SRP_B or SALT is not hex', async () => {
		await expect(srpClientSignature(katClientInput({ srpB: 'xyz' }))).rejects.toThrow(
			new SrpInvalidHexError('SRP_B', 'xyz')
		);
		await expect(srpClientSignature(katClientInput({ salt: '' }))).rejects.toMatchObject({
			name: 'SrpInvalidHexError',
			code: 'ERR_SRP_INVALID_HEX',
			parameter: 'SALT',
			message: 'SALT must be a non-empty hex integer, received ""'
		});
	});
});
