import { describe, expect, it } from 'vitest';
import { describeScore, scoreQuiz } from './score-quiz';

const quiz = {
	questions: [
		{ id: 'q1', answer: 'a' },
		{ id: 'q2', answer: 'b' },
		{ id: 'q3', answer: 'c' }
	]
};

describe('scoreQuiz', () => {
	it('counts only checked answers, and the right ones among them', () => {
		const score = scoreQuiz(quiz, {
			q1: { choice: 'a', checked: true },
			q2: { choice: 'a', checked: true },
			q3: { choice: 'c', checked: false }
		});
		expect(score).toEqual({ total: 3, checked: 2, correct: 1 });
		expect(describeScore(score)).toBe('2 of 3 answered, 1 correct.');
	});

	it('summarises the empty and the finished quiz', () => {
		expect(describeScore(scoreQuiz(quiz, {}))).toBe('3 questions, none answered yet.');
		const all = {
			q1: { choice: 'a', checked: true },
			q2: { choice: 'b', checked: true },
			q3: { choice: 'c', checked: true }
		};
		expect(describeScore(scoreQuiz(quiz, all))).toBe('All answered, 3 correct.');
	});
});
