/**
 * The index of a step named in a URL or a link: a number is a 0-based index (clamped into the
 * run), anything else a step id (the first step, if the run does not take that step). This lets a
 * quiz link say `?step=get-user` without knowing which index that step has for a given user.
 *
 * @example resolveStep('get-user', [{ id: 'initiate-auth' }, { id: 'get-user' }]) // -> 1
 */
export function resolveStep(
	at: number | string | null | undefined,
	steps: readonly { id: string }[]
): number {
	if (steps.length === 0) return 0;
	if (typeof at === 'number') return clampStep(at, steps.length);
	if (typeof at === 'string' && at !== '') {
		if (/^\d+$/.test(at)) return clampStep(Number(at), steps.length);
		const found = steps.findIndex((step) => step.id === at);
		return found === -1 ? 0 : found;
	}
	return 0;
}

/** `index` as a valid position in a run of `count` steps. */
export function clampStep(index: number, count: number): number {
	if (count <= 0 || !Number.isFinite(index)) return 0;
	return Math.min(count - 1, Math.max(0, Math.trunc(index)));
}
