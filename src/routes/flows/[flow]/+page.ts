import type { LessonPassages } from '$lib/content/browser';
import type { PageLoad } from './$types';

// The introduction and step passages are rendered into the HTML while the page is prerendered;
// in the browser this load returns no passages, and the lesson keeps the HTML it already has
// (LessonColumn). So the lesson is never sent twice, once as HTML and again as data. The branch
// is dropped from the browser build, with the Markdown modules behind it.
export const load: PageLoad = async ({ data, params }) => {
	let passages: LessonPassages | null = null;
	if (import.meta.env.SSR) {
		const { loadFlowLesson } = await import('$lib/content');
		const lesson = await loadFlowLesson(params.flow);
		passages = {
			intro: lesson.intro,
			steps: Object.fromEntries(lesson.steps.map((s) => [s.step, s.html]))
		};
	}
	return { ...data, passages };
};
