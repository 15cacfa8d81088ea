import { createHash } from 'node:crypto';
import intentBoot from '$lib/ui/intent-boot.js?raw';

const preloadTag = /<link href="([^"]+)" rel="modulepreload">/g;
const bootScript = /<script>(\s*\{[\s\S]*?kit\.start\([\s\S]*?)<\/script>/;
const entryImport = /import\(("[^"]+")\)/g;
/** `Promise.all([...]).then(([kit, app]) => { kit.start(...); });` closes with `}); });`. */
const startOpen = 'then(([kit, app]) => {';
const startClose = /\}\);(\s*)\}\);(\s*\}\s*)$/;

/**
 * Moves a prerendered page's app start behind its first paint and the learner's intent. Kit
 * preloads every module in the <head> and starts the app from an inline script at the end of
 * <body>: on a slow phone that JavaScript competes with the page's own HTML and CSS, so the lesson
 * paints late, and hydration then holds the main thread while the page is being read. Here the
 * page paints first, as a static article (the browser's paint timing says when), then the same
 * modules are preloaded; they are evaluated and the app hydrates only when someone is about to
 * use the page (`intent`, from intent-boot.js: a pointer move, touch, key or focus, or at once
 * for a link to a moment), and a press that lands before then is replayed, not lost.
 *
 * The boot script is Kit's, so its Content-Security-Policy hash is recomputed. A page without an
 * app (`csr = false`) is returned as it is; a boot script of another shape fails the build, so a
 * Kit upgrade cannot silently undo this or break the page.
 *
 * @example deferAppStart(prerenderedHtml) // the same page, its app started after the first paint
 */
export function deferAppStart(html: string): string {
	const boot = bootScript.exec(html)?.[1];
	if (boot === undefined) return html;
	const preloads = [...html.matchAll(preloadTag)].map((m) => m[1]!);
	const imports = [...boot.matchAll(entryImport)];
	if (!boot.includes('Promise.all([') || !boot.includes(startOpen) || !startClose.test(boot)) {
		throw new Error('deferAppStart: the app boot script does not have the shape it expects');
	}
	if (imports.length === 0) throw new Error('deferAppStart: the boot script imports nothing');
	const deferred = boot
		.replace(
			'Promise.all([',
			// A page that never paints (a background tab) starts anyway after a second.
			'const painted = new Promise((done) => { setTimeout(done, 1000); try {' +
				' new PerformanceObserver((_, o) => { o.disconnect(); done(); })' +
				".observe({ type: 'paint', buffered: true }); } catch { done(); } });\n" +
				`painted.then(() => { for (const href of ${JSON.stringify(preloads)}) {` +
				` const link = document.createElement('link'); link.rel = 'modulepreload';` +
				` link.href = href; document.head.append(link); } });\n` +
				`${intentBoot}\n` +
				'Promise.all(['
		)
		.replace(entryImport, 'Promise.all([painted, intent]).then(() => import($1))')
		.replace(startOpen, 'then(([kit, app]) => new Promise((next) => setTimeout(next)).then(() => {')
		.replace(startClose, '});$1}));$2');
	const oldHash = `'sha256-${sha256(boot)}'`;
	if (!html.includes(oldHash)) {
		throw new Error('deferAppStart: the boot script has no hash in the Content-Security-Policy');
	}
	return html
		.replace(preloadTag, '')
		.replace(boot, () => deferred)
		.replace(oldHash, `'sha256-${sha256(deferred)}'`);
}

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('base64');
}
