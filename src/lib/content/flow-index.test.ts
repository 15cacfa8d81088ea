import { describe, expect, it } from 'vitest';
import { parseFlowLessonMeta, parseFlowLessons } from './index';

const valid = {
	title: 'Sign in to a user pool',
	summary: 'One sentence.',
	flow: 'user-pool-sign-in',
	status: 'available',
	minutes: 25
};

describe('parseFlowLessonMeta', () => {
	it('takes id and order from the folder name and the rest from the frontmatter', () => {
		expect(parseFlowLessonMeta('/content/flows/01-user-pool-sign-in/index.md', valid)).toEqual({
			id: 'user-pool-sign-in',
			order: 1,
			title: 'Sign in to a user pool',
			summary: 'One sentence.',
			flow: 'user-pool-sign-in',
			status: 'available',
			minutes: 25
		});
	});

	it('leaves minutes out when the author gave none', () => {
		const { minutes: _, ...rest } = valid;
		expect(parseFlowLessonMeta('/content/flows/02-x/index.md', rest)).not.toHaveProperty('minutes');
	});

	it('rejects a missing summary, an unknown status and a folder without a number', () => {
		const { summary: _, ...noSummary } = valid;
		expect(() => parseFlowLessonMeta('/content/flows/01-a/index.md', noSummary)).toThrow(
			'content/flows/01-a/index.md: frontmatter field "summary" must be a non-empty string'
		);
		expect(() =>
			parseFlowLessonMeta('/content/flows/01-a/index.md', { ...valid, status: 'draft' })
		).toThrow(
			'content/flows/01-a/index.md: frontmatter field "status" must be one of "available", "coming", got "draft"'
		);
		expect(() => parseFlowLessonMeta('/content/flows/a/index.md', valid)).toThrow(
			'content/flows/a/index.md: name "a" must look like NN-kebab-id'
		);
	});
});

describe('parseFlowLessons', () => {
	it('orders lessons by folder number, not by the order the files were found', () => {
		const lessons = parseFlowLessons({
			'/content/flows/10-ten/index.md': valid,
			'/content/flows/02-two/index.md': valid,
			'/content/flows/01-one/index.md': valid
		});
		expect(lessons.map((l) => l.id)).toEqual(['one', 'two', 'ten']);
	});

	it('rejects two folders with the same number or the same id', () => {
		expect(() =>
			parseFlowLessons({
				'/content/flows/01-one/index.md': valid,
				'/content/flows/01-other/index.md': valid
			})
		).toThrow(
			'content/flows/01-other/index.md: folder "number" repeats the number of content/flows/01-one/index.md'
		);
		expect(() =>
			parseFlowLessons({
				'/content/flows/01-one/index.md': valid,
				'/content/flows/02-one/index.md': valid
			})
		).toThrow(
			'content/flows/02-one/index.md: folder "id" repeats the id of content/flows/01-one/index.md'
		);
	});
});
