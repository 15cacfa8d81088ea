import type { CloudFetch } from '$lib/cloud';
import { backEndHost } from '$lib/cloud/back-end/back-end-host';
import { DeveloperFlowError } from './developer-flow-error';

/** The back end's routes this flow calls. */
export type BackEndRoute = '/sign-in' | '/identity-token';

/**
 * One call to the app's own back end: `POST https://api.example.com<route>` with a JSON body, as
 * any single-page app calls its API. Resolves with the parsed body of a 2xx answer; rejects with
 * `DeveloperFlowError` carrying the back end's `error` code and `message`.
 *
 * @example await callBackEnd(fetch, '/sign-in', { username: 'alice', password: '…' })
 */
export async function callBackEnd<T>(
	fetch: CloudFetch,
	route: BackEndRoute,
	body: Record<string, unknown>,
	session?: string
): Promise<T> {
	const response = await fetch(`https://${backEndHost}${route}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			...(session !== undefined && { Authorization: `Bearer ${session}` })
		},
		body: JSON.stringify(body)
	});
	const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	if (response.ok) return data as T;
	throw new DeveloperFlowError(
		typeof data.error === 'string' ? data.error : `HTTP ${response.status}`,
		typeof data.message === 'string' ? data.message : response.statusText,
		response.status
	);
}
