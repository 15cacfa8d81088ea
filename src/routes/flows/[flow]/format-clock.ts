const time = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hour12: false
});

/**
 * A simulated time as the clock display shows it, always in UTC (the time zone of token claims).
 *
 * @example formatClock(Date.UTC(2026, 10, 22, 1, 2, 3)) // -> '01:02:03 UTC'
 */
export function formatClock(epochMs: number): string {
	return `${time.format(epochMs)} UTC`;
}

/**
 * How far the clock was set ahead, for the URL's `clock` offset; empty for none.
 *
 * @example formatOffset(3_600_000) // -> '+1 h'
 */
export function formatOffset(ms: number): string {
	if (ms === 0) return '';
	const hours = ms / 3_600_000;
	const sign = ms > 0 ? '+' : '−';
	if (Number.isInteger(hours)) return `${sign}${Math.abs(hours)} h`;
	return `${sign}${Math.round(Math.abs(ms) / 60_000)} min`;
}
