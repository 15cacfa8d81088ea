import type { Exchange } from '$lib/cloud';

/** What the dashed return arrow says about a response. */
export interface ResponseSummary {
	/** Short text for the arrow: `200 OK`, `200 PASSWORD_VERIFIER`, `400 NotAuthorizedException`. */
	text: string;
	kind: 'ok' | 'challenge' | 'error';
	/** For an error, the service's message, when it gave one. */
	message?: string;
}

/**
 * A response as a developer would glance at it: the status, and then the one name that matters,
 * from the outcome the network read (the challenge the pool asks for next, or the error's code),
 * else the reason phrase.
 *
 * @example responseSummary({ outcome: { ok: false, status: 400, code: 'NotAuthorizedException', message: null }, response })
 * // -> { text: '400 NotAuthorizedException', kind: 'error' }
 */
export function responseSummary(exchange: Pick<Exchange, 'outcome' | 'response'>): ResponseSummary {
	const { outcome, response } = exchange;
	const name = outcome.code ?? (response.statusText || (outcome.ok ? 'OK' : ''));
	const text = name ? `${outcome.status} ${name}` : String(outcome.status);
	if (!outcome.ok)
		return { text, kind: 'error', ...(outcome.message !== null && { message: outcome.message }) };
	return { text, kind: outcome.code ? 'challenge' : 'ok' };
}
