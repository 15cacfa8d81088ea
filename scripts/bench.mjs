#!/usr/bin/env node
/**
 * The performance budgets of DESIGN.md, measured on the built site (`npm run build` first):
 *
 *   - first-load JavaScript: the gzip size of every script the prerendered HTML loads (the inline
 *     entry imports, every modulepreload, and their static imports), computed from build/ files;
 *   - transfer: every byte the first load moved over the wire (gzip on), measured in Chromium;
 *   - Lighthouse mobile scores (performance, accessibility, best practices, SEO);
 *   - on a flow page, the time from pressing "Next step" to the new message being on screen.
 *
 * Usage: npm run bench [-- --only=home|flow] [--runs=3] [--steps=40] [--no-lighthouse]
 * Environment: BUILD_DIR (default build), CHROMIUM_PATH (default /usr/bin/chromium).
 * Exits 1 when a budget is missed or a page cannot be measured.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startStaticServer } from './serve-static.mjs';

const budgets = {
	/** Flow pages: gzip bytes of first-load JavaScript. */
	flowJsGzip: 120 * 1024,
	performance: 95,
	accessibility: 100,
	'best-practices': 100,
	seo: 100,
	/** Median ms from pressing "Next step" to the next message on screen. */
	stepMedianMs: 50
};

const pages = [
	{ name: 'home', path: '', flow: false },
	{ name: 'flow', path: 'flows/user-pool-sign-in/', flow: true }
];

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [key, value = 'true'] = a.replace(/^--/, '').split('=');
		return [key, value];
	})
);
const buildDir = process.env.BUILD_DIR || 'build';
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Math.max(1, Number(args.runs ?? 3));
const stepSamples = Math.max(5, Number(args.steps ?? 40));
const withLighthouse = args['no-lighthouse'] === undefined;
const selected = pages.filter((p) => !args.only || args.only === p.name);
const chromeFlags = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

// ---------------------------------------------------------------------------------------------
// First-load JavaScript, from the files

