import type { Cloud } from '$lib/cloud';
import { runFlowMachine } from '../run-machine';
import type { FlowRunFunction } from '../types';
import { captionForStep } from './caption-for-step';
import { definition } from './definition';
import { socialSignInMachine } from './machine';
import { socialSignInInputFor } from './social-sign-in-options';

/**
 * Runs the social sign-in flow once against a fresh `cloud`: one step per step state entered, with
 * its exchanges (every redirect the browser follows is one), outcome, time and caption.
 *
 * @example const flowRun = await run({ cloud: createCloud(), choices: { account: 'dana' }, mistakes: [] });
 */
export const run: FlowRunFunction = ({
	cloud,
	choices,
	mistakes
}: {
	cloud: Cloud;
	choices: Record<string, string>;
	mistakes: string[];
}) => {
	const input = socialSignInInputFor(cloud, choices, mistakes);
	return runFlowMachine({
		cloud,
		definition,
		machine: socialSignInMachine,
		input,
		mistakes: input.mistakes,
		captionForStep,
		errorOf: ({ failure }) =>
			failure ? (failure.message ? `${failure.code}: ${failure.message}` : failure.code) : undefined
	});
};
