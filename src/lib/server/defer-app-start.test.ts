import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deferAppStart } from './defer-app-start';

// The shape Kit 2 prerenders: preloads in <head>, the policy with the boot script's hash, and the
// boot script at the end of <body>.
const boot = `
				{
					__sveltekit_x = { base: new URL("../..", location).pathname.slice(0, -1) };
					const element = document.currentScript.parentElement;
					Promise.all([
						import("../../_app/immutable/entry/start.A.js"),
						import("../../_app/immutable/entry/app.B.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 3], data: [null, null], form: null, error: null });
					});
				}
			`;
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (script: string) =>
	`<html><head><meta http-equiv="content-security-policy" content="script-src 'self' ${hash(script)}">` +
	`<link href="../../_app/immutable/entry/start.A.js" rel="modulepreload">` +
	`<link href="../../_app/immutable/chunks/C.js" rel="modulepreload"></head>` +
	`<body><div style="display: contents"><main>Lesson</main><script>${script}</script></div></body></html>`;

describe('deferAppStart', () => {
	const html = deferAppStart(page(boot));
	const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;

	it('drops the <head> preloads and adds the same modules from the boot script after the paint', () => {
		expect(html).not.toContain('rel="modulepreload"');
		expect(script).toContain(
			'["../../_app/immutable/entry/start.A.js","../../_app/immutable/chunks/C.js"]'
		);
		expect(script).toContain(
			'Promise.all([painted, intent]).then(() => import("../../_app/immutable/entry/start.A.js"))'
		);
		expect(script).toContain("observe({ type: 'paint', buffered: true })");
	});

	it('evaluates the modules only once the learner shows intent (or the URL names a moment)', () => {
		expect(script).toContain('const intent = new Promise((begin) => {');
		expect(script).toContain('if (location.search.length > 1) begin(undefined);');
		expect(script.indexOf('const intent')).toBeLessThan(script.indexOf('Promise.all([painted'));
	});

	it('starts the app in a task after the modules are evaluated, and stays valid JavaScript', () => {
		expect(script).toContain('new Promise((next) => setTimeout(next)).then(() => {');
		expect(() => new Function(script)).not.toThrow();
	});

	it('allows exactly the new script in the Content-Security-Policy, and not the old one', () => {
		expect(html).toContain(hash(script));
		expect(html).not.toContain(hash(boot));
	});

	it('leaves a page without an app as it is, and fails loudly on a boot script it does not know', () => {
		const plain = '<html><body><main>Home</main></body></html>';
		expect(deferAppStart(plain)).toBe(plain);
		const other = boot.replace('Promise.all([', 'Promise.allSettled([');
		expect(() => deferAppStart(page(other))).toThrow('does not have the shape it expects');
		expect(() => deferAppStart(page(boot).replace(/sha256-[^']+/, 'sha256-x'))).toThrow(
			'no hash in the Content-Security-Policy'
		);
	});

	it('gives the same result for every page of a build (no state kept between calls)', () => {
		expect(deferAppStart(page(boot))).toBe(html);
	});
});
