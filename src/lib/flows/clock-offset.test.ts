// Every flow runs as well an hour and five minutes later (the clock control's "+1 hour", "+5 min"):
// the same steps, ending the same way, every step timed on the moved clock. A flow whose client
// checks times on its own clock (oauth4webapi, the SRP timestamp, aws-jwt-verify) would break here
// first. The clock control itself is tested once in the browser (flow-every-page.spec.ts).
import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { identityPoolTestKeys } from '../../../tests/support/identity-pool-test-keys';
import { testKeys } from '../../../tests/support/test-keys';
import { flowCatalogue } from './index';

const offset = 65 * 60_000;
const keys = { userPoolKeys: testKeys, identityPoolKeys: identityPoolTestKeys };

describe('every flow with the clock moved ahead', () => {
	it.each(flowCatalogue.map((flow) => [flow.id, flow] as const))('%s', async (_, flow) => {
		const { run } = await flow.load();
		const now = createCloud(undefined, keys);
		const later = createCloud(undefined, { ...keys, clock: { offset } });
		const [today, ahead] = await Promise.all([
			run({ cloud: now, choices: {}, mistakes: [] }),
			run({ cloud: later, choices: {}, mistakes: [] })
		]);
		const shape = (r: typeof today) => [r.status, r.steps.map((s) => [s.id, s.outcome])];
		expect(shape(ahead)).toEqual(shape(today));
		expect(ahead.steps[0]!.at - today.steps[0]!.at).toBeGreaterThan(offset - 60_000);
	});
});
