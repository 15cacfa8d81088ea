import { error } from '@sveltejs/kit';
import { ContentNotFoundError, listFlowLessons, loadFlowLesson, loadQuiz } from '$lib/content';
import { findFlow, flowCatalogue } from '$lib/flows';
import type { EntryGenerator, PageLoad } from './$types';

/** Flows that are built and have a published lesson; each is prerendered. */
function availableFlows(): string[] {
	const lessons = listFlowLessons().filter((l) => l.status === 'available');
	return flowCatalogue.map((f) => f.id).filter((id) => lessons.some((l) => l.id === id));
}

export const entries: EntryGenerator = () => availableFlows().map((flow) => ({ flow }));

// The lesson text is loaded here so it is in the prerendered HTML; the runner is not.
export const load: PageLoad = async ({ params }) => {
	const flow = findFlow(params.flow);
	if (!flow || !availableFlows().includes(params.flow)) {
		error(404, `There is no flow "${params.flow}"`);
	}
	const [lesson, quiz] = await Promise.all([
		loadFlowLesson(params.flow),
		loadQuiz(params.flow).catch((e: unknown) => {
			if (e instanceof ContentNotFoundError) return null;
			throw e;
		})
	]);
	return { flow, lesson, quiz };
};
