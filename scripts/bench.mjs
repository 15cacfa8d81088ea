#!/usr/bin/env node
/**
 * The performance budgets of DESIGN.md and issue 6, measured on the built site (`npm run build`
 * first), for the home page and every flow page in build/flows/, beside a bare static page served
 * by the same server in the same rounds:
 *
 *   - requests and JavaScript, counted at the server: every response it sent from the navigation
 *     until two seconds after the network went idle (worker, lazy chunks and favicon included), in
 *     a phone-sized and a desktop-sized window; JavaScript is the gzip bytes actually sent, and the
 *     part sent before the load event is reported apart;
 *   - Lighthouse mobile (its defaults: simulated slow 4G, 4x CPU slowdown): performance, TBT, LCP,
 *     accessibility, best practices, SEO; the median of `--runs` rounds, pages interleaved so the
 *     machine's load falls on every page alike;
 *   - on a flow page, what the first press brings: a plain visit hydrates nothing until someone
 *     reaches for the page and sends nothing until the learner presses "Send the first request",
 *     so the simulated cloud, its worker and their chunks are counted apart (requests, JavaScript,
 *     and the time from the press, hydration included, until the first step is on screen);
 *   - on a flow page, the time from pressing "Next step" to the next message being on screen: at a
 *     reader's pace (each press once the previous arrows have landed; the budget), and for rapid
 *     presses that interrupt an arrow still travelling (reported beside it).
 *
 * Each page is also printed as a ratio to the bare page of the same rounds, so a noisy machine
 * shows up as noise (the bare page slows too) and not as a regression.
 *
 * Usage: npm run bench [-- --only=home|<flow id>] [--runs=5] [--steps=40] [--no-lighthouse]
 * Environment: BUILD_DIR (default build), CHROMIUM_PATH (default /usr/bin/chromium).
 * Exits 1 when any budget is missed or a page cannot be measured.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startStaticServer } from './serve-static.mjs';

const budgets = {
	performance: 98,
	accessibility: 100,
	'best-practices': 100,
	seo: 100,
	tbtMs: 100,
	lcpMs: 1600,
	requests: 15,
	jsGzip: 100 * 1000,
	jsGzipBeforeLoad: 60 * 1000,
	stepMedianMs: 16
};

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [key, value = 'true'] = a.replace(/^--/, '').split('=');
		return [key, value];
	})
);
const buildDir = process.env.BUILD_DIR || 'build';
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rounds = Math.max(1, Number(args.runs ?? 5));
const stepSamples = Math.max(5, Number(args.steps ?? 40));
const withLighthouse = args['no-lighthouse'] === undefined;
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
/** Lighthouse's mobile emulation (Moto G Power) and a laptop window. */
const windows = {
	phone: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true },
	desktop: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 }
};
const idleMs = 500;
const afterIdleMs = 2000;

/** Every flow page the build has, found on disk: the bench names no flow itself. */
function pagesOf(root) {
	const flowsDir = join(root, 'flows');
	const flows = existsSync(flowsDir)
		? readdirSync(flowsDir, { withFileTypes: true })
				.filter((d) => d.isDirectory() && existsSync(join(flowsDir, d.name, 'index.html')))
				.map((d) => ({ name: d.name, path: `flows/${d.name}/`, flow: true }))
		: [];
	return [{ name: 'home', path: '', flow: false }, ...flows];
}

/** A plain article with no script and no stylesheet: what a static page costs on this machine. */
function writeBarePage() {
	const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
	const paragraphs = Array.from(
		{ length: 12 },
		(_, i) =>
			`<p>Paragraph ${i + 1}. A user pool signs users in and issues tokens; an identity pool ` +
			`trades a token for temporary AWS credentials. This page has no script at all.</p>`
	).join('\n');
	writeFileSync(
		join(dir, 'index.html'),
		`<!doctype html><html lang="en"><head><meta charset="utf-8">` +
			`<meta name="viewport" content="width=device-width, initial-scale=1">` +
			`<meta name="description" content="A bare static page, the benchmark's baseline.">` +
			`<link rel="icon" href="favicon.svg" type="image/svg+xml">` +
			`<title>Bare static page</title></head><body><main><h1>A bare static page</h1>` +
			`${paragraphs}</main></body></html>`
	);
	if (existsSync(join(buildDir, 'favicon.svg')))
		copyFileSync(join(buildDir, 'favicon.svg'), join(dir, 'favicon.svg'));
	writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
	return dir;
}

