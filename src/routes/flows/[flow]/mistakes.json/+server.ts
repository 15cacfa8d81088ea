import { error, json } from '@sveltejs/kit';
import { loadFlowLesson } from '$lib/content';
import { availableFlows } from '../available-flows';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => availableFlows().map((flow) => ({ flow }));

// The "what if" passages, as HTML rendered at build time. A flow page fetches them only when a
// learner switches a mistake on, so a page that is merely opened carries none of them.
export const GET: RequestHandler = async ({ params }) => {
	if (!availableFlows().includes(params.flow)) error(404, `There is no flow "${params.flow}"`);
	return json((await loadFlowLesson(params.flow)).mistakes);
};
