import { listFlowLessons, loadHomeSection } from '$lib/content';
import type { PageServerLoad } from './$types';

// The home page is an article with links: it ships no JavaScript at all (the theme select is wired
// by the inline boot script every page has).
export const csr = false;

// Runs at build time only: the learning path reads every lesson's frontmatter and the sections
// are rendered to HTML here, so no lesson file reaches the home page's JavaScript.
export const load: PageServerLoad = async () => ({
	lessons: listFlowLessons(),
	pools: await loadHomeSection('user-pools-vs-identity-pools')
});
