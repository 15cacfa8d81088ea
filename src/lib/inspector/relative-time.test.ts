import { describe, expect, it } from 'vitest';
import { formatUtc } from './format-utc';
import { describeClaimTime, formatDuration, relativeTime } from './relative-time';

const now = Date.UTC(2026, 10, 22, 0, 30, 0);
const s = Math.floor(now / 1000);

describe('formatDuration', () => {
	it.each([
		[0, '0 s'],
		[59_999, '59 s'],
		[60_000, '1 min'],
		[3_599_000, '59 min'],
		[3_600_000, '1 h'],
		[3_900_000, '1 h 5 min'],
		[47 * 3_600_000, '47 h'],
		[30 * 86_400_000, '30 days'],
		[-180_000, '3 min']
	])('%i ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('relativeTime', () => {
	it('reads future, past and now', () => {
		expect(relativeTime(now + 3_540_000, now)).toBe('in 59 min');
		expect(relativeTime(now - 180_000, now)).toBe('3 min ago');
		expect(relativeTime(now + 400, now)).toBe('now');
		expect(relativeTime(Number.NaN, now)).toBe('at an unknown time');
	});
});

describe('describeClaimTime', () => {
	it('words each time claim for what it means', () => {
		expect(describeClaimTime('exp', s + 3540, now)).toBe('expires in 59 min');
		expect(describeClaimTime('exp', s - 180, now)).toBe('expired 3 min ago');
		expect(describeClaimTime('exp', s, now)).toBe('expires now');
		expect(describeClaimTime('iat', s - 60, now)).toBe('issued 1 min ago');
		expect(describeClaimTime('auth_time', s - 7200, now)).toBe('signed in 2 h ago');
		expect(describeClaimTime('iat', s + 600, now)).toBe('issued 10 min in the future');
		expect(describeClaimTime('updated_at', s - 120, now)).toBe('2 min ago');
	});
});

describe('formatUtc', () => {
	it('writes an instant as UTC and copes with impossible ones', () => {
		expect(formatUtc(now)).toBe('2026-11-22 00:30:00 UTC');
		expect(formatUtc(Number.NaN)).toBe('not a valid time');
		expect(formatUtc(1e20)).toBe('not a valid time');
		expect(formatUtc(Date.UTC(12000, 0, 1))).toBe('+012000-01-01 00:00:00 UTC');
	});
});
