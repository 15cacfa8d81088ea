import fc from 'fast-check';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { base32Decode } from './base32';
import { Base32InputError } from './errors';
import { totpCode, totpUri, totpVerify } from './totp';

// RFC 6238 appendix B: the SHA1 secret is the ASCII string '12345678901234567890'
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCode', () => {
	it('gives the RFC 6238 SHA1 vectors truncated to 6 digits', async () => {
		expect(await totpCode(RFC_SECRET, 59_000)).toBe('287082');
		expect(await totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
		expect(await totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
	});

	it('changes every 30 seconds: the same code from 30 s to 59.999 s', async () => {
		expect(await totpCode(RFC_SECRET, 30_000)).toBe('287082');
		expect(await totpCode(RFC_SECRET, 59_999)).toBe('287082');
		expect(await totpCode(RFC_SECRET, 60_000)).not.toBe('287082');
	});

	it('agrees with the otpauth library (what authenticator apps compute) for any secret and time', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ minLength: 10, maxLength: 40 }),
				fc.integer({ min: 0, max: 4_102_444_800_000 }),
				async (bytes, at) => {
					const secret = new Secret({ buffer: bytes.slice().buffer });
					const expected = TOTP.generate({
						secret,
						algorithm: 'SHA1',
						digits: 6,
						period: 30,
						timestamp: at
					});
					expect(await totpCode(secret.base32, at)).toBe(expected);
				}
			),
			{ seed: 6238, numRuns: 200 }
		);
	});

	it('rejects a secret that is not base32 with Base32InputError', async () => {
		await expect(totpCode('not base32!', 0)).rejects.toThrow(new Base32InputError(' '));
	});
});

describe('base32Decode', () => {
	it('reads RFC 4648 base32, in either case, with or without padding', () => {
		const text = (s: string) => new TextDecoder().decode(base32Decode(s));
		expect(text(RFC_SECRET)).toBe('12345678901234567890');
		expect(text('mzxw6ytboi======')).toBe('foobar');
		expect(text('MZXW6YTBOI')).toBe('foobar');
		expect(text('')).toBe('');
	});
});

describe('totpVerify', () => {
	it('accepts the current code and, with the default window of 1, one step either side', async () => {
		expect(await totpVerify(RFC_SECRET, '287082', 59_000)).toBe(true);
		expect(await totpVerify(RFC_SECRET, '287082', 89_999)).toBe(true);
		expect(await totpVerify(RFC_SECRET, '287082', 1_000)).toBe(true);
		expect(await totpVerify(RFC_SECRET, '287082', 90_000)).toBe(false);
	});

	it('accepts only the current step with window 0, and two steps away with window 2', async () => {
		expect(await totpVerify(RFC_SECRET, '287082', 60_000, 0)).toBe(false);
		expect(await totpVerify(RFC_SECRET, '287082', 59_000, 0)).toBe(true);
		expect(await totpVerify(RFC_SECRET, '287082', 119_999, 2)).toBe(true);
		expect(await totpVerify(RFC_SECRET, '287082', 120_000, 2)).toBe(false);
	});

	it('returns false, never rejects, for malformed codes, secrets or windows', async () => {
		const codes = ['', '28708', '2870822', '28708a', ' 287082', '287 082', '２８７０８２'];
		for (const code of codes) {
			expect(await totpVerify(RFC_SECRET, code, 59_000), JSON.stringify(code)).toBe(false);
		}
		expect(await totpVerify('not base32!', '287082', 59_000)).toBe(false);
		expect(await totpVerify(RFC_SECRET, '287082', 59_000, -1)).toBe(false);
		expect(await totpVerify(RFC_SECRET, '287082', 59_000, 0.5)).toBe(false);
	});
});

describe('totpUri', () => {
	it('builds the otpauth:// URI an authenticator app scans, with issuer in label and parameter', () => {
		const uri = totpUri({ secretBase32: RFC_SECRET, account: 'alice', issuer: 'Cognito Flow Lab' });
		expect(uri).toBe(
			'otpauth://totp/Cognito%20Flow%20Lab:alice?issuer=Cognito%20Flow%20Lab' +
				`&secret=${RFC_SECRET}&algorithm=SHA1&digits=6&period=30`
		);
	});

	it('is the URI the otpauth library writes for the same account', () => {
		const expected = new TOTP({
			issuer: 'Cognito Flow Lab',
			label: 'alice',
			algorithm: 'SHA1',
			digits: 6,
			period: 30,
			secret: Secret.fromBase32(RFC_SECRET)
		}).toString();
		expect(
			totpUri({ secretBase32: RFC_SECRET, account: 'alice', issuer: 'Cognito Flow Lab' })
		).toBe(expected);
	});
});
