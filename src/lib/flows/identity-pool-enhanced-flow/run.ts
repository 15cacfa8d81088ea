import { runFlowMachine } from '../run-machine';
import type { FlowRunFunction } from '../types';
import { captionForStep, type StepFacts } from './caption-for-step';
import { configureForMistakes } from './configure-for-mistakes';
import { definition } from './definition';
import { inputFor } from './flow-input';
import { enhancedFlowMachine } from './machine';

/**
 * Runs the enhanced identity-pool flow once as the chosen demo user (`choices.user`). Mistakes
 * about the account's configuration are applied to the cloud's own scenario first, before any
 * request, as an administrator would have set it up. Throws a `TypeError` for a user who cannot
 * sign in here or a mistake this flow does not know. Runs change the cloud: use a fresh one.
 *
 * @example const flowRun = await run({ cloud: createCloud(), choices: { user: 'bob' }, mistakes: [] });
 */
export const run: FlowRunFunction = async ({ cloud, choices, mistakes }) => {
	const input = inputFor(cloud, choices, mistakes);
	configureForMistakes(cloud.scenario, input.mistakes);
	return runFlowMachine({
		cloud,
		definition,
		machine: enhancedFlowMachine,
		input,
		mistakes: input.mistakes,
		user: input.user.username,
		captionForStep: (facts) => captionForStep(facts as StepFacts),
		errorOf: ({ failure }) => (failure ? `${failure.code}: ${failure.message}` : undefined)
	});
};
