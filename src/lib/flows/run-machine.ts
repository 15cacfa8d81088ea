import {
	createActor,
	toPromise,
	type AnyMachineSnapshot,
	type AnyStateMachine,
	type ContextFrom,
	type InputFrom,
	type OutputFrom
} from 'xstate';
import type { Cloud, Exchange } from '$lib/cloud';
import type { FlowDefinition, FlowRun, FlowRunStep } from './types';

/** What a step's caption is computed from: the context at its end and what it sent. */
export interface FlowStepFacts<TContext> {
	step: string;
	context: TContext;
	exchanges: readonly Exchange[];
	/** Simulated epoch ms when the step began and ended. */
	startedAt: number;
	endedAt: number;
}

/** The meta a step state carries: `meta: { step: 'get-id' }`. */
export interface FlowStepMeta {
	step: string;
}

export interface RunFlowMachineOptions<TMachine extends AnyStateMachine> {
	cloud: Cloud;
	definition: FlowDefinition;
	machine: TMachine;
	input: InputFrom<TMachine>;
	/** The run's mistakes, as the run reports them. */
	mistakes: readonly string[];
	captionForStep: (facts: FlowStepFacts<ContextFrom<TMachine>>) => string;
	/** For a run that ends in `failed`: the error in one line (`NotAuthorizedException: ...`). */
	errorOf?: (output: OutputFrom<TMachine>) => string | undefined;
	/** The username the run signs in as, when it signs one in. */
	user?: string;
}

/**
 * Runs a flow's machine once against `cloud` and returns it as plain `FlowRun` data: one step per
 * step state entered (a state whose meta names a `step`), with the exchanges the cloud's log
 * recorded while it was current, its outcome, the simulated time at its end and a caption computed
 * from the run's real values (a transient state, left by `always` in the same microstep, is never
 * seen: a step state invokes something). A step ends in `error` when the machine stops in its `failed` final
 * state there, or when the machine lists the step in `context.refusedSteps` (a refusal the flow
 * shows on purpose and carries on from, such as a denied S3 write). Runs change the cloud (a new
 * password, revoked tokens, the clock): use a fresh cloud per run.
 *
 * @example
 * export const run: FlowRunFunction = ({ cloud, choices, mistakes }) =>
 *   runFlowMachine({ cloud, definition, machine, input: inputFor(cloud, choices, mistakes), mistakes, captionForStep });
 */
export async function runFlowMachine<TMachine extends AnyStateMachine>(
	options: RunFlowMachineOptions<TMachine>
): Promise<FlowRun> {
	const { cloud, definition, machine, input } = options;
	const steps: FlowRunStep[] = [];
	let current: { step: string; exchanges: Exchange[]; startedAt: number } | null = null;
	let previous: AnyMachineSnapshot | null = null;
	// When the step's actor settled: read as its done/error event arrives, before the machine moves
	// on and the next step's actor starts (moving the clock, for an expiry step).
	let settledAt = cloud.clock.now();

	const close = (snapshot: AnyMachineSnapshot) => {
		if (!current) return;
		const { step, exchanges, startedAt } = current;
		const known = definition.steps.find((s) => s.id === step);
		if (!known) throw new TypeError(`Flow ${definition.id} has no step "${step}"`);
		const refused = (snapshot.context as { refusedSteps?: readonly string[] } | undefined)
			?.refusedSteps;
		steps.push({
			index: steps.length,
			id: step,
			title: known.title,
			caption: options.captionForStep({
				step,
				context: snapshot.context as ContextFrom<TMachine>,
				exchanges,
				startedAt,
				endedAt: settledAt
			}),
			// Announced as answered; listed as sent (a nested call is answered before its parent).
			exchanges: structuredClone(exchanges.sort((a, b) => a.id - b.id)),
			outcome: snapshot.matches('failed') || refused?.includes(step) ? 'error' : 'ok',
			at: settledAt,
			...(known.actor && { actor: known.actor })
		});
		current = null;
	};

	const unsubscribeLog = cloud.log.subscribe((exchange) => current?.exchanges.push(exchange));
	const actor = createActor(machine, {
		input,
		inspect: (inspection) => {
			if (inspection.type === '@xstate.event' && settles(inspection.event.type))
				settledAt = cloud.clock.now();
		}
	});
	actor.subscribe((snapshot: AnyMachineSnapshot) => {
		if (previous && snapshot.value === previous.value) return;
		previous = snapshot;
		close(snapshot);
		const step = stepOf(snapshot);
		if (step) current = { step, exchanges: [], startedAt: settledAt };
	});
	try {
		actor.start();
		const output = (await toPromise(actor)) as OutputFrom<TMachine>;
		const failed = (actor.getSnapshot() as AnyMachineSnapshot).matches('failed');
		const error = failed ? options.errorOf?.(output) : undefined;
		return {
			flowId: definition.id,
			mistakes: [...options.mistakes],
			...(options.user !== undefined && { user: options.user }),
			steps,
			status: failed ? 'failed' : 'done',
			...(error && { error })
		};
	} finally {
		unsubscribeLog();
		actor.stop();
	}
}

const settles = (eventType: string) =>
	eventType.startsWith('xstate.done.actor.') || eventType.startsWith('xstate.error.actor.');

function stepOf(snapshot: AnyMachineSnapshot): string | null {
	const metas = Object.values(snapshot.getMeta()) as Partial<FlowStepMeta>[];
	return metas.find((m) => m.step)?.step ?? null;
}
