import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, prerenderedRoutes, test, waitForFlowPlayer } from './fixtures';

/**
 * The site must work from any static host: every page is a prerendered file, folders are served
 * through their index.html, anything else is a 404, and the same build works under a sub-path.
 * The `site` project serves build/ at the root; the `sub-path` project (tests tagged @sub-path)
 * serves build-course/ under /course/.
 */

const buildDir = fileURLToPath(new URL('../../build', import.meta.url));
const subPathDir = fileURLToPath(new URL('../../build-course', import.meta.url));
const flowPage = 'flows/user-pool-sign-in/';
const subPath = { tag: '@sub-path' };

test.describe('static hosting at the root', () => {
	const routes = existsSync(buildDir) ? prerenderedRoutes(buildDir) : [];

	test('the build prerenders the home page and the sign-in flow page', () => {
		expect(routes, `no build at ${buildDir}: run npm run build`).toContain('');
		expect(routes).toContain(flowPage);
	});

	test('every prerendered route answers 200 with HTML', async ({ request }) => {
		for (const route of routes) {
			const response = await request.get(route, { maxRedirects: 0 });
			expect(response.status(), `/${route}`).toBe(200);
			expect(response.headers()['content-type'], `/${route}`).toMatch(/^text\/html/);
		}
	});

	test('a page URL without its trailing slash is redirected to the slash', async ({ request }) => {
		const pages = routes.filter((route) => route !== '');
		test.skip(pages.length === 0, 'only the home page is prerendered so far');
		for (const route of pages) {
			const response = await request.get(route.slice(0, -1), { maxRedirects: 0 });
			expect(response.status(), `/${route.slice(0, -1)}`).toBe(301);
			expect(new URL(response.headers().location!, response.url()).pathname).toBe(`/${route}`);
		}
	});

	test('unknown paths answer 404', async ({ request }) => {
		for (const path of [
			'no-such-page/',
			'no-such-page',
			'flows/no-such-flow/',
			'_app/immutable/entry/no-such-chunk.js',
			'index.htm',
			'.gitignore',
			'..%2Fpackage.json'
		]) {
			const response = await request.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(404);
		}
	});

	test('every same-origin link on every page points at a page that exists, with its slash', async ({
		request
	}) => {
		const checked = new Set<string>();
		for (const route of routes) {
			const response = await request.get(route);
			for (const href of linksIn(await response.text())) {
				const target = new URL(href, response.url());
				target.hash = '';
				if (target.origin !== new URL(response.url()).origin || checked.has(target.href)) continue;
				checked.add(target.href);
				const linked = await request.get(target.href, { maxRedirects: 0 });
				expect(linked.status(), `${target.pathname} (linked from /${route})`).toBe(200);
			}
		}
	});

	test('every page carries a strict Content-Security-Policy meta tag', async ({ request }) => {
		for (const route of routes) {
			const html = await (await request.get(route)).text();
			const policy = cspOf(html);
			expect(policy, `/${route} has no CSP meta`).toBeDefined();
			expect(policy!['default-src'], `/${route}`).toEqual(["'self'"]);
			expect(policy!['object-src'], `/${route}`).toEqual(["'none'"]);
			const scripts = policy!['script-src'] ?? [];
			expect(scripts, `/${route}`).toContain("'self'");
			expect(scripts, `/${route}`).not.toContain("'unsafe-inline'");
			expect(scripts, `/${route}`).not.toContain("'unsafe-eval'");
			// Kit's boot script is inline: its hash must be allowed or the page never hydrates.
			expect(
				scripts.some((s) => s.startsWith("'sha256-")),
				`/${route}`
			).toBe(true);
		}
	});

	test('every page loads and hydrates with no failed request, error or CSP violation', async ({
		page,
		pageProblems
	}) => {
		for (const route of routes) {
			await loadCompletely(page, route);
			expect(pageProblems.all, `/${route}`).toEqual([]);
		}
	});

	test('the CSP really blocks an injected inline script, and the test sees it', async ({
		page,
		pageProblems
	}) => {
		await loadCompletely(page, '');
		const ran = await page.evaluate(async () => {
			const script = document.createElement('script');
			script.textContent = 'window.__injected = true';
			document.body.append(script);
			await new Promise((resolve) => setTimeout(resolve, 100));
			return (window as unknown as { __injected?: boolean }).__injected === true;
		});
		expect(ran).toBe(false);
		await expect.poll(() => pageProblems.csp.length).toBeGreaterThan(0);
		expect(pageProblems.all.filter((p) => p.kind !== 'csp-violation')).toEqual([]);
	});
});

test.describe('static hosting under a sub-path', () => {
	const routes = existsSync(subPathDir) ? prerenderedRoutes(subPathDir) : [];

	test('the build prerenders the home page and the sign-in flow page', subPath, () => {
		expect(routes, `no build at ${subPathDir}: run npm run build:sub-path`).toContain('');
		expect(routes).toContain(flowPage);
	});

	test(
		'every page loads under the prefix with no 404, error or CSP violation',
		subPath,
		async ({ page, pageProblems, baseURL }) => {
			const prefix = new URL(baseURL!).pathname;
			for (const route of routes) {
				await loadCompletely(page, route);
				expect(new URL(page.url()).pathname).toBe(`${prefix}${route}`);
				expect(pageProblems.all, `${prefix}${route}`).toEqual([]);
				// Every link, stylesheet and script stays inside the prefix.
				const urls = await page.evaluate(() =>
					[...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src]')].map(
						(el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src
					)
				);
				for (const url of urls) {
					const target = new URL(url);
					if (target.origin !== new URL(baseURL!).origin) continue;
					expect(target.pathname.startsWith(prefix), `${url} on ${prefix}${route}`).toBe(true);
				}
			}
		}
	);

	test(
		'a link from the home page opens the flow page in the app, under the prefix',
		subPath,
		async ({ page, pageProblems, baseURL }) => {
			const prefix = new URL(baseURL!).pathname;
			await loadCompletely(page, '');
			await page.locator(`a[href$="${flowPage}"]`).first().click();
			await expect(page).toHaveURL(new URL(flowPage, baseURL).href);
			await waitForFlowPlayer(page);
			expect(new URL(page.url()).pathname.startsWith(prefix)).toBe(true);
			await page.waitForLoadState('networkidle');
			expect(pageProblems.all).toEqual([]);
		}
	);

	test('nothing is served outside the prefix', subPath, async ({ request, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		expect((await request.get('_app/version.json')).status()).toBe(200);
		for (const path of ['/', '/_app/version.json', `/${flowPage}`]) {
			const response = await request.get(`${origin}${path}`, { maxRedirects: 0 });
			expect(response.status(), path).toBe(404);
		}
	});
});

async function loadCompletely(page: Page, route: string): Promise<void> {
	await gotoHydrated(page, route);
	await page.waitForLoadState('networkidle');
}

/** `href`s of the `<a>` elements in an HTML document (prerendered pages are well-formed). */
function linksIn(html: string): string[] {
	return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)]
		.map((m) => m[1]!.replace(/&amp;/g, '&'))
		.filter((href) => !/^(mailto:|tel:|javascript:|#)/.test(href));
}

/** The policy in `<meta http-equiv="content-security-policy">`, as directive → sources. */
function cspOf(html: string): Record<string, string[]> | undefined {
	const meta = html.match(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i);
	if (!meta) return undefined;
	const policy: Record<string, string[]> = {};
	for (const directive of meta[1]!.replace(/&#39;|&apos;/g, "'").split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		if (name) policy[name] = sources;
	}
	return policy;
}
