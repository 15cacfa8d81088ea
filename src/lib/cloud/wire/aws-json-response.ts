import type { AwsServiceError } from './aws-service-error';
import { wireResponse, type WireResponse } from './http-message';

/** The content type of every AWS JSON 1.1 answer, success or error. */
export const awsJson11ContentType = 'application/x-amz-json-1.1';

/**
 * A successful AWS JSON 1.1 answer: 200, `application/x-amz-json-1.1`, the output as JSON.
 *
 * @example awsJsonResponse({}, requestId) // GlobalSignOut's empty success
 */
export function awsJsonResponse(output: unknown, requestId: string): WireResponse {
	return wireResponse(
		200,
		{ 'content-type': awsJson11ContentType, 'x-amzn-requestid': requestId },
		JSON.stringify(output)
	);
}

/**
 * An AWS JSON 1.1 error exactly as the user pool sends it (cognito.md §3.1, observed responses):
 * `x-amzn-ErrorType: <Type>:` with the trailing colon, `x-amzn-ErrorMessage`, and the body
 * `{"__type","message"}`. A message-less error (UnknownOperationException) leaves both out.
 *
 * @example
 * awsJsonErrorResponse(new AwsServiceError('NotAuthorizedException', 'Invalid Refresh Token.'), id);
 */
export function awsJsonErrorResponse(error: AwsServiceError, requestId: string): WireResponse {
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
	return wireResponse(error.status, headers, JSON.stringify(body));
}
