import { createActor, toPromise, type SnapshotFrom } from 'xstate';
import type { Cloud, Exchange } from '$lib/cloud';
import type { FlowRun, FlowRunStep } from '../types';
import { captionForStep } from './caption-for-step';
import { userPoolSignInId, userPoolSignInSteps, type UserPoolSignInStepId } from './definition';
import { userPoolSignInMachine, type UserPoolSignInStepMeta } from './machine';
import { signInInputFor, type UserPoolSignInOptions } from './sign-in-options';

export interface RunUserPoolSignInOptions extends UserPoolSignInOptions {
	cloud: Cloud;
}

/** Steps that happen inside the app: drawn as a note on its lifeline, besides any exchange. */
const appSteps: readonly UserPoolSignInStepId[] = ['verify-id-token', 'access-token-expires'];

/**
 * Runs the sign-in flow once against `cloud` and returns it as plain `FlowRun` data: one step per
 * step state entered, with the exchanges the cloud's log recorded while it was current, its
 * outcome, the simulated time at its end and a caption computed from the run's real values.
 * Runs change the cloud (a new password, revoked tokens, the clock): use a fresh cloud per run.
 *
 * @example const run = await runUserPoolSignIn({ cloud: createCloud(), user: 'bob' });
 */
export async function runUserPoolSignIn(options: RunUserPoolSignInOptions): Promise<FlowRun> {
	const { cloud } = options;
	const input = signInInputFor(cloud, options);
	const steps: FlowRunStep[] = [];
	let current: { step: UserPoolSignInStepId; exchanges: Exchange[]; startedAt: number } | null =
		null;
	let previous: Snapshot | null = null;
	// When the step's actor settled: read as its done/error event arrives, before the machine moves
	// on and the next step's actor starts (moving the clock, for the expiry step).
	let settledAt = cloud.clock.now();

	const close = (snapshot: Snapshot) => {
		if (!current) return;
		const { step, exchanges, startedAt } = current;
		steps.push({
			index: steps.length,
			id: step,
			title: userPoolSignInSteps.find((s) => s.id === step)!.title,
			caption: captionForStep({
				step,
				context: snapshot.context,
				exchanges,
				startedAt,
				endedAt: settledAt
			}),
			// Announced as answered; listed as sent (a nested call is answered before its parent).
			exchanges: structuredClone(exchanges.sort((a, b) => a.id - b.id)),
			outcome: snapshot.matches('failed') ? 'error' : 'ok',
			at: settledAt,
			...(appSteps.includes(step) && { actor: 'app' })
		});
		current = null;
	};

	const unsubscribeLog = cloud.log.subscribe((exchange) => current?.exchanges.push(exchange));
	const actor = createActor(userPoolSignInMachine, {
		input,
		inspect: (inspection) => {
			if (inspection.type === '@xstate.event' && settles(inspection.event.type))
				settledAt = cloud.clock.now();
		}
	});
	actor.subscribe((snapshot) => {
		if (previous && snapshot.value === previous.value) return;
		previous = snapshot;
		close(snapshot);
		const step = stepOf(snapshot);
		if (step) current = { step, exchanges: [], startedAt: settledAt };
	});
	try {
		actor.start();
		const { failure } = await toPromise(actor);
		return {
			flowId: userPoolSignInId,
			mistakes: [...input.mistakes],
			user: input.user.username,
			steps,
			status: failure ? 'failed' : 'done',
			...(failure && { error: `${failure.__type}: ${failure.message}` })
		};
	} finally {
		unsubscribeLog();
		actor.stop();
	}
}

type Snapshot = SnapshotFrom<typeof userPoolSignInMachine>;

const settles = (eventType: string) =>
	eventType.startsWith('xstate.done.actor.') || eventType.startsWith('xstate.error.actor.');

function stepOf(snapshot: Snapshot): UserPoolSignInStepId | null {
	const metas = Object.values(snapshot.getMeta()) as Partial<UserPoolSignInStepMeta>[];
	return metas.find((m) => m.step)?.step ?? null;
}
