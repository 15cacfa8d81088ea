import { describe, expect, it } from 'vitest';
import { flowUrlSearch, parseFlowUrl } from './flow-url-state';

const known = { mistakes: ['wrong-password', 'id-token-to-getuser'], users: ['alice', 'bob'] };

describe('flow URL state', () => {
	it('reads the 1-based step shown on screen as a 0-based index, with mistakes, user and clock', () => {
		const params = new URLSearchParams(
			'step=5&mistake=id-token-to-getuser&mistake=wrong-password&user=bob&clock=3600000'
		);
		expect(parseFlowUrl(params, known)).toEqual({
			step: 4,
			mistakes: ['id-token-to-getuser', 'wrong-password'],
			user: 'bob',
			clock: 3600000
		});
	});

	it('reads a step id as a string, for links that name the step', () => {
		expect(parseFlowUrl(new URLSearchParams('step=get-user'), known).step).toBe('get-user');
	});

	it('drops unknown mistakes and users and a malformed clock instead of failing', () => {
		const params = new URLSearchParams('mistake=nope&user=mallory&clock=soon');
		expect(parseFlowUrl(params, known)).toEqual({
			step: null,
			mistakes: [],
			user: null,
			clock: 0
		});
	});

	it('writes one URL per moment: mistakes in the flow order, defaults left out', () => {
		const search = flowUrlSearch(
			{ step: 4, mistakes: ['id-token-to-getuser', 'wrong-password'], user: 'bob', clock: 0 },
			known.mistakes
		);
		expect(search).toBe('?step=5&mistake=wrong-password&mistake=id-token-to-getuser&user=bob');
		expect(flowUrlSearch({ step: null, mistakes: [], user: null, clock: 0 }, [])).toBe('');
	});

	it('reads step=0 as the first step rather than failing', () => {
		expect(parseFlowUrl(new URLSearchParams('step=0'), known).step).toBe(0);
	});

	it('round-trips', () => {
		const state = { step: 2, mistakes: ['wrong-password'], user: 'alice', clock: -60000 };
		const params = new URLSearchParams(flowUrlSearch(state, known.mistakes));
		expect(parseFlowUrl(params, known)).toEqual(state);
	});
});
