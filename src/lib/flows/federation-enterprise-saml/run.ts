import type { Cloud } from '$lib/cloud';
import { runFlowMachine } from '../run-machine';
import type { FlowRunFunction } from '../types';
import { captionForStep } from './caption-for-step';
import { definition } from './definition';
import { samlSignInMachine } from './machine';
import { samlSignInInputFor } from './saml-sign-in-options';

/**
 * Runs the SAML sign-in flow once against a fresh `cloud`: one step per step state entered, with
 * its exchanges (every redirect and form post the browser makes is one), outcome, time and caption.
 *
 * @example const flowRun = await run({ cloud: createCloud(), choices: { user: 'rroe' }, mistakes: [] });
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
	const input = samlSignInInputFor(cloud, choices, mistakes);
	return runFlowMachine({
		cloud,
		definition,
		machine: samlSignInMachine,
		input,
		mistakes: input.mistakes,
		captionForStep,
		errorOf: ({ failure }) =>
			failure ? (failure.message ? `${failure.code}: ${failure.message}` : failure.code) : undefined
	});
};
