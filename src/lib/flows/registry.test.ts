import { describe, expect, it } from 'vitest';
import { defaultScenario } from '$lib/cloud';
import { actorCatalogue, demoUsers, findFlow, flowCatalogue } from './index';

describe('flowCatalogue', () => {
	it('finds every flow folder, each under its own id', () => {
		expect(flowCatalogue.length).toBeGreaterThan(0);
		for (const flow of flowCatalogue) expect(findFlow(flow.id)).toBe(flow);
		expect(findFlow('no-such-flow')).toBeUndefined();
		expect(new Set(flowCatalogue.map((f) => f.id)).size).toBe(flowCatalogue.length);
	});

	it.each(flowCatalogue.map((f) => [f.id, f] as const))(
		'%s: steps, mistakes, actors and choices hang together',
		(_id, flow) => {
			const steps = flow.steps.map((s) => s.id);
			expect(new Set(steps).size).toBe(steps.length);
			for (const mistake of flow.mistakes) expect(steps).toContain(mistake.step);
			const mistakes = flow.mistakes.map((m) => m.id);
			expect(new Set(mistakes).size).toBe(mistakes.length);
			const actors = flow.actors.map((a) => a.id);
			for (const actor of flow.actors) expect(actorCatalogue).toHaveProperty(actor.id);
			for (const step of flow.steps) if (step.actor) expect(actors).toContain(step.actor);
			for (const choice of flow.choices) {
				// A choice's id is its URL parameter: it must not shadow the page's own.
				expect(['step', 'mistake', 'clock']).not.toContain(choice.id);
				expect(choice.options.map((o) => o.value)).toContain(choice.default);
			}
			expect(flow.trusts.length).toBeGreaterThan(0);
		}
	);

	it.each(flowCatalogue.map((f) => [f.id, f] as const))(
		'%s: loads its runner only when asked',
		async (_id, flow) => {
			const module = await flow.load();
			expect(module.run).toBeTypeOf('function');
		}
	);

	it('derives demo users from any scenario', () => {
		const scenario = structuredClone(defaultScenario);
		scenario.userPool.users = scenario.userPool.users.filter((u) => u.username !== 'alice');
		expect(demoUsers(scenario)).toEqual([
			{
				username: 'bob',
				description: 'Confirmed; TOTP MFA with an authenticator app; groups readers.',
				tag: 'MFA'
			},
			{
				username: 'carol',
				description:
					'Created by an administrator with a temporary password: must choose a new one; password only; no groups.',
				tag: 'new password'
			}
		]);
	});
});
