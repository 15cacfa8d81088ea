import { outcomeText } from '$lib/cloud/wire/read-outcome';
import type { FlowRun, FlowRunStep } from '$lib/flows';

/**
 * The service's own words for a failed step, `code: message`, as the SDKs surface them: the run's
 * error for the step that ended it, otherwise the step's last failed exchange.
 *
 * @example errorText(run, step) // -> 'NotAuthorizedException: Invalid Access Token'
 */
export function errorText(run: FlowRun, step: FlowRunStep): string | null {
	const last = run.steps.at(-1);
	if (run.status === 'failed' && run.error && last?.index === step.index) return run.error;
	const failed = step.exchanges.findLast((e) => !e.outcome.ok);
	if (!failed) return null;
	const { status, statusText } = failed.response;
	return outcomeText(failed.outcome) ?? `HTTP ${status} ${statusText}`.trim();
}
