export { ContentError, ContentNotFoundError } from './content-error';
export {
	optionalPositiveInteger,
	requireFrontmatter,
	requireId,
	requireOneOf,
	requireString
} from './frontmatter';
export { parseNumberedName } from './numbered-name';
export { assertUniquePassages, mistakePassageId, stepPassageId } from './passage-id';
export type { NumberedName } from './numbered-name';
export { listFlowLessons, parseFlowLessonMeta, parseFlowLessons } from './flow-index';
export { loadFlowLesson } from './flow-lesson';
export { loadQuiz, parseQuiz } from './quiz';
export { listHomeSections, loadHomeSection } from './home';
export type {
	FlowLesson,
	FlowLessonMeta,
	FlowLessonPage,
	FlowLessonStatus,
	LessonPassages,
	HomeSection,
	LessonMistake,
	LessonStep,
	Quiz,
	QuizChoice,
	QuizLink,
	QuizQuestion
} from './types';
