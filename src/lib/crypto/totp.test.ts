import { describe, expect, it } from 'vitest';
import { totpCode, totpUri, totpVerify } from './totp';

// RFC 6238 appendix B: the SHA1 secret is the ASCII string '12345678901234567890'
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCode', () => {
	it('gives the RFC 6238 SHA1 vectors truncated to 6 digits', () => {
		expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
		expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
		expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
	});

	it('changes every 30 seconds: the same code from 30 s to 59.999 s', () => {
		expect(totpCode(RFC_SECRET, 30_000)).toBe('287082');
		expect(totpCode(RFC_SECRET, 60_000)).not.toBe('287082');
	});
});

describe('totpVerify', () => {
	it('accepts the current code and, with the default window of 1, one step either side', () => {
		expect(totpVerify(RFC_SECRET, '287082', 59_000)).toBe(true);
		expect(totpVerify(RFC_SECRET, '287082', 89_999)).toBe(true);
		expect(totpVerify(RFC_SECRET, '287082', 1_000)).toBe(true);
		expect(totpVerify(RFC_SECRET, '287082', 90_000)).toBe(false);
	});

	it('accepts only the current step with window 0, and two steps away with window 2', () => {
		expect(totpVerify(RFC_SECRET, '287082', 60_000, 0)).toBe(false);
		expect(totpVerify(RFC_SECRET, '287082', 59_000, 0)).toBe(true);
		expect(totpVerify(RFC_SECRET, '287082', 119_999, 2)).toBe(true);
		expect(totpVerify(RFC_SECRET, '287082', 120_000, 2)).toBe(false);
	});

	it('returns false, never throws, for malformed codes, secrets or windows', () => {
		const codes = ['', '28708', '2870822', '28708a', ' 287082', '287 082', '２８７０８２'];
		for (const code of codes) {
			expect(totpVerify(RFC_SECRET, code, 59_000), JSON.stringify(code)).toBe(false);
		}
		expect(totpVerify('not base32!', '287082', 59_000)).toBe(false);
		expect(totpVerify(RFC_SECRET, '287082', 59_000, -1)).toBe(false);
		expect(totpVerify(RFC_SECRET, '287082', 59_000, 0.5)).toBe(false);
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
});
