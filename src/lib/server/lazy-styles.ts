import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A stylesheet that only lazily imported code needs: its build path and its text. */
export interface LazyStyle {
	/** As Vite's client manifest names it, e.g. `_app/immutable/assets/inspector.X.css`. */
	file: string;
	css: string;
}

/** The part of a Vite manifest chunk this reads. */
export interface ManifestChunk {
	imports?: string[];
	css?: string[];
	isDynamicEntry?: boolean;
}

/**
 * The stylesheets of code that only arrives through `import()` (the inspector, the quiz): a
 * stylesheet any statically loaded chunk also lists stays eager. `read` gives a file's text.
 *
 * @example lazyStylesOf(manifest, (file) => readFileSync(join(clientDir, file), 'utf8'))
 */
export function lazyStylesOf(
	manifest: Record<string, ManifestChunk>,
	read: (file: string) => string
): LazyStyle[] {
	const staticallyImported = new Set(Object.values(manifest).flatMap((c) => c.imports ?? []));
	const lazy = (key: string, chunk: ManifestChunk) =>
		chunk.isDynamicEntry === true && !staticallyImported.has(key);
	const eager = new Set(
		Object.entries(manifest).flatMap(([key, c]) => (lazy(key, c) ? [] : (c.css ?? [])))
	);
	const files = new Set(
		Object.entries(manifest).flatMap(([key, c]) => (lazy(key, c) ? (c.css ?? []) : []))
	);
	return [...files].filter((f) => !eager.has(f)).map((file) => ({ file, css: read(file).trim() }));
}

/**
 * Takes lazily needed stylesheets out of a prerendered page. Kit inlines every stylesheet a page
 * may need, those of its `import()`s included, and adds each one as a disabled `<link>` so that
 * Vite's loader thinks it already loaded. The page's first style and layout then match rules for
 * an inspector and a quiz that are not there yet (16 kB of 40). Without the inline text and the
 * disabled link, Vite's loader fetches a stylesheet with the code that needs it, before that
 * code runs, so nothing shows unstyled. A page that inlined nothing is returned as it is; a page
 * whose link names a stylesheet whose text is not inline fails the build.
 *
 * @example dropLazyStyles(prerenderedHtml, lazyStyles)
 */
export function dropLazyStyles(html: string, lazy: readonly LazyStyle[]): string {
	let page = html;
	for (const { file, css } of lazy) {
		const link = new RegExp(
			`\\s*<link href="[^"]*${escape(file)}" rel="stylesheet" disabled media="\\(max-width: 0\\)">`
		);
		if (!link.test(page)) continue;
		if (!page.includes(css))
			throw new Error(`dropLazyStyles: ${file} is linked as inline, but its text is not inline`);
		page = page.replace(link, '').replace(css, '');
	}
	return page;
}

const clientDir = join('.svelte-kit', 'output', 'client');
let cached: LazyStyle[] | undefined;

/** The build's lazy stylesheets, from Vite's client manifest; none outside a build (dev). */
export function buildLazyStyles(): LazyStyle[] {
	if (cached) return cached;
	const manifestPath = join(clientDir, '.vite', 'manifest.json');
	if (!existsSync(manifestPath)) return (cached = []);
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
	cached = lazyStylesOf(manifest, (file) => readFileSync(join(clientDir, file), 'utf8'));
	return cached;
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
