/** An AWS SDK error as the tests read it: name, message and, on the wire, the HTTP status. */
export type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

/**
 * The error a promise rejects with, for exact type-and-message assertions; a promise that
 * resolves fails the test instead.
 *
 * @example expect((await failure(sdk.send(command))).message).toBe('User does not exist.');
 */
export async function failure(promise: Promise<unknown>): Promise<SdkError> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the call to fail');
}
