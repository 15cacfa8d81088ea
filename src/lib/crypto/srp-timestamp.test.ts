import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSrpTimestamp, parseSrpTimestamp } from './srp-timestamp';

describe('formatSrpTimestamp', () => {
	it('writes EEE MMM d HH:mm:ss UTC yyyy in UTC with the day of the month not zero-padded', () => {
		expect(formatSrpTimestamp(new Date('2026-11-03T09:05:07Z'))).toBe(
			'Tue Nov 3 09:05:07 UTC 2026'
		);
		expect(formatSrpTimestamp(new Date('2025-11-21T23:31:40Z'))).toBe(
			'Fri Nov 21 23:31:40 UTC 2025'
		);
		expect(formatSrpTimestamp(new Date('2027-01-01T00:00:00.999Z'))).toBe(
			'Fri Jan 1 00:00:00 UTC 2027'
		);
	});

	it('uses UTC whatever the offset the Date was built from', () => {
		expect(formatSrpTimestamp(new Date('2026-11-03T01:05:07-08:00'))).toBe(
			'Tue Nov 3 09:05:07 UTC 2026'
		);
	});
});

describe('parseSrpTimestamp', () => {
	it('reads the day of the month as d or dd', () => {
		const expected = new Date('2026-11-03T09:05:07Z');
		expect(parseSrpTimestamp('Tue Nov 3 09:05:07 UTC 2026')).toEqual(expected);
		expect(parseSrpTimestamp('Tue Nov 03 09:05:07 UTC 2026')).toEqual(expected);
	});

	it('round-trips every whole second formatSrpTimestamp can write', () => {
		fc.assert(
			fc.property(
				fc.date({
					min: new Date('2000-01-01T00:00:00Z'),
					max: new Date('2099-12-31T23:59:59Z'),
					noInvalidDate: true
				}),
				(date) => {
					const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
					expect(parseSrpTimestamp(formatSrpTimestamp(whole))).toEqual(whole);
				}
			),
			{ seed: 6238, numRuns: 200 }
		);
	});

	it('returns null for anything that is not a real timestamp in this format', () => {
		for (const text of [
			'',
			'Tue Nov 3 09:05:07 GMT 2026',
			'Tue Nov 3 9:05:07 UTC 2026',
			'Tue Nov  3 09:05:07 UTC 2026',
			'Tue Nov 003 09:05:07 UTC 2026',
			'tue nov 3 09:05:07 UTC 2026',
			'Wed Nov 3 09:05:07 UTC 2026', // wrong weekday
			'Mon Feb 30 09:05:07 UTC 2026', // no such day
			'Tue Nov 3 24:00:00 UTC 2026',
			'Tue Nov 3 09:60:07 UTC 2026',
			'Tue Nov 3 09:05:07 UTC 2026 ',
			'2026-11-03T09:05:07Z'
		]) {
			expect(parseSrpTimestamp(text), text).toBeNull();
		}
	});
});
