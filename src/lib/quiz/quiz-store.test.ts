import { describe, expect, it } from 'vitest';
import {
	clearQuizAnswers,
	loadQuizAnswers,
	quizStorageKey,
	saveQuizAnswers,
	type QuizStorage
} from './quiz-store';

/** An in-memory Storage, optionally one that refuses every call as a locked-down browser does. */
function memoryStorage(refuse = false): QuizStorage & { items: Map<string, string> } {
	const items = new Map<string, string>();
	const guard = () => {
		if (refuse) throw new DOMException('The operation is insecure.', 'SecurityError');
	};
	return {
		items,
		getItem: (key) => (guard(), items.get(key) ?? null),
		setItem: (key, value) => (guard(), void items.set(key, String(value))),
		removeItem: (key) => (guard(), void items.delete(key))
	};
}

const quiz = {
	questions: [
		{ id: 'which-token', choices: [{ id: 'id' }, { id: 'access' }, { id: 'refresh' }] },
		{ id: 'srp', choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }
	]
};

describe('quiz store', () => {
	it('keeps answers under flow-lab.quiz.<flowId> and reads them back', () => {
		const storage = memoryStorage();
		const answers = {
			'which-token': { choice: 'access', checked: true },
			srp: { choice: 'b', checked: false }
		};
		expect(saveQuizAnswers(storage, 'user-pool-sign-in', answers)).toBe(true);
		expect([...storage.items.keys()]).toEqual(['flow-lab.quiz.user-pool-sign-in']);
		expect(loadQuizAnswers(storage, 'user-pool-sign-in', quiz)).toEqual(answers);
		expect(loadQuizAnswers(storage, 'another-flow', quiz)).toEqual({});
	});

	it('ignores answers to removed questions and removed choices', () => {
		const storage = memoryStorage();
		storage.items.set(
			quizStorageKey('f'),
			JSON.stringify({
				version: 1,
				answers: {
					gone: { choice: 'a', checked: true },
					srp: { choice: 'z', checked: true },
					'which-token': { choice: 'id', checked: 'yes' }
				}
			})
		);
		expect(loadQuizAnswers(storage, 'f', quiz)).toEqual({
			'which-token': { choice: 'id', checked: false }
		});
	});

	it.each([
		['bad JSON', '{"version":1,'],
		['a JSON string', '"hello"'],
		['another version', '{"version":2,"answers":{"srp":{"choice":"a","checked":true}}}'],
		['answers as an array', '{"version":1,"answers":[1,2]}'],
		['an answer that is null', '{"version":1,"answers":{"srp":null}}'],
		['a prototype key', '{"version":1,"answers":{"__proto__":{"choice":"a","checked":true}}}']
	])('treats %s as no answers', (_, raw) => {
		const storage = memoryStorage();
		storage.items.set(quizStorageKey('f'), raw);
		expect(loadQuizAnswers(storage, 'f', quiz)).toEqual({});
	});

	it('never throws when storage is missing or refuses access', () => {
		for (const storage of [null, undefined, memoryStorage(true)]) {
			expect(loadQuizAnswers(storage, 'f', quiz)).toEqual({});
			expect(saveQuizAnswers(storage, 'f', {})).toBe(false);
			expect(clearQuizAnswers(storage, 'f')).toBe(false);
		}
	});

	it('clears only its own flow', () => {
		const storage = memoryStorage();
		saveQuizAnswers(storage, 'a', { srp: { choice: 'a', checked: true } });
		saveQuizAnswers(storage, 'b', { srp: { choice: 'b', checked: true } });
		expect(clearQuizAnswers(storage, 'a')).toBe(true);
		expect([...storage.items.keys()]).toEqual(['flow-lab.quiz.b']);
	});
});
