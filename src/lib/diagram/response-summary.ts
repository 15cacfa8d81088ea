import type { RecordedResponse } from '$lib/cloud';

/** What the dashed return arrow says about a response. */
export interface ResponseSummary {
	/** Short text for the arrow: `200 OK`, `200 PASSWORD_VERIFIER`, `400 NotAuthorizedException`. */
	text: string;
	kind: 'ok' | 'challenge' | 'error';
	/** For an error, the service's message, when it gave one. */
	message?: string;
}

/**
 * Reads a recorded response the way a developer would glance at it: the status, and then the one
 * name that matters — the challenge the pool asks for next, or the error type (AWS JSON `__type`,
 * OAuth `error`). An HTTP status of 400 or more is always an error, whatever the body says.
 *
 * @example responseSummary({ status: 400, body: '{"__type":"NotAuthorizedException"}', ... })
 * // -> { text: '400 NotAuthorizedException', kind: 'error' }
 */
export function responseSummary(response: RecordedResponse): ResponseSummary {
	const body = parseJsonObject(response.body);
	const errorType = stringField(body, '__type') ?? stringField(body, 'error');
	if (response.status >= 400 || errorType) {
		// AWS JSON error types may carry a namespace (`com.amazonaws...#NotAuthorizedException`).
		const name = errorType?.slice(errorType.lastIndexOf('#') + 1) ?? response.statusText;
		const message =
			stringField(body, 'message') ??
			stringField(body, 'Message') ??
			stringField(body, 'error_description');
		const summary: ResponseSummary = { text: join(response.status, name), kind: 'error' };
		if (message) summary.message = message;
		return summary;
	}
	const challenge = stringField(body, 'ChallengeName');
	if (challenge) return { text: join(response.status, challenge), kind: 'challenge' };
	return { text: join(response.status, response.statusText || 'OK'), kind: 'ok' };
}

function join(status: number, name: string | undefined): string {
	return name ? `${status} ${name}` : String(status);
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
	if (!text.startsWith('{')) return undefined;
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value !== 'object' || value === null) return undefined;
		return value as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

function stringField(body: Record<string, unknown> | undefined, key: string): string | undefined {
	const value = body?.[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}
