import { describe, expect, it } from 'vitest';
import { formatClock, formatOffset } from './format-clock';

describe('route helpers', () => {
	it('shows simulated time in UTC, as token claims are', () => {
		expect(formatClock(Date.UTC(2026, 10, 22, 1, 2, 3))).toBe('01:02:03 UTC');
	});

	it('shows a clock offset in hours, or minutes when not whole', () => {
		expect(formatOffset(0)).toBe('');
		expect(formatOffset(3_600_000)).toBe('+1 h');
		expect(formatOffset(-90_000)).toBe('−2 min');
	});
});
