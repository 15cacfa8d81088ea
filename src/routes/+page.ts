import { loadHomeSection } from '$lib/content';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	pools: await loadHomeSection('user-pools-vs-identity-pools')
});
