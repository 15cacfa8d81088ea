import { listFlowLessons } from '$lib/content';
import { flowCatalogue } from '$lib/flows';

/** Flows that are built and have a published lesson: each gets a prerendered page. Build time. */
export function availableFlows(): string[] {
	const lessons = listFlowLessons().filter((l) => l.status === 'available');
	return flowCatalogue.map((f) => f.id).filter((id) => lessons.some((l) => l.id === id));
}
