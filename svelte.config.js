import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// src/hooks.server.ts puts this script inline in every page's <head>; the policy allows exactly it.
const themeBoot = readFileSync(new URL('./src/lib/ui/theme-boot.js', import.meta.url), 'utf8');
const themeBootHash = `sha256-${createHash('sha256').update(themeBoot).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'] })],
	compilerOptions: {
		// mdsvex emits legacy `$$props`, so lessons stay in legacy mode; everything we write uses runes.
		runes: ({ filename }) =>
			filename.includes('node_modules') || filename.endsWith('.md') ? undefined : true
	},
	kit: {
		// BUILD_DIR lets the test run build a second copy under a sub-path (build-course/) beside build/.
		adapter: adapter({
			pages: process.env.BUILD_DIR || 'build',
			assets: process.env.BUILD_DIR || 'build',
			strict: true
		}),
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		// Small pages' CSS goes inline so the first paint waits on no stylesheet request.
		inlineStyleThreshold: 24 * 1024,
		prerender: { entries: ['*'], handleHttpError: 'fail' },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', themeBootHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
