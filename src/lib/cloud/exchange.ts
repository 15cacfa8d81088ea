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
	/** Simulated time (epoch ms) when the request was sent. */
	at: number;
}
