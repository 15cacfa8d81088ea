// The quiz's only door: the component and the storage and scoring behind it.
export { default as Quiz } from './Quiz.svelte';
export {
	browserStorage,
	clearQuizAnswers,
	loadQuizAnswers,
	quizStorageKey,
	saveQuizAnswers,
	type QuizAnswer,
	type QuizAnswers,
	type QuizShape,
	type QuizStorage
} from './quiz-store';
export { describeScore, scoreQuiz, type QuizScore } from './score-quiz';