/** `<tag ...>` attributes as a map (prerendered HTML is well-formed and double-quoted). */
function attributes(tag) {
	return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The site-relative path of `href` as seen from the page at `route` (both without base path). */
function resolveAsset(route, href) {
	return posix.normalize(posix.join(posix.dirname(`/${route}index.html`), href)).replace(/^\//, '');
}

function firstLoad(route) {
	const file = join(buildDir, route, 'index.html');
	if (!existsSync(file)) return undefined;
	const html = readFileSync(file, 'utf8');
	const scripts = new Set();
	const styles = new Set();
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const { rel, href } = attributes(tag);
		if (!href) continue;
		if (rel === 'modulepreload') scripts.add(resolveAsset(route, href));
		if (rel === 'stylesheet') styles.add(resolveAsset(route, href));
	}
	for (const [tag] of html.matchAll(/<script\b[^>]*\bsrc="[^"]*"[^>]*>/g))
		scripts.add(resolveAsset(route, attributes(tag).src));
	// Kit's inline boot script: Promise.all([import("./_app/immutable/entry/start.X.js"), ...])
	for (const [, inline] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
		for (const [, href] of inline.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g))
			scripts.add(resolveAsset(route, href));
	// Static imports load before the module runs, preloaded or not: follow them.
	const queue = [...scripts];
	while (queue.length) {
		const path = queue.pop();
		const source = readFileSync(join(buildDir, path), 'utf8');
		for (const [, href] of source.matchAll(/\b(?:import|from)\s*["']([^"']+\.m?js)["']/g)) {
			const target = posix.normalize(posix.join(posix.dirname(path), href));
			if (!scripts.has(target)) {
				scripts.add(target);
				queue.push(target);
			}
		}
	}
	const gzip = (path) => gzipSync(readFileSync(join(buildDir, path))).byteLength;
	const jsGzip = [...scripts].reduce((sum, p) => sum + gzip(p), 0);
	const cssGzip = [...styles].reduce((sum, p) => sum + gzip(p), 0);
	return { scripts: scripts.size, jsGzip, cssGzip, htmlGzip: gzipSync(html).byteLength };
}

// ---------------------------------------------------------------------------------------------
// Transfer and step timing, in Playwright's Chromium

async function measureTransfer(browser, url) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	let bytes = 0;
	let requests = 0;
	let failed = 0;
	cdp.on('Network.loadingFinished', (e) => {
		bytes += e.encodedDataLength;
		requests += 1;
	});
	cdp.on('Network.loadingFailed', () => (failed += 1));
	const response = await page.goto(url, { waitUntil: 'networkidle' });
	await context.close();
	return { status: response?.status() ?? 0, bytes, requests, failed };
}

async function measureSteps(browser, url) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	const open = async () => {
		await page.goto(url);
		await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
		await page.locator('.flow-player[data-ready="true"]').waitFor({ state: 'attached' });
	};
	const current = async () =>
		Number(await page.locator('svg[data-current-step]').first().getAttribute('data-current-step'));

	await open();
	const nextButton = page.getByRole('button', { name: 'Next step' });
	const samples = [];
	let restarts = 0;
	while (samples.length < stepSamples) {
		const from = await current();
		if (!Number.isFinite(from)) throw new Error('svg[data-current-step] has no step index');
		const usesButton = (await nextButton.count()) > 0;
		if (usesButton && !(await nextButton.first().isEnabled())) {
			if (++restarts > stepSamples) throw new Error('"Next step" never became enabled');
			await open();
			continue;
		}
		const next = from + 1;
		// Arm the stopwatch in the page: it starts at the input event's own timestamp and stops on
		// the first frame after the diagram shows step `next` and its message exists.
		await page.evaluate((next) => {
			window.__benchStep = new Promise((resolve) => {
				let start;
				const onInput = (event) => (start ??= event.timeStamp);
				const types = ['keydown', 'pointerdown', 'mousedown', 'click'];
				for (const type of types) document.addEventListener(type, onInput, { capture: true });
				const shown = () =>
					document.querySelector(`svg[data-current-step="${next}"]`) &&
					document.querySelector(`[data-step-index="${next}"]`);
				const observer = new MutationObserver(() => {
					if (start === undefined || !shown()) return;
					observer.disconnect();
					requestAnimationFrame(() => {
						for (const type of types)
							document.removeEventListener(type, onInput, { capture: true });
						resolve(performance.now() - start);
					});
				});
				observer.observe(document.documentElement, {
					subtree: true,
					childList: true,
					attributes: true,
					attributeFilter: ['data-current-step', 'data-step-index']
				});
			});
		}, next);
		if (usesButton) await nextButton.first().click();
		else {
			await page.locator('.flow-player').first().focus();
			await page.keyboard.press('ArrowRight');
		}
		const ms = await Promise.race([
			page.evaluate(() => window.__benchStep),
			new Promise((resolve) => setTimeout(() => resolve(undefined), 5_000))
		]);
		if (ms === undefined) {
			// The last step has no next one when the player has no disabled state: start over.
			if (++restarts > stepSamples) throw new Error(`step ${next} never appeared`);
			await open();
			continue;
		}
		samples.push(ms);
	}
	await context.close();
	if (errors.length) throw new Error(`the flow page threw: ${errors.join('; ')}`);
	samples.sort((a, b) => a - b);
	const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
	return { median: at(0.5), p90: at(0.9), max: samples.at(-1), count: samples.length, restarts };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse (mobile, its defaults), the median of `runs` runs per category

async function measureLighthouse(url) {
	const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
	try {
		const results = [];
		for (let i = 0; i < runs; i++) {
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']
			});
			if (!result) throw new Error('Lighthouse returned no result');
			const { categories, runtimeError } = result.lhr;
			if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
			const metric = (id) => result.lhr.audits[id]?.numericValue ?? NaN;
			results.push({
				metrics: {
					FCP: metric('first-contentful-paint'),
					LCP: metric('largest-contentful-paint'),
					TBT: metric('total-blocking-time'),
					CLS: metric('cumulative-layout-shift'),
					SI: metric('speed-index'),
					// Where the main thread went, for a performance score under budget
					longTasks: (result.lhr.audits['long-tasks']?.details?.items ?? [])
						.slice(0, 3)
						.map((t) => `${Math.round(t.duration)} ms in ${shortUrl(t.url)}`)
				},
				scores: Object.fromEntries(
					Object.entries(categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])
				),
				failing: Object.values(categories).flatMap((c) =>
					c.id === 'performance'
						? []
						: c.auditRefs
								.filter((r) => r.weight > 0 && (result.lhr.audits[r.id]?.score ?? 1) < 1)
								.map((r) => `${c.id}: ${r.id}`)
				)
			});
		}
		const median = (id) => {
			const values = results.map((r) => r.scores[id]).sort((a, b) => a - b);
			return values[Math.floor(values.length / 2)];
		};
		const byPerformance = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
		return {
			scores: Object.fromEntries(Object.keys(results[0].scores).map((id) => [id, median(id)])),
			metrics: byPerformance[Math.floor(byPerformance.length / 2)].metrics,
			failing: [...new Set(results.flatMap((r) => r.failing))]
		};
	} finally {
		await chrome.kill();
	}
}

// ---------------------------------------------------------------------------------------------

const shortUrl = (url = '') => url.replace(/^https?:\/\/[^/]+\//, '/') || '(page)';
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value) => `${Math.round(value)} ms`;

