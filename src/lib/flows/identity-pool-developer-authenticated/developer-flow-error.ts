/** How a refused call ends a run: the service's own error type and message. */
export interface DeveloperFlowFailure {
	__type: string;
	message: string;
	status: number;
}

/**
 * A refusal from a service the flow called (AWS JSON, STS XML, S3 XML or the back end's JSON),
 * read into one shape so the run can name it (`NotAuthorizedException: ...`).
 */
export class DeveloperFlowError extends Error {
	override readonly name = 'DeveloperFlowError';
	constructor(
		readonly type: string,
		message: string,
		readonly status: number
	) {
		super(message);
	}
}

/** The failure a rejected step actor leaves in the context. */
export function toDeveloperFlowFailure(error: unknown): DeveloperFlowFailure {
	if (error instanceof DeveloperFlowError)
		return { __type: error.type, message: error.message, status: error.status };
	const message = error instanceof Error ? error.message : String(error);
	return { __type: 'ClientError', message, status: 0 };
}
