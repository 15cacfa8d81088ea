import { describe, expect, it } from 'vitest';
import { loadFlowLesson, loadQuiz } from '$lib/content';
import { definition } from './definition';

const stepIds: string[] = definition.steps.map((s) => s.id);
const mistakeIds: string[] = definition.mistakes.map((m) => m.id);

/** A passage's build-time HTML as plain text. */
function text(html: string, { withCode = true } = {}): string {
	return (withCode ? html : html.replace(/<code>[\s\S]*?<\/code>/g, ' '))
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

const words = (s: string) => s.split(' ').filter(Boolean).length;

describe('the developer-authenticated lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);

	it('names the flow defined in code', () => {
		expect(lesson.meta.flow).toBe(definition.id);
		expect(lesson.meta.minutes).toBeGreaterThan(0);
	});

	it('has one passage per step, in the order the flow defines them', () => {
		expect(lesson.steps.map((s) => s.step)).toEqual(stepIds);
	});

	it('has one passage per mistake and none for a mistake the flow does not know', () => {
		expect(lesson.mistakes.map((m) => m.mistake).sort()).toEqual([...mistakeIds].sort());
	});

	it('renders every passage with no leftover markdown and keeps steps between 120 and 250 words', () => {
		for (const { step, html } of lesson.steps) {
			expect(text(html), step).not.toMatch(/\*\*|`/);
			expect(text(html, { withCode: false }), step).not.toMatch(/undefined|\[object Object\]/);
			const count = words(text(html));
			expect(count, step).toBeGreaterThanOrEqual(120);
			expect(count, step).toBeLessThanOrEqual(250);
		}
		for (const { mistake, html } of lesson.mistakes)
			expect(text(html), mistake).not.toMatch(/\*\*|`/);
	});

	it('quotes in each refused mistake the error the identity pool answers with', () => {
		const errorOf: Record<string, string> = {
			'get-id-with-developer-token':
				"NotAuthorizedException: Invalid login token. Can't pass in a Cognito token.",
			'identity-id-without-token':
				"NotAuthorizedException: Logins don't match. Please include at least one valid login for this identity or identity pool."
		};
		const refused = definition.mistakes.filter((m) => !('outcome' in m) || m.outcome !== 'ok');
		expect(Object.keys(errorOf).sort()).toEqual(refused.map((m) => m.id).sort());
		for (const { mistake, html } of lesson.mistakes)
			if (errorOf[mistake]) expect(text(html), mistake).toContain(errorOf[mistake]);
	});
});

describe('the developer-authenticated quiz', async () => {
	const quiz = await loadQuiz(definition.id);

	it('has at least eight questions, each linked to a step and to mistakes of the flow', () => {
		expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
		for (const { id, link } of quiz.questions) {
			expect(stepIds, id).toContain(link.step);
			for (const mistake of link.mistakes) expect(mistakeIds, id).toContain(mistake);
		}
	});

	it('asks about every mistake at least once', () => {
		const asked = new Set(quiz.questions.flatMap((q) => q.link.mistakes));
		expect([...asked].sort()).toEqual([...mistakeIds].sort());
	});

	it('spreads the right answers over the letters', () => {
		const counts = new Map<number, number>();
		for (const q of quiz.questions) {
			const position = q.choices.findIndex((c) => c.id === q.answer);
			counts.set(position, (counts.get(position) ?? 0) + 1);
		}
		expect(counts.size).toBeGreaterThanOrEqual(3);
		expect(Math.max(...counts.values())).toBeLessThanOrEqual(quiz.questions.length / 2);
	});
});
