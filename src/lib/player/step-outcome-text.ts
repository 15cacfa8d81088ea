import { outcomeText } from '$lib/cloud/wire/read-outcome';
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
	const failed = step.exchanges.findLast((e) => !e.outcome.ok);
	if (!failed) return 'Failed.';
	const detail = outcomeText(failed.outcome);
	const text = `Failed: ${failed.outcome.status}${detail ? ` ${detail}` : ''}`;
	return text.endsWith('.') ? text : `${text}.`;
}
