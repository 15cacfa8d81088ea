import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

/**
 * End-to-end tests run against the real static output (`npm run build` → build/, and
 * `npm run build:sub-path` → build-course/ served under /course/), each behind the
 * dependency-free server in scripts/serve-static.mjs. Chromium is Debian's; browsers are never
 * downloaded here.
 */

const ci = Boolean(process.env.CI);
const subPathDir = 'build-course';
const subPathBase = '/course';

/** A port nobody listens on right now, so parallel runs in one tree do not collide. */
async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

// Chosen once in the runner; worker processes inherit the environment and so agree on the ports.
process.env.E2E_PORT ??= String(await freePort());
if (!process.env.E2E_SUB_PATH_PORT) {
	let port = await freePort();
	while (String(port) === process.env.E2E_PORT) port = await freePort();
	process.env.E2E_SUB_PATH_PORT = String(port);
}
const port = Number(process.env.E2E_PORT);
const subPathPort = Number(process.env.E2E_SUB_PATH_PORT);

// `npm test` always builds the sub-path copy; a local `npx playwright test` after a plain
// `npm run build` runs the root project only (in CI a missing copy is an error, not a skip).
const withSubPath = ci || existsSync(subPathDir);
if (!withSubPath && !process.env.TEST_WORKER_INDEX)
	console.warn(
		`[playwright] ${subPathDir}/ not found: skipping the sub-path project (npm run build:sub-path)`
	);

const chromium = {
	browserName: 'chromium' as const,
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	}
};

const webServer: NonNullable<PlaywrightTestConfig['webServer']> = [
	{
		command: 'node scripts/serve-static.mjs',
		url: `http://127.0.0.1:${port}/`,
		env: { PORT: String(port), BUILD_DIR: 'build', BASE_PATH: '' },
		// A server left over from an older build would serve chunks this build no longer has.
		reuseExistingServer: false,
		timeout: 15_000
	}
];
const projects: NonNullable<PlaywrightTestConfig['projects']> = [
	{
		name: 'site',
		grepInvert: /@sub-path/,
		use: { ...chromium, baseURL: `http://127.0.0.1:${port}/` }
	}
];
if (withSubPath) {
	webServer.push({
		command: 'node scripts/serve-static.mjs',
		url: `http://127.0.0.1:${subPathPort}${subPathBase}/`,
		env: { PORT: String(subPathPort), BUILD_DIR: subPathDir, BASE_PATH: subPathBase },
		reuseExistingServer: false,
		timeout: 15_000
	});
	projects.push({
		name: 'sub-path',
		grep: /@sub-path/,
		use: { ...chromium, baseURL: `http://127.0.0.1:${subPathPort}${subPathBase}/` }
	});
}

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	workers: 2,
	forbidOnly: ci,
	retries: ci ? 1 : 0,
	timeout: 30_000,
	expect: { timeout: 5_000 },
	reporter: ci ? [['list'], ['github']] : 'list',
	use: {
		actionTimeout: 10_000,
		navigationTimeout: 15_000,
		trace: 'on-first-retry',
		screenshot: 'only-on-failure'
	},
	webServer,
	projects
});
