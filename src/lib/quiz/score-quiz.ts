import type { QuizAnswers } from './quiz-store';

export interface QuizScore {
	total: number;
	/** Questions whose answer was checked. */
	checked: number;
	/** Checked answers that are right. */
	correct: number;
}

/**
 * Counts checked and correct answers. An answer that was picked but not checked counts for neither.
 *
 * @example scoreQuiz({ questions: [{ id: 'q1', answer: 'b' }] }, { q1: { choice: 'b', checked: true } })
 * // -> { total: 1, checked: 1, correct: 1 }
 */
export function scoreQuiz(
	quiz: { questions: { id: string; answer: string }[] },
	answers: QuizAnswers
): QuizScore {
	let checked = 0;
	let correct = 0;
	for (const question of quiz.questions) {
		const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
		if (!answer?.checked) continue;
		checked++;
		if (answer.choice === question.answer) correct++;
	}
	return { total: quiz.questions.length, checked, correct };
}

/** The one-line summary shown above the questions. */
export function describeScore({ total, checked, correct }: QuizScore): string {
	if (checked === 0) return `${total} question${total === 1 ? '' : 's'}, none answered yet.`;
	const all = checked === total ? 'All' : `${checked} of ${total}`;
	return `${all} answered, ${correct} correct.`;
}
