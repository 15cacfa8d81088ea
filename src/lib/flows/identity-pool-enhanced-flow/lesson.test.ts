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
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

const words = (s: string) => s.split(' ').filter(Boolean).length;

describe('the enhanced identity-pool flow lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);

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

	it('writes the policy variable literally, braces and all', () => {
		const putObject = lesson.steps.find((s) => s.step === 'put-object')!;
		expect(text(putObject.html)).toContain('${cognito-identity.amazonaws.com:sub}');
	});

	it('keeps every step passage between 120 and 250 words', () => {
		for (const { step, html } of lesson.steps) {
			const count = words(text(html));
			expect(count, step).toBeGreaterThanOrEqual(120);
			expect(count, step).toBeLessThanOrEqual(250);
		}
	});

	it('quotes in each refused mistake passage the error the service answers with', () => {
		const errorOf: Record<string, string> = {
			'access-token-in-logins': 'Invalid login token. Missing a required claim: aud',
			'wrong-logins-key': "Invalid login token. Issuer doesn't match providerName",
			'client-not-configured': 'Token is not from a supported provider of this identity pool.',
			'trust-policy-assume-role':
				'InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool.',
			'rules-match-nothing': 'denied this request.',
			'jwt-straight-to-s3': 'InvalidArgument',
			'user-pool-sub-in-policy': 'AccessDenied',
			'read-another-identity': 'AccessDenied',
			'expired-credentials': 'ExpiredToken: The provided token has expired.'
		};
		const refused = definition.mistakes.filter((m) => !('outcome' in m) || m.outcome !== 'ok');
		expect(Object.keys(errorOf).sort()).toEqual(refused.map((m) => m.id).sort());
		for (const { mistake, html } of lesson.mistakes) {
			if (errorOf[mistake]) expect(text(html), mistake).toContain(errorOf[mistake]);
		}
	});
});

describe('the enhanced identity-pool flow quiz', async () => {
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

	it('links a question about a mistake to the step where that mistake shows', () => {
		for (const { id, link } of quiz.questions) {
			for (const mistake of link.mistakes)
				expect(definition.mistakes.find((m) => m.id === mistake)!.step, id).toBe(link.step);
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
