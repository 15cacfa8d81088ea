import { error } from '@sveltejs/kit';
import { ContentNotFoundError, listFlowLessons, loadFlowLesson, loadQuiz } from '$lib/content';
import { findFlow, flowCatalogue } from '$lib/flows';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Flows that are built and have a published lesson; each is prerendered. */
function availableFlows(): string[] {
	const lessons = listFlowLessons().filter((l) => l.status === 'available');
	return flowCatalogue.map((f) => f.id).filter((id) => lessons.some((l) => l.id === id));
}

export const entries: EntryGenerator = () => availableFlows().map((flow) => ({ flow }));

// Runs at build time only. The lesson arrives in the page as HTML rendered here, so the browser
// imports no Markdown module, and the learning path's frontmatter never leaves the server.
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
	return { flowId: params.flow, lesson, quiz };
};
