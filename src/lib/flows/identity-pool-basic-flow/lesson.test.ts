import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { loadFlowLesson, loadQuiz } from '$lib/content';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
import { definition } from './definition';
import { run } from './run';

const mistakeIds: string[] = definition.mistakes.map((m) => m.id);

/** A passage's build-time HTML as plain text. */
function text(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

describe('the basic identity-pool flow lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);

	it('is available, with a reading time', async () => {
		const { listFlowLessons } = await import('$lib/content');
		const meta = listFlowLessons().find((l) => l.id === definition.id)!;
		expect(meta).toMatchObject({ flow: definition.id, status: 'available' });
		expect(meta.minutes).toBeGreaterThan(0);
	});

	it('quotes in each mistake passage the error the service answers with (or, after the fix, would)', () => {
		const errorOf: Record<string, string> = {
			'classic-flow-off':
				'InvalidParameterException: Basic (classic) flow is not enabled, please use enhanced flow.',
			'classic-flow-with-role-mappings':
				'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
			'trust-policy-without-amr':
				'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
			'open-id-token-expired': 'ExpiredTokenException: Token expired: current date/time'
		};
		expect(Object.keys(errorOf).sort()).toEqual([...mistakeIds].sort());
		for (const { mistake, html } of lesson.mistakes)
			expect(text(html), mistake).toContain(errorOf[mistake]);
	});

	it('says in the introduction why AWS recommends the enhanced flow, guest scope-down included', () => {
		const intro = text(lesson.intro);
		expect(intro).toContain('Why AWS recommends the enhanced flow');
		expect(intro).toContain('Guests are scoped down.');
	});
});

describe('the basic identity-pool flow quiz', async () => {
	const quiz = await loadQuiz(definition.id);

	it("links every question to a step that a run with the question's mistakes really shows", async () => {
		const runs = new Map<string, string[]>();
		for (const { id, link } of quiz.questions) {
			const key = [...link.mistakes].sort().join(',');
			if (!runs.has(key)) {
				const cloud = createCloud(undefined, { identityPoolKeys: identityPoolTestKeys });
				const r = await run({ cloud, choices: {}, mistakes: [...link.mistakes] });
				runs.set(
					key,
					r.steps.map((s) => s.id)
				);
			}
			expect(runs.get(key), id).toContain(link.step);
		}
	});
});
