import { listFlowLessons, loadHomeSection } from '$lib/content';
import type { PageServerLoad } from './$types';

// Runs at build time only: the learning path reads every lesson's frontmatter and the sections
// are rendered to HTML here, so no lesson file reaches the home page's JavaScript.
export const load: PageServerLoad = async () => ({
	lessons: listFlowLessons(),
	pools: await loadHomeSection('user-pools-vs-identity-pools')
});
