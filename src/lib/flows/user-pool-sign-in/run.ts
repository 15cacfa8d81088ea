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
	let current: { step: UserPoolSignInStepId; exchanges: Exchange[] } | null = null;
	let previous: SnapshotFrom<typeof userPoolSignInMachine> | null = null;

	const close = (snapshot: SnapshotFrom<typeof userPoolSignInMachine>) => {
		if (!current) return;
		const { step, exchanges } = current;
		const failed = snapshot.matches('failed');
		steps.push({
			index: steps.length,
			id: step,
			title: userPoolSignInSteps.find((s) => s.id === step)!.title,
			caption: captionForStep({ step, context: snapshot.context, exchanges }),
			exchanges: structuredClone(exchanges),
			outcome: failed ? 'error' : 'ok',
			at: cloud.clock.now(),
			...(appSteps.includes(step) && { actor: 'app' })
		});
		current = null;
	};

	const unsubscribeLog = cloud.log.subscribe((exchange) => current?.exchanges.push(exchange));
	const actor = createActor(userPoolSignInMachine, { input });
	actor.subscribe((snapshot) => {
		if (previous && snapshot.value === previous.value) return;
		previous = snapshot;
		close(snapshot);
		const step = stepOf(snapshot);
		if (step) current = { step, exchanges: [] };
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

function stepOf(snapshot: SnapshotFrom<typeof userPoolSignInMachine>): UserPoolSignInStepId | null {
	const metas = Object.values(snapshot.getMeta()) as Partial<UserPoolSignInStepMeta>[];
	return metas.find((m) => m.step)?.step ?? null;
}
