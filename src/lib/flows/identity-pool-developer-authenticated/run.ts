import { runFlowMachine } from '../run-machine';
import type { FlowRunFunction } from '../types';
import { captionForStep } from './caption-for-step';
import { definition } from './definition';
import { developerInputFor } from './developer-input';
import { developerFlowMachine } from './machine';

/**
 * Runs the developer-authenticated flow once as the chosen back-end user, enhanced or basic.
 *
 * @example const flowRun = await run({ cloud: createCloud(), choices: { user: 'bob' }, mistakes: [] });
 */
export const run: FlowRunFunction = async ({ cloud, choices, mistakes }) => {
	const input = developerInputFor(cloud, choices, mistakes);
	return runFlowMachine({
		cloud,
		definition,
		machine: developerFlowMachine,
		input,
		mistakes: input.mistakes,
		user: input.user.username,
		captionForStep,
		errorOf: ({ failure }) => (failure ? `${failure.__type}: ${failure.message}` : undefined)
	});
};
