import { describe, expect, it } from 'vitest';
import { totpVerify } from '$lib/crypto';
import { wrongTotpCode } from './wrong-totp-code';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('wrongTotpCode', () => {
	it('is six digits no server accepts, even allowing a step of drift either way', async () => {
		for (let at = 0; at < 3_000_000; at += 7_001) {
			const code = await wrongTotpCode(secret, at);
			expect(code).toMatch(/^\d{6}$/);
			expect(await totpVerify(secret, code, at, 1)).toBe(false);
		}
	});

	it('is the same code for the same moment, so a run can be replayed', async () => {
		expect(await wrongTotpCode(secret, 59_000)).toBe(await wrongTotpCode(secret, 59_000));
	});
});
