#!/usr/bin/env node
/**
 * Builds a second copy of the site into build-course/ as if it were hosted under /course/ (a
 * GitHub Pages project site, a folder on a course server). The e2e `sub-path` project serves it to
 * prove that no page, link or asset assumes the site sits at the root of its host.
 *
 * Environment: BASE_PATH (default /course), BUILD_DIR (default build-course).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const basePath = process.env.BASE_PATH || '/course';
const buildDir = process.env.BUILD_DIR || 'build-course';
const viteRoot = dirname(createRequire(import.meta.url).resolve('vite/package.json'));
const vite = join(viteRoot, 'bin/vite.js');

console.log(`Building the site under ${basePath}/ into ${buildDir}/`);
const result = spawnSync(process.execPath, [vite, 'build'], {
	stdio: 'inherit',
	env: { ...process.env, BASE_PATH: basePath, BUILD_DIR: buildDir }
});
if (result.status !== 0) process.exit(result.status ?? 1);
// A build artefact, never committed; the server refuses dot-files, so this is never served.
writeFileSync(join(buildDir, '.gitignore'), '*\n');
