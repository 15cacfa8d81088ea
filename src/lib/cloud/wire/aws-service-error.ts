/**
 * An error an AWS service answers with: `type` becomes `__type` and `x-amzn-ErrorType`, the
 * message the body's `message`. Thrown by models and operations, turned into a response only by
 * `awsJsonErrorResponse`, so a learner's mistake never escapes as an exception.
 *
 * Status: real user-pool responses are 400 for every client error seen so far, whatever the
 * Smithy model says (cognito.md §3.1), so 400 is the default.
 *
 * @example throw new AwsServiceError('NotAuthorizedException', 'Incorrect username or password.');
 */
export class AwsServiceError extends Error {
	override name = 'AwsServiceError';
	/** The message as it goes on the wire; `undefined` means the member is left out. */
	readonly awsMessage: string | undefined;

	constructor(
		/** The `__type`, e.g. `NotAuthorizedException`. */
		readonly type: string,
		/** `undefined` when AWS sends no message at all (e.g. `UnknownOperationException`). */
		message?: string,
		readonly status = 400
	) {
		super(message ?? type);
		this.awsMessage = message;
	}
}
