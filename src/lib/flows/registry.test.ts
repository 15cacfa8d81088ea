import { describe, expect, it } from 'vitest';
import { defaultScenario } from '$lib/cloud';
import { demoUsers, findFlow, flowCatalogue, userPoolSignInSteps } from './index';

describe('flowCatalogue', () => {
	it('lists the sign-in flow with its actors, steps, mistakes and demo users', () => {
		const flow = findFlow('user-pool-sign-in')!;
		expect(flowCatalogue).toHaveLength(1);
		expect(flow.actors.map((a) => [a.id, a.optional ?? false])).toEqual([
			['app', false],
			['user-pool', false],
			['attacker', true]
		]);
		expect(flow.steps).toBe(userPoolSignInSteps);
		expect(flow.mistakes.map((m) => m.id)).toHaveLength(9);
		expect(flow.users).toEqual([
			{
				username: 'alice',
				description: 'Confirmed; password only; groups editors, readers.'
			},
			{
				username: 'bob',
				description: 'Confirmed; TOTP MFA with an authenticator app; groups readers.'
			},
			{
				username: 'carol',
				description:
					'Created by an administrator with a temporary password: must choose a new one; password only; no groups.'
			}
		]);
	});

	it('every mistake shows itself at a step of the flow', () => {
		for (const flow of flowCatalogue)
			for (const mistake of flow.mistakes)
				expect(flow.steps.map((s) => s.id)).toContain(mistake.step);
	});

	it('loads the runner only when asked', async () => {
		const module = await findFlow('user-pool-sign-in')!.load();
		expect(module.run).toBeTypeOf('function');
	});

	it('derives demo users from any scenario', () => {
		const scenario = structuredClone(defaultScenario);
		scenario.userPool.users = scenario.userPool.users.filter((u) => u.username !== 'alice');
		expect(demoUsers(scenario).map((u) => u.username)).toEqual(['bob', 'carol']);
	});
});
