import { render } from 'svelte/server';
import type { MarkdownModule } from './types';

/**
 * The static HTML of a compiled Markdown module. Lessons are Markdown with no scripts, so they are
 * rendered once, at build time, and reach the page as HTML: no per-passage module in the browser.
 * Svelte's hydration markers (`<!--[-->`, `<!---->`) mean nothing outside a component, so they go.
 *
 * @example renderMarkdown(await import('/content/home/user-pools-vs-identity-pools.md'))
 */
export function renderMarkdown(mod: MarkdownModule): string {
	return render(mod.default)
		.body.replace(/<!--[[\]!]?-->/g, '')
		.trim();
}
