import { ContentError, ContentNotFoundError, displayPath } from './content-error';
import type { Quiz, QuizChoice, QuizLink, QuizQuestion } from './types';

const quizFiles = import.meta.glob<unknown>('/content/flows/*/quiz.json', { import: 'default' });

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** How errors name the top-level value of the file. */
const root = '(root)';

function join(field: string, key: string): string {
	return field === root ? key : `${field}.${key}`;
}

/** Fails with the file and the JSON path of the field, e.g. `questions[2].answer`. */
class QuizReader {
	constructor(readonly file: string) {}

	fail(field: string, problem: string): never {
		throw new ContentError(this.file, field, problem, 'field');
	}

	object(value: unknown, field: string, keys: readonly string[]): Record<string, unknown> {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			this.fail(field, 'must be an object');
		}
		// An unknown key is almost always a typo ("answr") that would otherwise vanish silently.
		for (const key of Object.keys(value)) {
			if (!keys.includes(key)) this.fail(join(field, key), 'is not a known field');
		}
		return value as Record<string, unknown>;
	}

	string(value: unknown, field: string): string {
		if (typeof value !== 'string' || value.trim() === '') {
			this.fail(field, 'must be a non-empty string');
		}
		return value;
	}

	id(value: unknown, field: string): string {
		const id = this.string(value, field);
		if (!kebab.test(id)) this.fail(field, `must be a kebab-case id, got "${id}"`);
		return id;
	}

	array(value: unknown, field: string, min: number, max = Infinity): unknown[] {
		if (!Array.isArray(value)) this.fail(field, 'must be an array');
		if (value.length < min || value.length > max) {
			if (min === 1 && max === Infinity) this.fail(field, 'must not be empty');
			this.fail(field, `must have ${min} to ${max} entries, got ${value.length}`);
		}
		return value;
	}

	unique(ids: string[], field: (index: number) => string): void {
		ids.forEach((id, i) => {
			if (ids.indexOf(id) !== i) this.fail(field(i), `repeats "${id}"`);
		});
	}
}

function parseChoice(r: QuizReader, value: unknown, at: string): QuizChoice {
	const choice = r.object(value, at, ['id', 'text']);
	return { id: r.id(choice.id, `${at}.id`), text: r.string(choice.text, `${at}.text`) };
}

function parseLink(r: QuizReader, value: unknown, at: string): QuizLink {
	const link = r.object(value, at, ['step', 'mistakes']);
	const mistakes = r.array(link.mistakes, `${at}.mistakes`, 0);
	return {
		step: r.id(link.step, `${at}.step`),
		mistakes: mistakes.map((m, i) => r.id(m, `${at}.mistakes[${i}]`))
	};
}

function parseQuestion(r: QuizReader, value: unknown, at: string): QuizQuestion {
	const q = r.object(value, at, ['id', 'prompt', 'choices', 'answer', 'explanation', 'link']);
	const id = r.id(q.id, `${at}.id`);
	const prompt = r.string(q.prompt, `${at}.prompt`);
	const choices = r
		.array(q.choices, `${at}.choices`, 3, 4)
		.map((c, i) => parseChoice(r, c, `${at}.choices[${i}]`));
	const choiceIds = choices.map((c) => c.id);
	r.unique(choiceIds, (i) => `${at}.choices[${i}].id`);
	const answer = r.string(q.answer, `${at}.answer`);
	if (!choiceIds.includes(answer)) {
		const ids = choiceIds.join(', ');
		r.fail(`${at}.answer`, `must be one of the choice ids (${ids}), got "${answer}"`);
	}
	const explanation = r.string(q.explanation, `${at}.explanation`);
	return { id, prompt, choices, answer, explanation, link: parseLink(r, q.link, `${at}.link`) };
}

/**
 * Checks a parsed `quiz.json` field by field. `file` is used only in error messages.
 *
 * @example
 * parseQuiz({ questions: [] }, 'content/flows/01-x/quiz.json');
 * // ContentError: content/flows/01-x/quiz.json: field "questions" must not be empty
 */
export function parseQuiz(json: unknown, file: string): Quiz {
	const r = new QuizReader(file);
	const top = r.object(json, root, ['questions']);
	const questions = r
		.array(top.questions, 'questions', 1)
		.map((q, i) => parseQuestion(r, q, `questions[${i}]`));
	r.unique(
		questions.map((q) => q.id),
		(i) => `questions[${i}].id`
	);
	return { questions };
}

/**
 * The validated quiz of a flow lesson, from `content/flows/NN-<flowId>/quiz.json`.
 *
 * @example (await loadQuiz('user-pool-sign-in')).questions.length // -> 12
 */
export async function loadQuiz(flowId: string): Promise<Quiz> {
	const entry = Object.entries(quizFiles).find(
		([key]) => /^\/content\/flows\/\d+-([^/]+)\//.exec(key)?.[1] === flowId
	);
	if (!entry) throw new ContentNotFoundError('content/flows', 'quiz', flowId);
	const [key, load] = entry;
	return parseQuiz(await load(), displayPath(key));
}
