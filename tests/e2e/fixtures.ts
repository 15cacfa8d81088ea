import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Response } from '@playwright/test';

/**
 * The Playwright `test` for this site. Every test gets a browser context in which any request to
 * an origin other than the site's is blocked and recorded, and the test fails if one happened:
 * the simulated AWS runs inside the page, so nothing may ever leave it.
 *
 * @example
 * import { test, expect, gotoHydrated, expectNoAxeViolations } from './fixtures';
 * test('the page passes axe', async ({ page }) => {
 * 	await gotoHydrated(page, 'flows/user-pool-sign-in/');
 * 	await expectNoAxeViolations(page);
 * });
 */

export interface OffOriginRequest {
	method: string;
	url: string;
	resourceType: string;
}

/** Something that went wrong in the page while the test ran, in words a failure message can show. */
export interface PageProblem {
	kind: 'console-error' | 'page-error' | 'csp-violation' | 'http-error' | 'request-failed';
	text: string;
}

export interface PageProblems {
	/** Every problem so far, oldest first. */
	readonly all: PageProblem[];
	/** Only the Content-Security-Policy violations (console and `securitypolicyviolation`). */
	readonly csp: PageProblem[];
}

interface Fixtures {
	/** Off-origin requests seen so far (all of them were blocked). The test fails if any. */
	offOriginRequests: OffOriginRequest[];
	/** Console errors, uncaught exceptions, CSP violations, same-origin 4xx/5xx, failed requests. */
	pageProblems: PageProblems;
}

const webProtocols = new Set(['http:', 'https:', 'ws:', 'wss:']);

export const test = base.extend<Fixtures>({
	offOriginRequests: [
		async ({ context, baseURL }, use) => {
			if (!baseURL) throw new Error('offOriginRequests needs a baseURL in playwright.config.ts');
			const origin = new URL(baseURL).origin;
			const isOffOrigin = (url: string) => {
				const parsed = new URL(url);
				return webProtocols.has(parsed.protocol) && parsed.origin !== origin;
			};
			const seen: OffOriginRequest[] = [];
			context.on('request', (request) => {
				if (isOffOrigin(request.url()))
					seen.push({
						method: request.method(),
						url: request.url(),
						resourceType: request.resourceType()
					});
			});
			await context.route('**/*', (route) =>
				isOffOrigin(route.request().url()) ? route.abort('blockedbyclient') : route.fallback()
			);
			await use(seen);
			const list = seen.map((r) => `  ${r.method} ${r.url} (${r.resourceType})`).join('\n');
			expect(seen, `requests left ${origin}:\n${list}`).toEqual([]);
		},
		{ auto: true }
	],

	pageProblems: async ({ context, baseURL }, use) => {
		const origin = baseURL ? new URL(baseURL).origin : undefined;
		const all: PageProblem[] = [];
		// The browser logs CSP refusals to the console; the event also catches report-only cases and
		// names the directive.
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				const blocked = event.blockedURI || '(inline)';
				const where = `${event.sourceFile}:${event.lineNumber}`;
				console.error(`[csp] ${event.effectiveDirective} blocked ${blocked} at ${where}`);
			});
		});
		const watch = (page: Page) => {
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				const text = message.text();
				const csp = text.startsWith('[csp]') || /Content Security Policy/i.test(text);
				all.push({ kind: csp ? 'csp-violation' : 'console-error', text });
			});
			page.on('pageerror', (error) => all.push({ kind: 'page-error', text: String(error) }));
		};
		context.pages().forEach(watch);
		context.on('page', watch);
		context.on('response', (response) => {
			if (response.status() >= 400 && new URL(response.url()).origin === origin)
				all.push({ kind: 'http-error', text: `${response.status()} ${response.url()}` });
		});
		context.on('requestfailed', (request) => {
			const failure = request.failure()?.errorText ?? 'failed';
			// Blocked off-origin requests are reported by offOriginRequests already.
			if (failure.includes('ERR_BLOCKED_BY_CLIENT')) return;
			// Cancelled by the page itself: leaving a page (or ending a run's worker) mid-way through
			// loading its lazy chunks. A chunk the host fails to serve shows up as an http-error.
			if (failure.includes('ERR_ABORTED')) return;
			const text = `${request.method()} ${request.url()}: ${failure}`;
			all.push({ kind: 'request-failed', text });
		});
		await use({
			all,
			get csp() {
				return all.filter((p) => p.kind === 'csp-violation');
			}
		});
	}
});

export { expect };

