import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { findFlow, type FlowRun } from '$lib/flows';
import { stepOutcomeText } from '$lib/player';
import { errorText } from './error-text';

// A real run with a real mistake: the words on screen are the service's, never the page's.
let failed: FlowRun;
let done: FlowRun;
beforeAll(async () => {
	const { run } = await findFlow('user-pool-sign-in')!.load();
	[failed, done] = await Promise.all([
		run({ cloud: createCloud(), choices: {}, mistakes: ['id-token-to-getuser'] }),
		run({ cloud: createCloud(), choices: {}, mistakes: [] })
	]);
}, 60_000);

describe('outcome texts', () => {
	it("names the failing step's error as the run reports it: __type and message", () => {
		const last = failed.steps.at(-1)!;
		expect(last.id).toBe('get-user');
		expect(errorText(failed, last)).toBe('NotAuthorizedException: Invalid Access Token');
		expect(errorText(failed, last)).toBe(failed.error);
	});

	it('says how every step ended in words, for the transcript and the announcement', () => {
		expect(stepOutcomeText(failed.steps.at(-1)!)).toBe(
			'Failed: 400 NotAuthorizedException: Invalid Access Token.'
		);
		expect(done.steps.map(stepOutcomeText)).toEqual(done.steps.map(() => 'Succeeded.'));
	});

	it('has no error text for a step that succeeded', () => {
		expect(errorText(done, done.steps[0]!)).toBeNull();
	});
});
