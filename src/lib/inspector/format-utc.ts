/**
 * An instant (epoch ms) as unambiguous UTC text, or a plain phrase when it is not a real date.
 *
 * @example formatUtc(Date.UTC(2026, 10, 22, 0, 24, 52)) // -> '2026-11-22 00:24:52 UTC'
 */
export function formatUtc(ms: number): string {
	const date = new Date(ms);
	if (Number.isNaN(date.getTime())) return 'not a valid time';
	// Years beyond 9999 come out as `+010000-01-01T...`; the pattern keeps them readable too.
	const match = /^([+-]?\d+-\d\d-\d\d)T(\d\d:\d\d:\d\d)\.\d{3}Z$/.exec(date.toISOString());
	return match ? `${match[1]} ${match[2]} UTC` : date.toISOString();
}
