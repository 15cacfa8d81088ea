import { describe, expect, it } from 'vitest';
import type { FlowChoice } from '$lib/flows';
import { flowUrlSearch, parseFlowUrl } from './flow-url-state';

const user: FlowChoice = {
	id: 'user',
	label: 'Demo user',
	options: [
		{ value: 'alice', label: 'alice' },
		{ value: 'bob', label: 'bob' }
	],
	default: 'alice'
};
const variant: FlowChoice = {
	id: 'variant',
	label: 'Flow',
	options: [
		{ value: 'enhanced', label: 'Enhanced' },
		{ value: 'basic', label: 'Basic' }
	],
	default: 'enhanced'
};
const known = { mistakes: ['wrong-password', 'id-token-to-getuser'], choices: [user, variant] };

describe('flow URL state', () => {
	it('reads the 1-based step shown on screen as a 0-based index, with mistakes, choices and clock', () => {
		const params = new URLSearchParams(
			'step=5&mistake=id-token-to-getuser&mistake=wrong-password&user=bob&variant=basic&clock=3600000'
		);
		expect(parseFlowUrl(params, known)).toEqual({
			step: 4,
			mistakes: ['id-token-to-getuser', 'wrong-password'],
			choices: { user: 'bob', variant: 'basic' },
			clock: 3600000
		});
	});

	it('reads a step id as a string, for links that name the step', () => {
		expect(parseFlowUrl(new URLSearchParams('step=get-user'), known).step).toBe('get-user');
	});

	it('drops unknown mistakes and choice values and a malformed clock instead of failing', () => {
		const params = new URLSearchParams('mistake=nope&user=mallory&variant=&clock=soon');
		expect(parseFlowUrl(params, known)).toEqual({
			step: null,
			mistakes: [],
			choices: { user: 'alice', variant: 'enhanced' },
			clock: 0
		});
	});

	it('writes one URL per moment: mistakes and choices in the flow order, defaults left out', () => {
		const search = flowUrlSearch(
			{
				step: 4,
				mistakes: ['id-token-to-getuser', 'wrong-password'],
				choices: { variant: 'basic', user: 'bob' },
				clock: 0
			},
			known
		);
		expect(search).toBe(
			'?step=5&mistake=wrong-password&mistake=id-token-to-getuser&user=bob&variant=basic'
		);
		const defaults = { user: 'alice', variant: 'enhanced' };
		expect(flowUrlSearch({ step: null, mistakes: [], choices: defaults, clock: 0 }, known)).toBe(
			''
		);
		expect(flowUrlSearch({ step: null, mistakes: [], choices: {}, clock: 0 }, known)).toBe('');
	});

	it('reads step=0 as the first step rather than failing', () => {
		expect(parseFlowUrl(new URLSearchParams('step=0'), known).step).toBe(0);
	});

	it('round-trips', () => {
		const state = {
			step: 2,
			mistakes: ['wrong-password'],
			choices: { user: 'bob', variant: 'enhanced' },
			clock: -60000
		};
		const params = new URLSearchParams(flowUrlSearch(state, known));
		expect(parseFlowUrl(params, known)).toEqual(state);
	});
});
