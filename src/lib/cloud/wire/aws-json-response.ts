import type { AwsServiceError } from './aws-service-error';

/** The content type of every AWS JSON 1.1 answer, success or error. */
export const awsJson11ContentType = 'application/x-amz-json-1.1';

/**
 * A successful AWS JSON 1.1 answer: 200, `application/x-amz-json-1.1`, the output as JSON.
 *
 * @example awsJsonResponse({}, requestId) // GlobalSignOut's empty success
 */
export function awsJsonResponse(output: unknown, requestId: string): Response {
	return new Response(JSON.stringify(output), {
		status: 200,
		headers: { 'content-type': awsJson11ContentType, 'x-amzn-requestid': requestId }
	});
}

/**
 * An AWS JSON 1.1 error exactly as the user pool sends it (cognito.md §3.1, observed responses):
 * `x-amzn-ErrorType: <Type>:` with the trailing colon, `x-amzn-ErrorMessage`, and the body
 * `{"__type","message"}`. A message-less error (UnknownOperationException) leaves both out.
 *
 * @example
 * awsJsonErrorResponse(new AwsServiceError('NotAuthorizedException', 'Invalid Refresh Token.'), id);
 */
export function awsJsonErrorResponse(error: AwsServiceError, requestId: string): Response {
	const headers: Record<string, string> = {
		'content-type': awsJson11ContentType,
		'x-amzn-requestid': requestId,
		'x-amzn-errortype': `${error.type}:`
	};
	const body: { __type: string; message?: string } = { __type: error.type };
	if (error.awsMessage !== undefined) {
		// Header values must be Latin-1; AWS messages are ASCII, a learner's input might not be.
		headers['x-amzn-errormessage'] = error.awsMessage.replace(/[^\x20-\x7e]/g, '?');
		body.message = error.awsMessage;
	}
	return new Response(JSON.stringify(body), { status: error.status, headers });
}
