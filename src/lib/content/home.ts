import { ContentNotFoundError, displayPath } from './content-error';
import { requireFrontmatter, requireString } from './frontmatter';
import { renderMarkdown } from './render-markdown';
import type { HomeSection, MarkdownModule } from './types';

const homeModules = import.meta.glob<MarkdownModule>('/content/home/*.md');

/**
 * A section of the home page, from `content/home/<name>.md`, with its validated title, as HTML.
 *
 * @example (await loadHomeSection('user-pools-vs-identity-pools')).title
 */
export async function loadHomeSection(name: string): Promise<HomeSection> {
	const key = `/content/home/${name}.md`;
	const load = homeModules[key];
	if (!load) throw new ContentNotFoundError('content/home', 'section', name);
	const file = displayPath(key);
	const mod = await load();
	const title = requireString(requireFrontmatter(mod.metadata, file), 'title', file);
	return { name, title, html: renderMarkdown(mod) };
}

/** The names of every home-page section, for tests and for prerendering. */
export function listHomeSections(): string[] {
	return Object.keys(homeModules)
		.map((key) => key.replace(/^\/content\/home\/(.+)\.md$/, '$1'))
		.sort();
}
