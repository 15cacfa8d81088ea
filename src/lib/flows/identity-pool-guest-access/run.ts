import type { Cloud } from '$lib/cloud';
import { runFlowMachine } from '../run-machine';
import type { FlowRunFunction } from '../types';
import { captionForStep } from './caption-for-step';
import { definition } from './definition';
import { guestAccessInputFor } from './guest-access-options';
import { guestAccessMachine } from './machine';

/**
 * Runs the guest-access flow once against a fresh `cloud`: one step per step state entered, with
 * its exchanges, outcome (the denied write is an `error` step in a run that goes on), time and
 * caption.
 *
 * @example const flowRun = await run({ cloud: createCloud(), choices: {}, mistakes: [] });
 */
export const run: FlowRunFunction = ({ cloud, mistakes }: { cloud: Cloud; mistakes: string[] }) => {
	const input = guestAccessInputFor(cloud, mistakes);
	return runFlowMachine({
		cloud,
		definition,
		machine: guestAccessMachine,
		input,
		mistakes: input.mistakes,
		captionForStep,
		errorOf: ({ failure }) => (failure ? `${failure.code}: ${failure.message}` : undefined)
	});
};
