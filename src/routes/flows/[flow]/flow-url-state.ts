import type { FlowChoice } from '$lib/flows';

/** The part of a flow page's state that lives in its URL, so any moment can be shared. */
export interface FlowUrlState {
	/**
	 * A 0-based index or a step id (quiz links name steps by id); `null` for the first step. In the
	 * URL the number is 1-based, the "Step 4 of 7" the learner sees, so a link on a slide reads the
	 * same as the screen.
	 */
	step: number | string | null;
	mistakes: string[];
	/** A value for every choice of the flow, by choice id; in the URL as `?<choice id>=<value>`. */
	choices: Record<string, string>;
	/** Milliseconds the simulated clock runs ahead of the host clock. */
	clock: number;
}

/** What a flow offers, for reading and writing its URL. */
export interface FlowUrlKnown {
	/** Mistake ids in the flow's order. */
	mistakes: readonly string[];
	choices: readonly FlowChoice[];
}

/**
 * Reads `?step=5&mistake=a&mistake=b&user=bob&clock=3600000`. Values the page cannot use (a
 * mistake or choice value this flow does not have, a clock that is not a whole number) are dropped
 * rather than failing, because links outlive the content they point at; a choice the URL does not
 * name (or names wrongly) takes its default.
 *
 * @example parseFlowUrl(new URLSearchParams('step=3&mistake=x'), { mistakes: ['x'], choices: [] })
 * // -> { step: 2, mistakes: ['x'], choices: {}, clock: 0 }
 */
export function parseFlowUrl(params: URLSearchParams, known: FlowUrlKnown): FlowUrlState {
	const rawStep = params.get('step');
	const step =
		rawStep === null || rawStep === ''
			? null
			: /^\d+$/.test(rawStep)
				? Math.max(0, Number(rawStep) - 1)
				: rawStep;
	const mistakes = [...new Set(params.getAll('mistake'))].filter((m) => known.mistakes.includes(m));
	const choices: Record<string, string> = {};
	for (const choice of known.choices) {
		const raw = params.get(choice.id);
		choices[choice.id] = choice.options.some((o) => o.value === raw) ? raw! : choice.default;
	}
	const rawClock = params.get('clock');
	const clock = rawClock !== null && /^-?\d+$/.test(rawClock) ? Number(rawClock) : 0;
	return { step, mistakes, choices, clock: Number.isSafeInteger(clock) ? clock : 0 };
}

/**
 * Writes the state as a query string, in a fixed order (mistakes in the flow's order, choices in
 * the flow's order) so the same moment always has the same URL. Defaults are left out: the first
 * step is still written, so a link always says where it points.
 *
 * @example flowUrlSearch({ step: 4, mistakes: ['a'], choices: { user: 'bob' }, clock: 0 }, known)
 * // -> '?step=5&mistake=a&user=bob'
 */
export function flowUrlSearch(state: FlowUrlState, known: FlowUrlKnown): string {
	const params = new URLSearchParams();
	if (state.step !== null)
		params.set('step', typeof state.step === 'number' ? String(state.step + 1) : state.step);
	const order = (mistake: string) => known.mistakes.indexOf(mistake);
	const ordered = [...state.mistakes].sort((a, b) => order(a) - order(b));
	for (const mistake of ordered) params.append('mistake', mistake);
	for (const choice of known.choices) {
		const value = state.choices[choice.id];
		if (value !== undefined && value !== choice.default) params.set(choice.id, value);
	}
	if (state.clock !== 0) params.set('clock', String(state.clock));
	const search = params.toString();
	return search ? `?${search}` : '';
}
