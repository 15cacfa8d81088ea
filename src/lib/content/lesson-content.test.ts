import { describe, expect, it } from 'vitest';
import { findFlow } from '$lib/flows';
import {
	ContentNotFoundError,
	listFlowLessons,
	listHomeSections,
	loadFlowLesson,
	loadHomeSection,
	loadQuiz
} from './index';

/** Every published lesson, with the flow it teaches (each flow's own test quotes its errors). */
const available = listFlowLessons()
	.filter((l) => l.status === 'available')
	.map((meta) => ({ meta, flow: findFlow(meta.flow) }));

/** A passage's build-time HTML as plain text (a stray `{name}` in prose throws while rendering). */
function text(html: string, { withCode = true } = {}): string {
	return (withCode ? html : html.replace(/<code>[\s\S]*?<\/code>/g, ' '))
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function words(s: string): number {
	return s.split(' ').filter(Boolean).length;
}

describe('the learning path', () => {
	it('lists the nine planned flows in folder order, with ids stripped of their numbers', () => {
		const lessons = listFlowLessons();
		expect(lessons.map((l) => [l.order, l.id])).toEqual([
			[1, 'user-pool-sign-in'],
			[2, 'federation-social-oidc'],
			[3, 'federation-enterprise-saml'],
			[4, 'identity-pool-guest-access'],
			[5, 'identity-pool-basic-flow'],
			[6, 'identity-pool-enhanced-flow'],
			[7, 'identity-pool-developer-authenticated'],
			[8, 'identity-pool-google-sign-in'],
			[9, 'api-gateway-authorizers']
		]);
	});

	it('has at least one available lesson, and each names a flow defined in code', () => {
		expect(available.length).toBeGreaterThan(0);
		for (const { meta, flow } of available) {
			expect(flow?.id, meta.id).toBe(meta.flow);
			expect(meta.minutes, meta.id).toBeGreaterThan(0);
		}
	});

	it('gives every lesson a title and a summary of one or two sentences', () => {
		for (const lesson of listFlowLessons()) {
			const sentences = lesson.summary.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '');
			expect(sentences.length, lesson.id).toBeGreaterThanOrEqual(1);
			expect(sentences.length, lesson.id).toBeLessThanOrEqual(2);
			expect(lesson.title.length, lesson.id).toBeLessThanOrEqual(60);
		}
	});

	// A coming lesson may already hold passages while its flow is being built; each flow's own
	// lesson test checks them against its definition.
	it('gives coming lessons an introduction that renders', async () => {
		for (const meta of listFlowLessons().filter((l) => l.status === 'coming')) {
			const lesson = await loadFlowLesson(meta.id);
			expect(text(lesson.intro), meta.id).not.toBe('');
		}
	});
});

for (const { meta, flow } of available) {
	if (!flow) continue;
	const stepIds = flow.steps.map((s) => s.id);
	const mistakeIds = flow.mistakes.map((m) => m.id);

	describe(`the ${meta.flow} lesson`, async () => {
		const lesson = await loadFlowLesson(meta.flow);

		it('has one passage per step of the flow, in the order the flow defines them', () => {
			expect(lesson.steps.map((s) => s.step)).toEqual(stepIds);
		});

		it('has one passage per "what if" mistake and none for a mistake the flow does not know', () => {
			expect(lesson.mistakes.map((m) => m.mistake).sort()).toEqual([...mistakeIds].sort());
		});

		it('renders every passage to text with no leftover Svelte or markdown syntax', () => {
			const passages = [
				['index', lesson.intro],
				...lesson.steps.map((s) => [s.step, s.html] as const),
				...lesson.mistakes.map((m) => [m.mistake, m.html] as const)
			] as const;
			for (const [id, html] of passages) {
				// Code spans may say `undefined` on purpose; prose that says it was rendered from a slip.
				expect(text(html, { withCode: false }), id).not.toMatch(/undefined|\[object Object\]/);
				const rendered = text(html);
				// A `**` or a backtick left in the output means markdown the author did not close.
				expect(rendered, id).not.toMatch(/\*\*|`/);
			}
		});

		it('keeps every step passage between 120 and 250 words', () => {
			for (const { step, html } of lesson.steps) {
				const count = words(text(html));
				expect(count, step).toBeGreaterThanOrEqual(120);
				expect(count, step).toBeLessThanOrEqual(250);
			}
		});
	});

	describe(`the ${meta.flow} quiz`, async () => {
		const quiz = await loadQuiz(meta.flow);

		it('has at least ten questions', () => {
			expect(quiz.questions.length).toBeGreaterThanOrEqual(10);
		});

		it('links every question to a step and to mistakes that exist in the flow', () => {
			for (const { id, link } of quiz.questions) {
				expect(stepIds, id).toContain(link.step);
				for (const mistake of link.mistakes) expect(mistakeIds, id).toContain(mistake);
			}
		});

		it('asks about every mistake at least once', () => {
			const asked = new Set(quiz.questions.flatMap((q) => q.link.mistakes));
			expect([...asked].sort()).toEqual([...mistakeIds].sort());
		});

		it('does not put the right answer under the same letter most of the time', () => {
			const counts = new Map<string, number>();
			for (const q of quiz.questions) {
				const position = q.choices.findIndex((c) => c.id === q.answer);
				counts.set(String(position), (counts.get(String(position)) ?? 0) + 1);
			}
			expect(counts.size).toBeGreaterThanOrEqual(3);
			expect(Math.max(...counts.values())).toBeLessThanOrEqual(quiz.questions.length / 2);
		});
	});
}

describe('home sections', () => {
	it('renders the user pools vs identity pools section with its title and comparison table', async () => {
		expect(listHomeSections()).toContain('user-pools-vs-identity-pools');
		const section = await loadHomeSection('user-pools-vs-identity-pools');
		expect(section.title).toBe('User pools and identity pools');
		expect(section.html).toContain('<table>');
		// Svelte's hydration comments are stripped: the HTML is static.
		expect(section.html).not.toContain('<!--');
		expect(text(section.html, { withCode: false })).not.toMatch(/undefined|\*\*|`/);
	});
});

describe('looking up content that does not exist', () => {
	it('rejects an unknown flow lesson, quiz or home section with ContentNotFoundError', async () => {
		await expect(loadFlowLesson('no-such-flow')).rejects.toThrow(
			new ContentNotFoundError('content/flows', 'flow', 'no-such-flow')
		);
		await expect(loadFlowLesson('no-such-flow')).rejects.toThrow(
			'content/flows: lookup "flow" names "no-such-flow", which has no content file'
		);
		await expect(loadQuiz('api-gateway-authorizers')).rejects.toThrow(
			'content/flows: lookup "quiz" names "api-gateway-authorizers", which has no content file'
		);
		await expect(loadHomeSection('nope')).rejects.toThrow(
			'content/home: lookup "section" names "nope", which has no content file'
		);
	});
});