// ---------------------------------------------------------------------------------------------
// Requests and bytes, counted at the server

/** A server that records every response it sends, and whether one is still being served. */
async function countingServer(root) {
	const sent = [];
	const server = await startStaticServer({
		root,
		port: 0,
		onSent: (entry) => sent.push(entry)
	});
	return { ...server, sent };
}

async function measureNetwork(browser, server, path, windowName) {
	const context = await browser.newContext(windows[windowName]);
	const page = await context.newPage();
	const offOrigin = [];
	const origin = new URL(server.url).origin;
	context.on('request', (r) => {
		if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) offOrigin.push(r.url());
	});
	const start = server.sent.length;
	let inFlight = 0;
	let lastActivity = Date.now();
	const onRequest = () => ((inFlight += 1), (lastActivity = Date.now()));
	const onDone = () => ((inFlight = Math.max(0, inFlight - 1)), (lastActivity = Date.now()));
	page.on('request', onRequest);
	page.on('requestfinished', onDone);
	page.on('requestfailed', onDone);
	// Every request goes to the server (no cache), and the DevTools protocol tells which requests
	// the page had started when its load event fired, both on the browser's own clock. Started,
	// not finished: Kit's entry is a dynamic import that does not hold the load event back, so
	// what finishes first is a race; what starts first is what the page asked for up front.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	await cdp.send('Page.enable');
	const urls = new Map();
	const started = [];
	let loadFired = Infinity;
	cdp.on('Network.requestWillBeSent', (e) => {
		urls.set(e.requestId, e.request.url);
		started.push([e.requestId, e.timestamp]);
	});
	cdp.on('Page.loadEventFired', (e) => (loadFired = Math.min(loadFired, e.timestamp)));
	const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
	// Network idle: nothing in flight for `idleMs`; then everything sent in the next two seconds
	// counts too (a worker or a chunk fetched "when idle" is part of the page's cost).
	const settle = async () => {
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < idleMs))
			await new Promise((r) => setTimeout(r, 50));
		await new Promise((r) => setTimeout(r, afterIdleMs));
		// Responses still being written are reported on 'finish'; give the socket a moment.
		await new Promise((r) => setTimeout(r, 100));
	};
	await settle();
	const loaded = server.sent.length;
	// The first press, on a flow page: everything it brings is counted apart, to idle and after.
	let firstRun = null;
	// A plain flow page is an article until someone reaches for it: the press below is the first
	// sign of intent, so its time includes the app's hydration as well as the run.
	if ((await page.locator('.flow-player').count()) > 0) {
		const pressed = Date.now();
		await page.getByRole('button', { name: 'Send the first request' }).click();
		await page
			.locator('.flow-player[data-ready="true"]')
			.waitFor({ state: 'attached', timeout: 60_000 });
		const readyMs = Date.now() - pressed;
		await settle();
		const run = server.sent.slice(loaded);
		const runJs = run.filter((e) => /javascript/.test(e.type));
		firstRun = {
			requests: run.length,
			js: runJs.reduce((n, e) => n + e.bytes, 0),
			jsFiles: runJs.length,
			readyMs
		};
	}
	await context.close();
	const beforeLoad = new Set(
		started
			.filter(([, at]) => at <= loadFired)
			.map(([id]) => urls.get(id))
			.filter(Boolean)
			.map((url) => new URL(url).pathname)
	);
	const entries = server.sent.slice(start, loaded);
	const js = entries.filter((e) => /javascript/.test(e.type));
	const sum = (list) => list.reduce((n, e) => n + e.bytes, 0);
	return {
		status: response?.status() ?? 0,
		requests: entries.length,
		bytes: sum(entries),
		js: sum(js),
		jsBeforeLoad: sum(js.filter((e) => beforeLoad.has(e.path))),
		jsFiles: js.length,
		failed: server.sent
			.slice(start)
			.filter((e) => e.status >= 400)
			.map((e) => `${e.status} ${e.path}`),
		offOrigin,
		firstRun
	};
}

