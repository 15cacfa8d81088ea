import { describe, expect, it } from 'vitest';
import { formatClock, formatOffset } from './format-clock';
import { userTag } from './user-tag';

describe('route helpers', () => {
	it('shows simulated time in UTC, as token claims are', () => {
		expect(formatClock(Date.UTC(2026, 10, 22, 1, 2, 3))).toBe('01:02:03 UTC');
	});

	it('shows a clock offset in hours, or minutes when not whole', () => {
		expect(formatOffset(0)).toBe('');
		expect(formatOffset(3_600_000)).toBe('+1 h');
		expect(formatOffset(-90_000)).toBe('−2 min');
	});

	it('tags demo users by what makes their sign-in different', () => {
		expect(userTag('Confirmed; password only; groups editors, readers.')).toBe('password');
		expect(userTag('Confirmed; TOTP MFA with an authenticator app; groups readers.')).toBe('MFA');
		const carol = 'Created by an administrator with a temporary password: must choose a new one.';
		expect(userTag(carol)).toBe('new password');
	});
});
