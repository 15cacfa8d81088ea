import { AwsQueryError } from '$lib/cloud/wire';
import type { BasicFlowFailure } from './basic-flow-types';

/**
 * Any rejection of a step's actor as the plain failure the machine stores. The wire module's
 * client helpers reject with the protocol's own error code (`<Code>` of a Query error, `type` of
 * an AWS JSON one), its message and the HTTP status; anything else is the app's own error.
 *
 * @example toBasicFlowFailure(error, 'sts') // { source: 'sts', code: 'AccessDenied', message: '…', status: 403 }
 */
export function toBasicFlowFailure(
	error: unknown,
	source: BasicFlowFailure['source']
): BasicFlowFailure {
	// A Query error's `type` is `Sender`/`Receiver`; its code is `<Code>`
	if (error instanceof AwsQueryError)
		return { source, code: error.code, message: error.message, status: error.status };
	if (typeof error === 'object' && error !== null) {
		const e = error as Record<string, unknown>;
		const code = text(e.type) ?? text(e.code);
		const status = typeof e.status === 'number' ? e.status : undefined;
		if (code && status !== undefined)
			return {
				source,
				code,
				message: text(e.serviceMessage) ?? text(e.message) ?? '',
				status
			};
	}
	if (error instanceof Error) return { source: 'app', code: error.name, message: error.message };
	return { source: 'app', code: 'Error', message: String(error) };
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Runs one call of the flow; a rejection becomes the plain failure, naming who refused.
 *
 * @example await refusedBy('sts', () => callAwsQuery(fetch, url, action, params))
 */
export async function refusedBy<T>(
	source: BasicFlowFailure['source'],
	call: () => Promise<T>
): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw toBasicFlowFailure(error, source);
	}
}

/** What a step's error event carries, as a failure (an actor's own bug is the app's failure). */
export function asBasicFlowFailure(error: unknown): BasicFlowFailure {
	if (isFailure(error)) return error;
	return toBasicFlowFailure(error, 'app');
}

function isFailure(value: unknown): value is BasicFlowFailure {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		typeof v.source === 'string' && typeof v.code === 'string' && typeof v.message === 'string'
	);
}
