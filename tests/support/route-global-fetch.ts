import type { CloudFetch } from '$lib/cloud';

/**
 * Points `globalThis.fetch` at the cloud (amazon-cognito-identity-js calls the global fetch on
 * every request) and returns the function that restores the real one. Anything the cloud does
 * not serve rejects, as a failed DNS look-up would: tests never reach the network.
 */
export function routeGlobalFetch(fetch: CloudFetch): () => void {
	const original = globalThis.fetch;
	globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
		fetch(input, init)) as typeof globalThis.fetch;
	return () => {
		globalThis.fetch = original;
	};
}
