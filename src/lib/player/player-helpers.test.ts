import { describe, expect, it } from 'vitest';
import { playerKeyAction } from './player-key-action';
import { stepDurationMs, travelMs } from './playback-timing';
import { clampStep, resolveStep } from './resolve-step';

const ids = [{ id: 'initiate-auth' }, { id: 'password-verifier' }, { id: 'get-user' }];

describe('resolveStep', () => {
	it('reads a number as a 0-based index, clamped into the run', () => {
		expect(resolveStep(1, ids)).toBe(1);
		expect(resolveStep('2', ids)).toBe(2);
		expect(resolveStep(99, ids)).toBe(2);
		expect(resolveStep(-3, ids)).toBe(0);
	});

	it('reads anything else as a step id, and falls back to the first step', () => {
		expect(resolveStep('get-user', ids)).toBe(2);
		expect(resolveStep('software-token-mfa', ids)).toBe(0);
		expect(resolveStep(null, ids)).toBe(0);
	});

	it('clampStep keeps an index inside a run and is 0 for an empty run', () => {
		expect(clampStep(2.7, 3)).toBe(2);
		expect(clampStep(5, 0)).toBe(0);
		expect(clampStep(Number.NaN, 3)).toBe(0);
	});
});

describe('playback timing', () => {
	it('draws arrows faster at a higher speed', () => {
		expect(travelMs(1)).toBe(420);
		expect(travelMs(2)).toBe(210);
	});

	it('stays on a step long enough to draw its arrows and then read them', () => {
		expect(stepDurationMs(2, 1)).toBe(2 * 420 + 1600);
		expect(stepDurationMs(0, 2)).toBe(Math.round((420 + 1600) / 2));
	});
});

describe('playerKeyAction', () => {
	const el = (tagName: string, role?: string) =>
		({
			tagName,
			getAttribute: (name: string) => (name === 'role' ? (role ?? null) : null)
		}) as unknown as EventTarget;

	it('maps arrows to previous/next and Home/End to first/last', () => {
		expect(playerKeyAction({ key: 'ArrowLeft', target: el('DIV') })).toBe('previous');
		expect(playerKeyAction({ key: 'ArrowRight', target: el('BUTTON') })).toBe('next');
		expect(playerKeyAction({ key: 'Home', target: el('DIV') })).toBe('first');
		expect(playerKeyAction({ key: 'End', target: el('DIV') })).toBe('last');
	});

	it('toggles play with Space, except where Space presses a button', () => {
		expect(playerKeyAction({ key: ' ', target: el('DIV') })).toBe('toggle');
		expect(playerKeyAction({ key: ' ', target: el('BUTTON') })).toBeNull();
		expect(playerKeyAction({ key: ' ', target: el('g', 'button') })).toBeNull();
	});

	it('leaves keys typed into form fields, and modified keys, alone', () => {
		expect(playerKeyAction({ key: 'ArrowRight', target: el('SELECT') })).toBeNull();
		expect(playerKeyAction({ key: 'ArrowLeft', target: el('INPUT') })).toBeNull();
		expect(playerKeyAction({ key: 'ArrowRight', target: el('DIV'), altKey: true })).toBeNull();
		expect(playerKeyAction({ key: 'ArrowRight', target: el('BUTTON', 'tab') })).toBeNull();
	});
});
