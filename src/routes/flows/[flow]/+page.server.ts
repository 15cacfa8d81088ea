import { error } from '@sveltejs/kit';
import { ContentNotFoundError, loadFlowLesson, loadQuiz, type FlowLessonPage } from '$lib/content';
import { findFlow } from '$lib/flows';
import { availableFlows } from './available-flows';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => availableFlows().map((flow) => ({ flow }));

// Runs at build time only, and sends the page only what it needs in the browser: the lesson's
// frontmatter, its step ids, its mistake ids and the size of the quiz. The rest of the lesson is
// HTML already in the page (see +page.ts); the mistake passages (mistakes.json) and the quiz load
// when the learner needs them.
export const load: PageServerLoad = async ({ params }) => {
	if (!findFlow(params.flow) || !availableFlows().includes(params.flow)) {
		error(404, `There is no flow "${params.flow}"`);
	}
	const [lesson, quiz] = await Promise.all([
		loadFlowLesson(params.flow),
		loadQuiz(params.flow).catch((e: unknown) => {
			if (e instanceof ContentNotFoundError) return null;
			throw e;
		})
	]);
	const page: FlowLessonPage = {
		meta: lesson.meta,
		steps: lesson.steps.map((s) => s.step),
		mistakes: lesson.mistakes.map((m) => m.mistake),
		quizQuestions: quiz?.questions.length ?? 0
	};
	return { flowId: params.flow, lesson: page };
};
