import { describe, expect, it } from 'vitest';
import { createClock } from '$lib/cloud';

describe('createClock', () => {
	it('runs with the host clock by default', () => {
		let host = 1_000_000;
		const clock = createClock({ hostNow: () => host });
		expect(clock.now()).toBe(1_000_000);
		host += 250;
		expect(clock.now()).toBe(1_000_250);
		expect(clock.offset).toBe(0);
	});

	it('reads Date.now when no host clock is injected', () => {
		const before = Date.now();
		const now = createClock().now();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(Date.now());
	});

	it('starts a running clock `offset` ms ahead of the host and keeps running', () => {
		let host = 5_000;
		const clock = createClock({ offset: 3_600_000, hostNow: () => host });
		expect(clock.now()).toBe(3_605_000);
		host += 1_000;
		expect(clock.now()).toBe(3_606_000);
		expect(clock.offset).toBe(3_600_000);
	});

	it('advance moves a running clock forward (or back) and grows its offset', () => {
		const clock = createClock({ hostNow: () => 10_000 });
		clock.advance(3_600_000);
		expect(clock.now()).toBe(3_610_000);
		expect(clock.offset).toBe(3_600_000);
		clock.advance(-600_000);
		expect(clock.now()).toBe(3_010_000);
		expect(clock.offset).toBe(3_000_000);
	});

	it('a pinned clock stands still while the host runs, and moves only by advance', () => {
		let host = 0;
		const clock = createClock({ fixed: 1_700_000_000_000, hostNow: () => host });
		host = 99_999;
		expect(clock.now()).toBe(1_700_000_000_000);
		clock.advance(60_000);
		expect(clock.now()).toBe(1_700_000_060_000);
		// The offset of a pinned clock is its distance from the host right now.
		expect(clock.offset).toBe(1_700_000_060_000 - 99_999);
	});

	it('pins to 0 too (a falsy instant is still an instant)', () => {
		const clock = createClock({ fixed: 0, hostNow: () => 123 });
		expect(clock.now()).toBe(0);
	});

	it.each([NaN, Infinity, -Infinity])('advance refuses %s with a TypeError', (ms) => {
		const clock = createClock({ fixed: 0 });
		expect(() => clock.advance(ms)).toThrow(
			new TypeError(`clock.advance expects a finite number, got ${ms}`)
		);
		expect(clock.now()).toBe(0);
	});
});
