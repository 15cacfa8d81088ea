import { listFlowLessons } from '$lib/content';
import type { PageServerLoad } from './$types';

// Runs at build time only: the learning path reads every lesson's frontmatter, and keeping that
// on the server keeps the lesson files out of the home page's JavaScript.
export const load: PageServerLoad = () => ({ lessons: listFlowLessons() });
