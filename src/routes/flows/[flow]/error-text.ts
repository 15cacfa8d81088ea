import type { FlowRun, FlowRunStep } from '$lib/flows';

/**
 * The service's own words for a failed step, `__type: message`, as the SDKs surface them: the
 * run's error for the step that ended it, otherwise the step's last error response.
 *
 * @example errorText(run, step) // -> 'NotAuthorizedException: Invalid Access Token'
 */
export function errorText(run: FlowRun, step: FlowRunStep): string | null {
	const last = run.steps.at(-1);
	if (run.status === 'failed' && run.error && last?.index === step.index) return run.error;
	const response = step.exchanges.findLast((e) => e.response.status >= 400)?.response;
	if (!response) return null;
	try {
		const body = JSON.parse(response.body) as Record<string, unknown>;
		const type = body.__type ?? body.error;
		const message = body.message ?? body.Message ?? body.error_description;
		if (typeof type !== 'string') return `HTTP ${response.status}`;
		return typeof message === 'string' ? `${type}: ${message}` : type;
	} catch {
		return `HTTP ${response.status} ${response.statusText}`.trim();
	}
}
