// The content layer's door for code that runs in the browser: what loads lazily and needs no
// build-time rendering. Everything else in `$lib/content` runs only while the site is built.
export { loadQuiz } from './quiz';
export type {
	FlowLessonMeta,
	FlowLessonPage,
	LessonMistake,
	LessonPassages,
	Quiz,
	QuizChoice,
	QuizLink,
	QuizQuestion
} from './types';
