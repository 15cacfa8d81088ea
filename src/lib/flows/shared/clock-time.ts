/**
 * How every caption writes a simulated time: the UTC time of day, which is what a learner
 * compares between steps (the date never changes within a run).
 *
 * @example clockTime(Date.UTC(2026, 10, 3, 9, 5, 7)) // -> '09:05:07 UTC'
 */
export function clockTime(ms: number | undefined): string {
	return ms !== undefined && Number.isFinite(ms)
		? `${new Date(ms).toISOString().slice(11, 19)} UTC`
		: '(unknown)';
}
