import { listFlowLessons, loadHomeSection } from '$lib/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => ({
	lessons: listFlowLessons(),
	pools: await loadHomeSection('user-pools-vs-identity-pools')
});
