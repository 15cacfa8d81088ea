import { runFlowMachine } from '../run-machine';
import type { FlowRunFunction } from '../types';
import { captionForStep } from './caption-for-step';
import { definition } from './definition';
import { googleFlowInputFor } from './google-flow-options';
import { googleFlowMachine } from './machine';

/**
 * Runs the Google-to-identity-pool flow once with the chosen Google account (`choices.account`).
 * Throws a `TypeError` for an account or a mistake this flow does not know. Runs change the
 * cloud: use a fresh one.
 *
 * @example const flowRun = await run({ cloud: createCloud(), choices: { account: 'dana' }, mistakes: [] });
 */
export const run: FlowRunFunction = ({ cloud, choices, mistakes }) => {
	const input = googleFlowInputFor(cloud, choices, mistakes);
	return runFlowMachine({
		cloud,
		definition,
		machine: googleFlowMachine,
		input,
		mistakes: input.mistakes,
		captionForStep,
		errorOf: ({ failure }) => (failure ? `${failure.code}: ${failure.message}` : undefined)
	});
};
