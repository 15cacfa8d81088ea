/**
 * A duration between two instants in words a person reads at a glance: `59 min`, `1 h 5 min`,
 * `3 days`. Whole units only, rounded down, so a token never looks fresher than it is.
 *
 * @example formatDuration(3_540_000) // -> '59 min'
 */
export function formatDuration(ms: number): string {
	const seconds = Math.floor(Math.abs(ms) / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		const rest = minutes % 60;
		return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
	}
	return `${Math.floor(hours / 24)} days`;
}

/**
 * `target` seen from `now` (both epoch ms): `in 59 min`, `3 min ago`, or `now` within a second.
 *
 * @example relativeTime(Date.UTC(2026, 0, 1, 1), Date.UTC(2026, 0, 1, 0, 1)) // -> 'in 59 min'
 */
export function relativeTime(target: number, now: number): string {
	const diff = target - now;
	if (!Number.isFinite(diff)) return 'at an unknown time';
	if (Math.abs(diff) < 1000) return 'now';
	return diff > 0 ? `in ${formatDuration(diff)}` : `${formatDuration(diff)} ago`;
}

/**
 * How a time claim (epoch seconds) reads at the simulated `now` (epoch ms): `expires in 59 min`,
 * `expired 3 min ago`, `issued 1 min ago`, `signed in 2 h ago`.
 */
export function describeClaimTime(claim: string, seconds: number, now: number): string {
	const target = seconds * 1000;
	const future = target > now;
	const span = formatDuration(target - now);
	if (Math.abs(target - now) < 1000) {
		return claim === 'exp' ? 'expires now' : claim === 'nbf' ? 'valid from now' : 'just now';
	}
	switch (claim) {
		case 'exp':
			return future ? `expires in ${span}` : `expired ${span} ago`;
		case 'iat':
			return future ? `issued ${span} in the future` : `issued ${span} ago`;
		case 'auth_time':
			return future ? `sign-in ${span} in the future` : `signed in ${span} ago`;
		case 'nbf':
			return future ? `not valid for another ${span}` : `valid since ${span} ago`;
		default:
			return relativeTime(target, now);
	}
}
