import { runFlowMachine } from '../run-machine';
import type { FlowRunFunction } from '../types';
import { captionForStep, type StepFacts } from './caption-for-step';
import { definition, type UserPoolSignInMistakeId } from './definition';
import { userPoolSignInMachine } from './machine';
import { signInInputFor } from './sign-in-options';

/**
 * Runs the sign-in flow once as the chosen demo user (`choices.user`). Throws a `TypeError` for a
 * user the cloud's scenario does not have or a mistake this flow does not know.
 *
 * @example const run = await run({ cloud: createCloud(), choices: { user: 'bob' }, mistakes: [] });
 */
export const run: FlowRunFunction = async ({ cloud, choices, mistakes }) => {
	const known: readonly string[] = definition.mistakes.map((m) => m.id);
	const unknown = mistakes.find((m) => !known.includes(m));
	if (unknown !== undefined)
		throw new TypeError(`Flow user-pool-sign-in has no mistake "${unknown}"`);
	const input = signInInputFor(cloud, {
		...(choices.user !== undefined && { user: choices.user }),
		mistakes: mistakes as UserPoolSignInMistakeId[]
	});
	return runFlowMachine({
		cloud,
		definition,
		machine: userPoolSignInMachine,
		input,
		mistakes: input.mistakes,
		user: input.user.username,
		captionForStep: (facts) => captionForStep(facts as StepFacts),
		errorOf: ({ failure }) => (failure ? `${failure.__type}: ${failure.message}` : undefined)
	});
};
