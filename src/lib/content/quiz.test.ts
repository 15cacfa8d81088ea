import { describe, expect, it } from 'vitest';
import { ContentError, parseQuiz } from './index';

const file = 'content/flows/01-user-pool-sign-in/quiz.json';

function question(id: string) {
	return {
		id,
		prompt: 'Which token goes to GetUser?',
		choices: [
			{ id: 'a', text: 'The ID token' },
			{ id: 'b', text: 'The access token' },
			{ id: 'c', text: 'The refresh token' }
		],
		answer: 'b',
		explanation: 'GetUser needs the access token.',
		link: { step: 'get-user', mistakes: ['id-token-to-getuser'] }
	};
}

/** A valid quiz with one change made by `edit`, so each test breaks exactly one thing. */
function quizWith(edit: (q: Record<string, unknown>) => void): unknown {
	const q: Record<string, unknown> = question('which-token');
	edit(q);
	return { questions: [q] };
}

describe('parseQuiz', () => {
	it('returns a valid quiz unchanged', () => {
		const json = { questions: [question('one'), question('two')] };
		expect(parseQuiz(json, file)).toEqual(json);
	});

	it('rejects an answer that is not one of the choice ids', () => {
		expect(() =>
			parseQuiz(
				quizWith((q) => (q.answer = 'd')),
				file
			)
		).toThrow(
			`${file}: field "questions[0].answer" must be one of the choice ids (a, b, c), got "d"`
		);
	});

	it('rejects a missing prompt and an empty explanation', () => {
		expect(() =>
			parseQuiz(
				quizWith((q) => delete q.prompt),
				file
			)
		).toThrow(`${file}: field "questions[0].prompt" must be a non-empty string`);
		expect(() =>
			parseQuiz(
				quizWith((q) => (q.explanation = '')),
				file
			)
		).toThrow(`${file}: field "questions[0].explanation" must be a non-empty string`);
	});

	it('rejects two questions with the same id', () => {
		const json = { questions: [question('same'), question('other'), question('same')] };
		const error = (() => {
			try {
				parseQuiz(json, file);
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(ContentError);
		expect(error).toMatchObject({ file, field: 'questions[2].id' });
		expect((error as Error).message).toBe(`${file}: field "questions[2].id" repeats "same"`);
	});

	it('rejects two choices with the same id', () => {
		const json = quizWith((q) => {
			q.choices = [
				{ id: 'a', text: 'One' },
				{ id: 'b', text: 'Two' },
				{ id: 'a', text: 'Three' }
			];
		});
		expect(() => parseQuiz(json, file)).toThrow(
			`${file}: field "questions[0].choices[2].id" repeats "a"`
		);
	});

	it('rejects fewer than three or more than four choices', () => {
		expect(() =>
			parseQuiz(
				quizWith(
					(q) =>
						(q.choices = [
							{ id: 'a', text: 'A' },
							{ id: 'b', text: 'B' }
						])
				),
				file
			)
		).toThrow(`${file}: field "questions[0].choices" must have 3 to 4 entries, got 2`);
		const five = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: id }));
		expect(() =>
			parseQuiz(
				quizWith((q) => (q.choices = five)),
				file
			)
		).toThrow(`${file}: field "questions[0].choices" must have 3 to 4 entries, got 5`);
	});

	it('rejects a choice without text', () => {
		const json = quizWith((q) => {
			q.choices = [{ id: 'a', text: 'One' }, { id: 'b' }, { id: 'c', text: 'Three' }];
		});
		expect(() => parseQuiz(json, file)).toThrow(
			`${file}: field "questions[0].choices[1].text" must be a non-empty string`
		);
	});

	it('rejects a misspelt field instead of silently ignoring it', () => {
		const json = quizWith((q) => {
			q.answr = q.answer;
			delete q.answer;
		});
		expect(() => parseQuiz(json, file)).toThrow(
			`${file}: field "questions[0].answr" is not a known field`
		);
	});

	it('rejects a missing link, a link without a step and mistakes that are not a list', () => {
		expect(() =>
			parseQuiz(
				quizWith((q) => delete q.link),
				file
			)
		).toThrow(`${file}: field "questions[0].link" must be an object`);
		expect(() =>
			parseQuiz(
				quizWith((q) => (q.link = { mistakes: [] })),
				file
			)
		).toThrow(`${file}: field "questions[0].link.step" must be a non-empty string`);
		expect(() =>
			parseQuiz(
				quizWith((q) => (q.link = { step: 'get-user', mistakes: 'wrong-password' })),
				file
			)
		).toThrow(`${file}: field "questions[0].link.mistakes" must be an array`);
	});

	it('rejects ids that are not kebab-case', () => {
		expect(() => parseQuiz({ questions: [question('Which Token')] }, file)).toThrow(
			`${file}: field "questions[0].id" must be a kebab-case id, got "Which Token"`
		);
	});

	it('rejects a quiz that is not an object or has no questions', () => {
		expect(() => parseQuiz([], file)).toThrow(`${file}: field "(root)" must be an object`);
		expect(() => parseQuiz({ questions: [] }, file)).toThrow(
			`${file}: field "questions" must not be empty`
		);
		expect(() => parseQuiz({ questions: [], title: 'x' }, file)).toThrow(
			`${file}: field "title" is not a known field`
		);
	});
});