/**
 * Navigates to `path` (relative to the baseURL, so it works under a sub-path) and waits until the
 * app has hydrated: the root layout sets `<html data-hydrated="true">` in `onMount`. Text that the
 * prerendered HTML already shows says nothing about whether clicks will be handled yet. A plain
 * flow page hydrates only when someone reaches for it (intent-boot.js), so this moves the pointer
 * over the page as a learner would.
 *
 * @example await gotoHydrated(page, 'flows/user-pool-sign-in/?step=3');
 */
export async function gotoHydrated(page: Page, path = ''): Promise<Response | null> {
	const relativePath = path.replace(/^\/+/, '');
	const response = await page.goto(relativePath);
	expect(response?.status(), `status of ${relativePath || '(home)'}`).toBeLessThan(400);
	// A page built with `csr = false` (the home page) has no app to hydrate: it is ready when loaded.
	const hasApp = await page.evaluate(() =>
		[...document.scripts].some((s) => s.textContent?.includes('__sveltekit'))
	);
	if (hasApp) await reachForPage(page);
	return response;
}

/**
 * Moves the pointer over the page, the learner's first sign of intent that starts a flow page's
 * app, and waits until the app has hydrated.
 */
export async function reachForPage(page: Page, timeout?: number): Promise<void> {
	// Two positions: a move to where the pointer already is sends no event.
	await page.mouse.move(4, 4);
	await page.mouse.move(8, 8);
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached', timeout });
}

/**
 * Waits for the flow player to have its run ready (`data-ready="true"`). A plain visit sends
 * nothing until the learner starts, so this presses "Send the first request" when it is offered.
 */
export async function waitForFlowPlayer(page: Page, timeout?: number): Promise<void> {
	// The prerendered page always offers the button; once the app has read the URL, it says
	// whether this visit (a plain address, not a link to a moment) is waiting for the press.
	const player = page.locator('.flow-player:is([data-run="idle"], [data-run="started"])');
	await reachForPage(page, timeout);
	await player.waitFor({ state: 'attached', timeout });
	if ((await player.getAttribute('data-run')) === 'idle')
		await page.getByRole('button', { name: 'Send the first request' }).click();
	await page.locator('.flow-player[data-ready="true"]').waitFor({ state: 'attached', timeout });
}

export interface AxeOptions {
	/** CSS selectors to check instead of the whole page. */
	include?: string[];
	/** CSS selectors to leave out. */
	exclude?: string[];
	/** axe rule ids to switch off (say why at the call site). */
	disableRules?: string[];
}

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core on the page (WCAG 2.1 A and AA plus best practices) and fails with a readable
 * list of every violation: rule, impact, help link, and each offending element with the fix.
 */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(axeTags);
	for (const selector of options.include ?? []) builder = builder.include(selector);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
	const { violations } = await builder.analyze();
	const report = violations
		.map((v) => {
			const nodes = v.nodes
				.map((n) => {
					const fix = (n.failureSummary ?? '').replace(/\n/g, '\n      ');
					return `    • ${n.target.join(' ')}\n      ${fix}`;
				})
				.join('\n');
			return `  ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n    ${v.helpUrl}\n${nodes}`;
		})
		.join('\n');
	expect(
		violations.length,
		`${violations.length} axe violation(s) on ${page.url()}:\n${report}`
	).toBe(0);
}

export interface Appearance {
	colorScheme?: 'light' | 'dark';
	reducedMotion?: 'reduce' | 'no-preference';
}

/** Emulates the system colour scheme (the site follows it unless the learner picked a theme) and
 * the reduced-motion preference. Call before or after navigating; media queries update live. */
export async function emulateAppearance(page: Page, appearance: Appearance): Promise<void> {
	await page.emulateMedia({
		colorScheme: appearance.colorScheme ?? null,
		reducedMotion: appearance.reducedMotion ?? null
	});
}

/**
 * Every prerendered page in a build folder, as a path relative to the site root with its trailing
 * slash (`''` for the home page, `flows/user-pool-sign-in/`), sorted. Reads the files, so a page
 * that was not prerendered cannot be listed.
 */
export function prerenderedRoutes(buildDir = process.env.BUILD_DIR || 'build'): string[] {
	const routes: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			if (name.startsWith('.') || name === '_app') continue;
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name === 'index.html') {
				const folder = relative(buildDir, dir).split(sep).join('/');
				routes.push(folder === '' ? '' : `${folder}/`);
			}
		}
	};
	walk(buildDir);
	return routes.sort();
}