// ---------------------------------------------------------------------------------------------
// Step timing, in Playwright's Chromium

/**
 * Times "Next step" presses. At a reader's pace (`paced`), each press waits until the previous
 * step's arrows have landed (the diagram drops aria-busy) and the page is still, as a learner
 * who reads the arrow before pressing again. Otherwise presses follow each other as fast as the
 * driver can click, so most land while an arrow is still travelling and interrupt it.
 */
async function measureSteps(browser, url, { paced }) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	const open = async () => {
		await page.goto(url);
		await page.getByRole('button', { name: 'Send the first request' }).click();
		await page
			.locator('.flow-player[data-ready="true"]')
			.waitFor({ state: 'attached', timeout: 60_000 });
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
		if (!(await nextButton.first().isEnabled())) {
			if (++restarts > stepSamples) throw new Error('"Next step" never became enabled');
			await open();
			continue;
		}
		const next = from + 1;
		if (paced) {
			await page
				.locator('svg[data-current-step]:not([aria-busy="true"])')
				.first()
				.waitFor({ state: 'attached', timeout: 10_000 });
			await page.waitForTimeout(150);
		}
		// The stopwatch runs in the page: from the input event's own timestamp to the first frame
		// after the diagram shows step `next` and its message exists.
		await page.evaluate((next) => {
			window.__benchStep = new Promise((resolve) => {
				let start;
				const onInput = (event) => (start ??= event.timeStamp);
				const types = ['pointerdown', 'mousedown', 'click'];
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
		await nextButton.first().click();
		const ms = await Promise.race([
			page.evaluate(() => window.__benchStep),
			new Promise((resolve) => setTimeout(() => resolve(undefined), 5_000))
		]);
		if (ms === undefined) throw new Error(`step ${next} never appeared`);
		samples.push(ms);
	}
	await context.close();
	if (errors.length) throw new Error(`the flow page threw: ${errors.join('; ')}`);
	samples.sort((a, b) => a - b);
	const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
	return { median: at(0.5), p90: at(0.9), max: samples.at(-1), count: samples.length };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse (mobile, its defaults)

async function lighthouseOnce(port, url) {
	const result = await lighthouse(url, {
		port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']
	});
	if (!result) throw new Error('Lighthouse returned no result');
	const { categories, runtimeError, audits } = result.lhr;
	if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
	const metric = (id) => audits[id]?.numericValue ?? NaN;
	return {
		scores: Object.fromEntries(
			Object.entries(categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])
		),
		TBT: metric('total-blocking-time'),
		LCP: metric('largest-contentful-paint'),
		FCP: metric('first-contentful-paint'),
		CLS: metric('cumulative-layout-shift'),
		longTasks: (audits['long-tasks']?.details?.items ?? [])
			.slice(0, 3)
			.map((t) => `${Math.round(t.duration)} ms ${shortUrl(t.url)}`),
		failing: Object.values(categories).flatMap((c) =>
			c.id === 'performance'
				? []
				: c.auditRefs
						.filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1)
						.map((r) => `${c.id}: ${r.id}`)
		)
	};
}

// ---------------------------------------------------------------------------------------------

const shortUrl = (url = '') => url.replace(/^https?:\/\/[^/]+\//, '/') || '(page)';
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values) => {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const range = (values) => {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	return sorted.length > 1 ? ` (${fmt(sorted[0])}–${fmt(sorted.at(-1))})` : '';
};
const fmt = (n) => (Math.abs(n) >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));

async function main() {
	if (!existsSync(join(buildDir, 'index.html'))) {
		console.error(`No ${buildDir}/index.html: run \`npm run build\` first.`);
		return 1;
	}
	const bareDir = writeBarePage();
	const site = await countingServer(buildDir);
	const bare = await countingServer(bareDir);
	const pages = [
		{ name: 'bare', path: '', server: bare, bare: true },
		...pagesOf(buildDir)
			.filter((p) => !args.only || args.only === p.name)
			.map((p) => ({ ...p, server: site }))
	];
	const rows = new Map(pages.map((p) => [p, { lighthouse: [], network: {} }]));
	const problems = [];
	const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags.slice(1) });
	try {
		for (const page of pages) {
			process.stderr.write(`counting ${page.name}\n`);
			const row = rows.get(page);
			for (const windowName of Object.keys(windows))
				row.network[windowName] = await measureNetwork(browser, page.server, page.path, windowName);
			if (page.flow) {
				try {
					const url = new URL(page.path, site.url).href;
					row.step = await measureSteps(browser, url, { paced: true });
					row.rapidStep = await measureSteps(browser, url, { paced: false });
				} catch (error) {
					problems.push(`${page.name}: step timing failed: ${error.message}`);
				}
			}
		}
		if (withLighthouse) {
			const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
			try {
				for (let round = 1; round <= rounds; round++) {
					process.stderr.write(`Lighthouse round ${round} of ${rounds}\n`);
					for (const page of pages) {
						const url = new URL(page.path, page.server.url).href;
						rows.get(page).lighthouse.push(await lighthouseOnce(chrome.port, url));
					}
				}
			} finally {
				await chrome.kill();
			}
		}
	} finally {
		await browser.close();
		await site.close();
		await bare.close();
		rmSync(bareDir, { recursive: true, force: true });
	}

	// Budgets
	const bareRow = rows.get(pages[0]);
	const bareTbt = median(bareRow.lighthouse.map((r) => r.TBT));
	const bareLcp = median(bareRow.lighthouse.map((r) => r.LCP));
	const table = [];
	for (const page of pages) {
		const row = rows.get(page);
		const lh = row.lighthouse;
		const score = (id) => median(lh.map((r) => r.scores[id]));
		const tbt = median(lh.map((r) => r.TBT));
		const lcp = median(lh.map((r) => r.LCP));
		const worst = (key) => Math.max(...Object.values(row.network).map((n) => n[key]));
		table.push({
			page: page.bare ? 'bare static page' : `${page.name} (/${page.path})`,
			perf: lh.length
				? `${score('performance')}${range(lh.map((r) => r.scores.performance))}`
				: '—',
			tbt: lh.length ? `${fmt(tbt)} ms${range(lh.map((r) => r.TBT))}` : '—',
			lcp: lh.length ? `${(lcp / 1000).toFixed(2)} s${range(lh.map((r) => r.LCP / 1000))}` : '—',
			vsBare:
				lh.length && !page.bare
					? `TBT ${tbt >= bareTbt ? '+' : '−'}${fmt(Math.abs(tbt - bareTbt))} ms, LCP ×${(lcp / bareLcp).toFixed(2)}`
					: '—',
			other: lh.length
				? ['accessibility', 'best-practices', 'seo'].map((id) => score(id)).join(' / ')
				: '—',
			requests: Object.entries(row.network)
				.map(([w, n]) => `${n.requests} ${w}`)
				.join(', '),
			js: Object.entries(row.network)
				.map(([w, n]) => `${kB(n.js)} (${kB(n.jsBeforeLoad)} before load, ${n.jsFiles} files) ${w}`)
				.join('; '),
			firstRun: Object.values(row.network).some((n) => n.firstRun)
				? Object.entries(row.network)
						.map(([w, n]) =>
							n.firstRun
								? `${n.firstRun.requests} req, ${kB(n.firstRun.js)} JS, first step in ${n.firstRun.readyMs} ms ${w}`
								: `— ${w}`
						)
						.join('; ')
				: '—',
			step: row.step
				? `${row.step.median.toFixed(1)} / ${row.step.p90.toFixed(1)} / ${row.step.max.toFixed(1)} ms`
				: '—',
			rapidStep: row.rapidStep
				? `${row.rapidStep.median.toFixed(1)} / ${row.rapidStep.p90.toFixed(1)} ms`
				: '—'
		});
		if (page.bare) continue;
		const name = page.name;
		for (const [w, n] of Object.entries(row.network)) {
			if (n.status !== 200) problems.push(`${name}: HTTP ${n.status} (${w})`);
			if (n.failed.length) problems.push(`${name}: failed requests ${n.failed.join(', ')} (${w})`);
			if (n.offOrigin.length)
				problems.push(`${name}: requests to another origin (${w}): ${n.offOrigin.join(', ')}`);
		}
		if (worst('requests') > budgets.requests)
			problems.push(`${name}: ${worst('requests')} requests > ${budgets.requests}`);
		if (worst('js') > budgets.jsGzip)
			problems.push(`${name}: JavaScript ${kB(worst('js'))} > ${kB(budgets.jsGzip)}`);
		if (worst('jsBeforeLoad') > budgets.jsGzipBeforeLoad)
			problems.push(
				`${name}: JavaScript before load ${kB(worst('jsBeforeLoad'))} > ${kB(budgets.jsGzipBeforeLoad)}`
			);
		if (lh.length) {
			for (const id of ['performance', 'accessibility', 'best-practices', 'seo'])
				if (score(id) < budgets[id])
					problems.push(`${name}: Lighthouse ${id} ${score(id)} < ${budgets[id]}`);
			if (tbt > budgets.tbtMs) problems.push(`${name}: TBT ${fmt(tbt)} ms > ${budgets.tbtMs} ms`);
			if (lcp > budgets.lcpMs) problems.push(`${name}: LCP ${fmt(lcp)} ms > ${budgets.lcpMs} ms`);
		}
		if (row.step && row.step.median > budgets.stepMedianMs)
			problems.push(
				`${name}: median step at a reader's pace ${row.step.median.toFixed(1)} ms > ${budgets.stepMedianMs} ms`
			);
	}

	printTable(table);
	console.log(
		`\nLighthouse mobile, median of ${withLighthouse ? rounds : 0} interleaved round(s) (range in brackets).` +
			` Requests and JavaScript counted at the server until ${afterIdleMs / 1000} s after network idle.` +
			`\nBudgets: performance ≥ ${budgets.performance}, a11y / best practices / SEO = 100, TBT ≤ ${budgets.tbtMs} ms,` +
			` LCP ≤ ${budgets.lcpMs / 1000} s, ≤ ${budgets.requests} requests, JavaScript ≤ ${kB(budgets.jsGzip)} gzip` +
			` (≤ ${kB(budgets.jsGzipBeforeLoad)} before load), median step at a reader's pace ≤ ${budgets.stepMedianMs} ms.`
	);
	for (const page of pages) {
		const lh = rows.get(page).lighthouse;
		const failing = [...new Set(lh.flatMap((r) => r.failing))];
		for (const audit of failing) console.log(`  ${page.name}: failing audit ${audit}`);
		const slowest = [...lh].sort((a, b) => b.TBT - a.TBT)[0];
		if (slowest && slowest.TBT > budgets.tbtMs)
			console.log(
				`  ${page.name}: longest tasks of its slowest run: ${slowest.longTasks.join('; ')}`
			);
	}
	if (problems.length) {
		console.log(`\nOVER BUDGET or not measured:\n${problems.map((p) => `  ✗ ${p}`).join('\n')}`);
		return 1;
	}
	console.log('\nAll budgets met.');
	return 0;
}

function printTable(table) {
	const columns = [
		['page', 'page'],
		['perf', 'perf'],
		['TBT', 'tbt'],
		['LCP', 'lcp'],
		['vs bare', 'vsBare'],
		['a11y / BP / SEO', 'other'],
		['requests', 'requests'],
		['step median / p90 / max', 'step'],
		['rapid presses median / p90', 'rapidStep']
	];
	const cells = table.map((r) => columns.map(([, key]) => String(r[key])));
	const widths = columns.map(([title], i) =>
		Math.max(title.length, ...cells.map((c) => c[i].length))
	);
	const line = (values) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
	console.log(`\n${line(columns.map(([title]) => title))}`);
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const c of cells) console.log(line(c));
	console.log('\nJavaScript (gzip, as sent):');
	for (const r of table) console.log(`  ${r.page}: ${r.js}`);
	console.log(
		'\nWhat the first press brings (the simulated cloud and its worker; not part of the page load):'
	);
	for (const r of table) if (r.firstRun !== '—') console.log(`  ${r.page}: ${r.firstRun}`);
}

process.exitCode = await main().catch((error) => {
	console.error(error);
	return 1;
});
// Lighthouse and Chromium sometimes leave handles open; the report is printed, so leave now.
process.exit(process.exitCode);
