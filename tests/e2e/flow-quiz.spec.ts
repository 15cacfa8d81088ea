import { readFileSync } from 'node:fs';
import { expect, test, waitForFlowPlayer } from './fixtures';
import { openFlow, openQuiz } from './flow-helpers';

interface QuizQuestion {
	prompt: string;
	answer: string;
	explanation: string;
	choices: { id: string; text: string }[];
}

// The questions come from the lesson content itself, so the test follows the quiz as authors edit it.
const quiz = JSON.parse(
	readFileSync(
		new URL('../../content/flows/01-user-pool-sign-in/quiz.json', import.meta.url),
		'utf8'
	)
) as { questions: QuizQuestion[] };

test('a quiz answer gets its explanation, survives a reload, and Reset clears it', async ({
	page
}) => {
	const [first, second] = quiz.questions;
	if (!first || !second) throw new Error('the sign-in quiz needs at least two questions');
	const total = quiz.questions.length;
	await openFlow(page);
	// Not built until the learner acts: a page that is only opened has no quiz yet.
	await expect(page.locator('.quiz')).toHaveCount(0);

	const questions = await openQuiz(page, 'button');
	await expect(questions).toHaveCount(total);
	// The button went away with the placeholder: focus moved on to the quiz, not to the page.
	await expect(page.getByRole('heading', { name: 'Check yourself' })).toBeFocused();
	const summary = page.locator('.quiz .summary');
	await expect(summary).toHaveText(`${total} questions, none answered yet.`);

	const right = first.choices.find((c) => c.id === first.answer)!;
	const wrong = second.choices.find((c) => c.id !== second.answer)!;
	await questions.nth(0).getByLabel(right.text, { exact: true }).check();
	await questions.nth(0).getByRole('button', { name: 'Check answer' }).click();
	await questions.nth(1).getByLabel(wrong.text, { exact: true }).check();
	await questions.nth(1).getByRole('button', { name: 'Check answer' }).click();

	await expect(questions.nth(0).locator('.feedback')).toContainText('Correct.');
	await expect(questions.nth(0).locator('.feedback')).toContainText(first.explanation);
	await expect(questions.nth(1).locator('.feedback')).toContainText('Not quite.');
	await expect(questions.nth(1).locator('.feedback')).toContainText(second.explanation);
	await expect(summary).toHaveText(`2 of ${total} answered, 1 correct.`);

	await page.reload();
	await waitForFlowPlayer(page);
	await openQuiz(page);
	await expect(summary).toHaveText(`2 of ${total} answered, 1 correct.`, { timeout: 20_000 });
	await expect(questions.nth(0).getByLabel(right.text, { exact: true })).toBeChecked();
	await expect(questions.nth(1).locator('.feedback')).toContainText(second.explanation);

	await page.getByRole('button', { name: 'Reset answers' }).click();
	await expect(summary).toHaveText(`${total} questions, none answered yet.`);
	await page.reload();
	await waitForFlowPlayer(page);
	await openQuiz(page);
	await expect(summary).toHaveText(`${total} questions, none answered yet.`, { timeout: 20_000 });
	await expect(questions.nth(0).locator('.feedback')).toBeEmpty();
});
