import type { Outcome } from './wire/read-outcome';
/**
 * One request/response pair as it crossed the simulated network. Plain, serialisable data: the
 * diagram, the inspector and the lesson consume only this, never the cloud itself.
 */
export type ActorId =
	| 'learner'
	| 'app'
	| 'back-end'
	| 'user-pool'
	| 'managed-login'
	| 'identity-pool'
	| 'sts'
	| 's3'
	| 'ssm'
	| 'api-gateway'
	| 'external-idp'
	| 'attacker'
	| (string & {});

export interface RecordedRequest {
	method: string;
	url: string;
	/** Header names in lower case, in the order the request carried them. */
	headers: [name: string, value: string][];
	body: string;
}

export interface RecordedResponse {
	status: number;
	statusText: string;
	headers: [name: string, value: string][];
	body: string;
}

export interface Exchange {
	/** 1-based, in the order the network saw them. */
	id: number;
	from: ActorId;
	to: ActorId;
	/** Short label for the arrow: the AWS operation (`InitiateAuth`) or `METHOD /path`. */
	label: string;
	request: RecordedRequest;
	response: RecordedResponse;
	/** How it ended, read from the whole response (`readOutcome`): captions, diagram and inspector show this. */
	outcome: Outcome;
	/** Simulated time (epoch ms) when the request was sent. */
	at: number;
	/** For a call a service made while answering another exchange: that exchange's id. */
	parent?: number;
	/**
	 * How the service reached its answer, step by step, in its own terms (the SigV4 checks, the
	 * IAM statements it evaluated, the token checks), for the inspector. Absent when it said
	 * nothing beyond the response.
	 */
	explanations?: Explanation[];
}

/**
 * One decision a service explains: a titled list of labelled checks, each with the value it
 * looked at and how it went. Plain data, so any service can explain anything and the inspector
 * shows them all the same way.
 *
 * @example { kind: 'sigv4', title: 'Signature Version 4', verdict: 'fail', checks: [
 *   { label: 'Canonical request', value: 'GET\n/notes.txt\n...', verdict: 'pass' },
 *   { label: 'Signature', value: 'expected 3f2a…, received 9b1c…', verdict: 'fail' }] }
 */
export interface Explanation {
	/** What kind of decision: `sigv4`, `trust-policy`, `permissions`, `token`, `role-selection`... */
	kind: string;
	title: string;
	verdict: 'pass' | 'fail';
	checks: ExplanationCheck[];
}

export interface ExplanationCheck {
	label: string;
	/** What was looked at, shown as preformatted text (a canonical request keeps its newlines). */
	value: string;
	verdict?: 'pass' | 'fail' | 'skip';
	/** One sentence on why, e.g. which statement decided. */
	note?: string;
}
