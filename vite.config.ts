import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Lessons live in content/ beside src/, so the dev server must be allowed to serve them.
	server: { fs: { allow: ['content'] } },
	// The run worker is a module worker, so it can import each service on first use (a flow that
	// never calls S3 never downloads S3); the default iife format would inline every lazy import.
	worker: { format: 'es' },
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							// Every page needs the Svelte and Kit runtimes and the bundler's helpers: one chunk
							// for them, not a dozen requests of a few hundred bytes each on a slow phone.
							name: 'runtime',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|clsx|esm-env)[\\/]|vite[\\/]preload-helper/
						},
						{
							// The flow catalogue (definitions, the default scenario's demo users) is shared by
							// the page and the runner it can fall back to: one chunk, not one per module.
							name: 'catalogue',
							test: /src[\\/]lib[\\/](flows[\\/](index|registry|demo-users|[^\\/]+[\\/]definition)|cloud[\\/]scenario[\\/]default-scenario)\.ts$/
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
