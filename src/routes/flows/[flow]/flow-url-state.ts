/** The part of a flow page's state that lives in its URL, so any moment can be shared. */
export interface FlowUrlState {
	/**
	 * A 0-based index or a step id (quiz links name steps by id); `null` for the first step. In the
	 * URL the number is 1-based, the "Step 4 of 7" the learner sees, so a link on a slide reads the
	 * same as the screen.
	 */
	step: number | string | null;
	mistakes: string[];
	/** Demo user to sign in as; `null` for the flow's first demo user. */
	user: string | null;
	/** Milliseconds the simulated clock runs ahead of the host clock. */
	clock: number;
}

/**
 * Reads `?step=5&mistake=a&mistake=b&user=bob&clock=3600000`. Values the page cannot use (a
 * mistake or user this flow does not have, a clock that is not a whole number) are dropped rather
 * than failing, because links outlive the content they point at.
 *
 * @example parseFlowUrl(new URLSearchParams('step=3&mistake=x'), { mistakes: ['x'], users: [] })
 * // -> { step: 2, mistakes: ['x'], user: null, clock: 0 }
 */
export function parseFlowUrl(
	params: URLSearchParams,
	known: { mistakes: readonly string[]; users: readonly string[] }
): FlowUrlState {
	const rawStep = params.get('step');
	const step =
		rawStep === null || rawStep === ''
			? null
			: /^\d+$/.test(rawStep)
				? Math.max(0, Number(rawStep) - 1)
				: rawStep;
	const mistakes = [...new Set(params.getAll('mistake'))].filter((m) => known.mistakes.includes(m));
	const rawUser = params.get('user');
	const user = rawUser !== null && known.users.includes(rawUser) ? rawUser : null;
	const rawClock = params.get('clock');
	const clock = rawClock !== null && /^-?\d+$/.test(rawClock) ? Number(rawClock) : 0;
	return { step, mistakes, user, clock: Number.isSafeInteger(clock) ? clock : 0 };
}

/**
 * Writes the state as a query string, in a fixed order (mistakes in the flow's order) so the same
 * moment always has the same URL. Defaults are left out: the first step is still written, so a
 * link always says where it points.
 *
 * @example flowUrlSearch({ step: 4, mistakes: ['a'], user: 'bob', clock: 0 }, ['a', 'b'])
 * // -> '?step=5&mistake=a&user=bob'
 */
export function flowUrlSearch(state: FlowUrlState, mistakeOrder: readonly string[]): string {
	const params = new URLSearchParams();
	if (state.step !== null)
		params.set('step', typeof state.step === 'number' ? String(state.step + 1) : state.step);
	const order = (mistake: string) => mistakeOrder.indexOf(mistake);
	const ordered = [...state.mistakes].sort((a, b) => order(a) - order(b));
	for (const mistake of ordered) params.append('mistake', mistake);
	if (state.user !== null) params.set('user', state.user);
	if (state.clock !== 0) params.set('clock', String(state.clock));
	const search = params.toString();
	return search ? `?${search}` : '';
}
