// Every "what if" mistake of every flow, run for real: the page shows a mistake's passage at the
// step its definition names, as an error or as harm, so each run must reach that step and end it
// that way. The browser tests check how one mistake per flow looks; this checks all of them.
import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { identityPoolTestKeys } from '../../../tests/support/identity-pool-test-keys';
import { testKeys } from '../../../tests/support/test-keys';
import { flowCatalogue } from './index';

const cases = flowCatalogue.flatMap((flow) =>
	flow.mistakes.map((mistake) => [`${flow.id}: ${mistake.id}`, flow, mistake] as const)
);

describe('every mistake shows itself at its own step', () => {
	it.each(cases)('%s', async (_, flow, mistake) => {
		const cloud = createCloud(undefined, {
			userPoolKeys: testKeys,
			identityPoolKeys: identityPoolTestKeys
		});
		const { run } = await flow.load();
		const result = await run({ cloud, choices: {}, mistakes: [mistake.id] });
		const step = result.steps.find((s) => s.id === mistake.step);
		expect(step, `the run never reaches ${mistake.step}`).toBeDefined();
		expect(step!.outcome).toBe(mistake.outcome ?? 'error');
		expect(result.mistakes).toEqual([mistake.id]);
	});
});
