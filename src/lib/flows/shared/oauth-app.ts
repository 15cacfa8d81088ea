import * as oauth from 'oauth4webapi';
import type { CloudFetch } from '$lib/cloud';
import { readOutcome, type WireResponse } from '$lib/cloud/wire';
import { SignInRefusal, type FederationFailure } from './oauth-refusal';

/** oauth4webapi's options for the app's requests: sent through the simulated network. */
export function appRequestOptions(input: { fetch: CloudFetch }) {
	return { [oauth.customFetch]: (url: string, init: RequestInit) => input.fetch(url, init) };
}

/**
 * The app's client for oauth4webapi, with the simulated clock: oauth4webapi checks `iat` and `exp`
 * against its own clock, which a learner's "+1 hour" moves away from the host's.
 */
export function appClient(input: { client: oauth.Client; now: () => number }): oauth.Client {
	return {
		...input.client,
		[oauth.clockSkew]: Math.round((input.now() - Date.now()) / 1000)
	};
}

/**
 * The refusal a page states: managed login's error page when there is nowhere safe to redirect
 * (`redirect_mismatch: …`), read by the one outcome reader as the diagram reads it.
 */
export function pageRefusal(
	service: FederationFailure['service'],
	response: WireResponse
): SignInRefusal {
	const outcome = readOutcome(response);
	return new SignInRefusal({
		service,
		code: outcome.code ?? `HTTP ${response.status}`,
		message: outcome.message ?? '',
		status: response.status
	});
}