async function main() {
	if (!existsSync(join(buildDir, 'index.html'))) {
		console.error(`No ${buildDir}/index.html: run \`npm run build\` first.`);
		return 1;
	}
	const server = await startStaticServer({ root: buildDir, port: 0 });
	const browser = await chromium.launch({
		executablePath: chromePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync']
	});
	const rows = [];
	const problems = [];
	try {
		for (const page of selected) {
			const url = new URL(page.path, server.url).href;
			const row = { page: `${page.name} (/${page.path})` };
			rows.push(row);
			const files = firstLoad(page.path);
			if (!files) {
				problems.push(`${page.name}: ${page.path || '/'} is not in ${buildDir}/ (not built yet?)`);
				continue;
			}
			process.stderr.write(`measuring ${url}\n`);
			Object.assign(row, files);
			if (page.flow && files.jsGzip > budgets.flowJsGzip)
				problems.push(
					`${page.name}: first-load JS ${kB(files.jsGzip)} > ${kB(budgets.flowJsGzip)}`
				);

			const transfer = await measureTransfer(browser, url);
			Object.assign(row, { transfer: transfer.bytes, requests: transfer.requests });
			if (transfer.status !== 200) problems.push(`${page.name}: HTTP ${transfer.status}`);
			if (transfer.failed) problems.push(`${page.name}: ${transfer.failed} request(s) failed`);

			if (withLighthouse) {
				const lh = await measureLighthouse(url);
				Object.assign(row, lh.scores);
				for (const id of ['performance', 'accessibility', 'best-practices', 'seo'])
					if (lh.scores[id] < budgets[id])
						problems.push(`${page.name}: Lighthouse ${id} ${lh.scores[id]} < ${budgets[id]}`);
				if (lh.failing.length) row.failing = lh.failing;
				row.metrics = lh.metrics;
			}

			if (page.flow) {
				try {
					const steps = await measureSteps(browser, url);
					Object.assign(row, { step: steps });
					if (steps.median > budgets.stepMedianMs)
						problems.push(
							`${page.name}: median step ${steps.median.toFixed(1)} ms > ${budgets.stepMedianMs} ms`
						);
				} catch (error) {
					problems.push(`${page.name}: step timing failed: ${error.message}`);
				}
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}

	printTable(rows);
	console.log(
		`\nBudgets: flow first-load JS ≤ ${kB(budgets.flowJsGzip)} gzip; Lighthouse mobile ` +
			`performance ≥ ${budgets.performance}, accessibility/best-practices/SEO = 100; ` +
			`median step ≤ ${budgets.stepMedianMs} ms.` +
			(withLighthouse ? ` Lighthouse: median of ${runs} run(s).` : ' Lighthouse skipped.')
	);
	for (const row of rows) {
		const m = row.metrics;
		if (m)
			console.log(
				`  ${row.page}: FCP ${ms(m.FCP)}, LCP ${ms(m.LCP)}, TBT ${ms(m.TBT)}, ` +
					`CLS ${m.CLS.toFixed(3)}, Speed Index ${ms(m.SI)} (simulated slow 4G, 4x CPU slowdown)`
			);
		for (const audit of row.failing ?? []) console.log(`  ${row.page}: failing audit ${audit}`);
		if (row.performance < budgets.performance && m?.longTasks?.length)
			console.log(`  ${row.page}: longest main-thread tasks: ${m.longTasks.join('; ')}`);
	}
	if (problems.length) {
		console.log(`\nOVER BUDGET or not measured:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
		return 1;
	}
	console.log('\nAll budgets met.');
	return 0;
}

function printTable(rows) {
	const columns = [
		['page', (r) => r.page],
		['JS gzip', (r) => (r.jsGzip === undefined ? '—' : `${kB(r.jsGzip)} (${r.scripts} files)`)],
		['CSS gzip', (r) => (r.cssGzip === undefined ? '—' : kB(r.cssGzip))],
		['transfer', (r) => (r.transfer === undefined ? '—' : `${kB(r.transfer)} (${r.requests} req)`)],
		['perf', (r) => r.performance ?? '—'],
		['a11y', (r) => r.accessibility ?? '—'],
		['best pr.', (r) => r['best-practices'] ?? '—'],
		['SEO', (r) => r.seo ?? '—'],
		[
			'step median / p90 / max',
			(r) =>
				r.step
					? `${r.step.median.toFixed(1)} / ${r.step.p90.toFixed(1)} / ${r.step.max.toFixed(1)} ms (n=${r.step.count})`
					: '—'
		]
	];
	const cells = rows.map((r) => columns.map(([, get]) => String(get(r))));
	const widths = columns.map(([title], i) =>
		Math.max(title.length, ...cells.map((c) => c[i].length))
	);
	const line = (values) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
	console.log(`\n${line(columns.map(([title]) => title))}`);
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const c of cells) console.log(line(c));
}

process.exitCode = await main().catch((error) => {
	console.error(error);
	return 1;
});
// Lighthouse and Chromium sometimes leave handles open; the report is printed, so leave now.
process.exit(process.exitCode);
