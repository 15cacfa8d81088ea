import type { FlowRunFunction } from '../types';
import { runFlowMachine } from '../run-machine';
import { basicFlowInputFor } from './basic-flow-input';
import { captionForStep } from './caption-for-step';
import { definition } from './definition';
import { basicFlowMachine } from './machine';

/**
 * Runs the basic flow once against a fresh `cloud` (the mistakes change its settings).
 *
 * @example const run = await run({ cloud: createCloud(), choices: {}, mistakes: [] });
 */
export const run: FlowRunFunction = async ({ cloud, choices, mistakes }) =>
	runFlowMachine({
		cloud,
		definition,
		machine: basicFlowMachine,
		input: basicFlowInputFor(cloud, choices, mistakes),
		mistakes,
		captionForStep,
		errorOf: ({ failure }) => (failure ? `${failure.code}: ${failure.message}` : undefined)
	});
