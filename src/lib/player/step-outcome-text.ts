import type { FlowRunStep } from '$lib/flows/types';

/**
 * How a step ended, in words, for the text equivalent of the diagram and the live announcement:
 * the service's own error type and message for a failed step, never just a colour.
 *
 * @example stepOutcomeText(step)
 * // -> 'Failed: 400 NotAuthorizedException: Incorrect username or password.'
 */
export function stepOutcomeText(step: FlowRunStep): string {
	if (step.outcome === 'ok') return 'Succeeded.';
	const failed = step.exchanges.findLast((e) => e.response.status >= 400);
	if (!failed) return 'Failed.';
	const detail = errorOf(failed.response.body);
	const text = `Failed: ${failed.response.status}${detail ? ` ${detail}` : ''}`;
	return text.endsWith('.') ? text : `${text}.`;
}

function errorOf(body: string): string | undefined {
	try {
		const json = JSON.parse(body) as Record<string, unknown>;
		const type = typeof json.__type === 'string' ? json.__type : json.error;
		const message = json.message ?? json.Message ?? json.error_description;
		if (typeof type !== 'string') return undefined;
		const name = type.slice(type.lastIndexOf('#') + 1);
		return typeof message === 'string' ? `${name}: ${message}` : name;
	} catch {
		return undefined;
	}
}
