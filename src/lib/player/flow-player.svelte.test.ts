import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { findFlow, type FlowRun } from '$lib/flows';
import { FlowPlayer, type PlayerTimer } from './flow-player.svelte';

/** A timer the test fires by hand: play never depends on real time. */
function manualTimer() {
	let pending: { callback: () => void; ms: number } | null = null;
	const timer: PlayerTimer = {
		set: (callback, ms) => (pending = { callback, ms }),
		clear: () => (pending = null)
	};
	return {
		timer,
		get pendingMs() {
			return pending?.ms ?? null;
		},
		fire() {
			const due = pending;
			pending = null;
			due?.callback();
		}
	};
}

// Real runs of the real flow against a simulated pool; the player only indexes into them.
let alice: FlowRun;
let bob: FlowRun;
beforeAll(async () => {
	const flow = findFlow('user-pool-sign-in')!;
	const { run } = await flow.load();
	[alice, bob] = await Promise.all([
		run({ cloud: createCloud(), choices: { user: 'alice' }, mistakes: [] }),
		run({ cloud: createCloud(), choices: { user: 'bob' }, mistakes: [] })
	]);
}, 60_000);

describe('FlowPlayer', () => {
	it('starts at the step it is given, by index or by id', () => {
		const player = new FlowPlayer();
		player.load(alice, 'get-user');
		expect(player.current?.id).toBe('get-user');
		player.load(alice, 2);
		expect(player.index).toBe(2);
		player.load(alice, 99);
		expect(player.atEnd).toBe(true);
	});

	it('steps back to the exact earlier step of the same run, never a new one', () => {
		const player = new FlowPlayer();
		player.load(alice, 0);
		player.next();
		player.next();
		const seen = player.current;
		player.next();
		player.previous();
		expect(player.current).toBe(seen);
		expect(player.run).toBe(alice);
		player.first();
		player.previous();
		expect(player.index).toBe(0);
		player.last();
		player.next();
		expect(player.index).toBe(alice.steps.length - 1);
	});

	it('selects the exchange that decided each step, and only exchanges already shown', () => {
		const player = new FlowPlayer();
		player.load(bob, 'software-token-mfa');
		const step = player.current!;
		expect(player.selectedExchangeId).toBe(step.exchanges.at(-1)?.id);
		expect(player.selection?.step).toBe(step);

		const first = bob.steps[0]!.exchanges[0]!.id;
		player.select(first);
		expect(player.selection?.exchange.label).toBe('InitiateAuth');
		const later = bob.steps.at(-1)!.exchanges[0]!.id;
		player.select(later);
		expect(player.selectedExchangeId).toBe(first);
	});

	it('plays one step per timer tick, slower steps for more arrows, and stops at the end', () => {
		const clock = manualTimer();
		const player = new FlowPlayer({ timer: clock.timer });
		player.load(alice, alice.steps.length - 3);
		player.play();
		expect(player.playing).toBe(true);
		const oneArrowPair = clock.pendingMs;
		player.speed = 2;
		expect(clock.pendingMs).toBe(Math.round((oneArrowPair ?? 0) / 2));
		clock.fire();
		clock.fire();
		expect(player.atEnd).toBe(true);
		clock.fire();
		expect(player.playing).toBe(false);
		expect(clock.pendingMs).toBeNull();
	});

	it('plays from the start when asked to play at the end', () => {
		const clock = manualTimer();
		const player = new FlowPlayer({ timer: clock.timer });
		player.load(alice, alice.steps.length - 1);
		player.toggle();
		expect(player.index).toBe(0);
		player.toggle();
		expect(player.playing).toBe(false);
	});

	it('refuses a speed it does not offer', () => {
		const player = new FlowPlayer();
		const error = new TypeError('speed must be one of 0.5, 1, 1.5, 2, got 3');
		expect(() => (player.speed = 3)).toThrow(error);
	});
});
