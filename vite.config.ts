import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Lessons live in content/ beside src/, so the dev server must be allowed to serve them.
	server: { fs: { allow: ['content'] } },
	// The run worker is a module worker, so a flow downloads only the services it calls; the
	// default iife format would inline every lazy import. It arrives with the learner's first press,
	// in a few chunks rather than twenty: on a slow phone each request is a round trip, and the
	// worker discovers its imports one level at a time.
	worker: {
		format: 'es',
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							// What every run needs: the machine runtime, JOSE, the network and the user pool.
							name: 'run-core',
							test: /node_modules[\\/](xstate|jose)[\\/]|src[\\/]lib[\\/](crypto|inspector|flows[\\/](shared[\\/](?!flow-browser|google-sign-in|oauth-|saml-idp-sign-in)|run-machine|registry|actors|demo-users|index)|cloud[\\/](?!identity-pool|sts|iam|s3|ssm|back-end|sigv4|managed-login|social-provider|oauth|browser|saml[\\/]|saml-idp[\\/])[^\\/]+)/
						},
						{
							// Managed login, the social provider, the SAML IdP (and the SAML both sides speak),
							// the browser that visits them and the app's OIDC client: only the federation flows
							// load it.
							name: 'federation',
							test: /node_modules[\\/]oauth4webapi[\\/]|src[\\/]lib[\\/](cloud[\\/](managed-login|social-provider|saml|saml-idp|oauth|browser)[\\/]|flows[\\/]shared[\\/](flow-browser|google-sign-in|oauth-|saml-idp-sign-in))/
						},
						{
							// The AWS side of the identity-pool flows, XML and SigV4 included.
							name: 'aws-services',
							test: /node_modules[\\/](fast-xml-parser|strnum|aws4fetch)[\\/]|src[\\/]lib[\\/]cloud[\\/](identity-pool|sts|iam|s3|ssm|back-end|sigv4)[\\/]/
						}
					]
				}
			}
		}
	},
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
