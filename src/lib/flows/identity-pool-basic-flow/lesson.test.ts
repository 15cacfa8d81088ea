import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { loadFlowLesson, loadQuiz } from '$lib/content';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
import { definition } from './definition';
import { run } from './run';

const stepIds: string[] = definition.steps.map((s) => s.id);
const mistakeIds: string[] = definition.mistakes.map((m) => m.id);

/** A passage's build-time HTML as plain text. */
function text(html: string, { withCode = true } = {}): string {
	return (withCode ? html : html.replace(/<code>[\s\S]*?<\/code>/g, ' '))
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

const words = (s: string) => s.split(' ').filter(Boolean).length;

describe('the basic identity-pool flow lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);

	it('is available, with a reading time', async () => {
		const { listFlowLessons } = await import('$lib/content');
		const meta = listFlowLessons().find((l) => l.id === definition.id)!;
		expect(meta).toMatchObject({ flow: definition.id, status: 'available' });
		expect(meta.minutes).toBeGreaterThan(0);
	});

	it('has one passage per step of the flow, in the order the flow defines them', () => {
		expect(lesson.steps.map((s) => s.step)).toEqual(stepIds);
	});

	it('has one passage per "what if" mistake and none for a mistake the flow does not know', () => {
		expect(lesson.mistakes.map((m) => m.mistake).sort()).toEqual([...mistakeIds].sort());
	});

	it('renders every passage to text with no leftover Svelte or markdown syntax', () => {
		for (const [id, html] of [
			['index', lesson.intro],
			...lesson.steps.map((s) => [s.step, s.html]),
			...lesson.mistakes.map((m) => [m.mistake, m.html])
		] as const) {
			expect(text(html, { withCode: false }), id).not.toMatch(/undefined|\[object Object\]/);
			expect(text(html), id).not.toMatch(/\*\*|`/);
		}
	});

	it('keeps every step passage between 120 and 250 words', () => {
		for (const { step, html } of lesson.steps) {
			const count = words(text(html));
			expect(count, step).toBeGreaterThanOrEqual(120);
			expect(count, step).toBeLessThanOrEqual(250);
		}
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

	it('has at least eight questions', () => {
		expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
	});

	it('links every question to a step and to mistakes that exist in the flow', () => {
		for (const { id, link } of quiz.questions) {
			expect(stepIds, id).toContain(link.step);
			for (const mistake of link.mistakes) expect(mistakeIds, id).toContain(mistake);
		}
	});

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

	it('asks about every mistake at least once', () => {
		const asked = new Set(quiz.questions.flatMap((q) => q.link.mistakes));
		expect([...asked].sort()).toEqual([...mistakeIds].sort());
	});

	it('does not put the right answer under the same letter most of the time', () => {
		const counts = new Map<number, number>();
		for (const q of quiz.questions) {
			const position = q.choices.findIndex((c) => c.id === q.answer);
			counts.set(position, (counts.get(position) ?? 0) + 1);
		}
		expect(counts.size).toBeGreaterThanOrEqual(3);
		expect(Math.max(...counts.values())).toBeLessThanOrEqual(quiz.questions.length / 2);
	});
});
