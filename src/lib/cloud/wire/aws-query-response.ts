import type { AwsServiceError } from './aws-service-error';
import { wireResponse, type WireResponse } from './http-message';
import { writeXml, type XmlMembers } from './write-xml';

/** STS answers `text/xml` (OBSERVED, awslabs/aws-sdk-rust#827). */
export const awsQueryContentType = 'text/xml';

/**
 * A Query success: `<XResponse xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId>`, as in
 * cognito.md §8.2; members in the order given, `undefined` members left out.
 *
 * @example awsQueryResponse('AssumeRoleWithWebIdentity', { Provider: iss }, requestId, stsNamespace)
 */
export function awsQueryResponse(
	action: string,
	result: XmlMembers,
	requestId: string,
	namespace: string
): WireResponse {
	const body = writeXml(`${action}Response`, namespace, {
		[`${action}Result`]: result,
		ResponseMetadata: { RequestId: requestId }
	});
	return wireResponse(200, headers(requestId), body);
}

/**
 * A Query error exactly as §8.3 shows it: `<ErrorResponse><Error><Type>Sender|Receiver</Type>
 * <Code/><Message/></Error><RequestId/></ErrorResponse>`. The type is `Receiver` for the service's
 * own faults (5xx), `Sender` for the caller's.
 */
export function awsQueryErrorResponse(
	error: AwsServiceError,
	requestId: string,
	namespace: string
): WireResponse {
	const body = writeXml('ErrorResponse', namespace, {
		Error: {
			Type: error.status >= 500 ? 'Receiver' : 'Sender',
			Code: error.type,
			Message: error.awsMessage
		},
		RequestId: requestId
	});
	return wireResponse(error.status, headers(requestId), body);
}

function headers(requestId: string): [string, string][] {
	return [
		['x-amzn-requestid', requestId],
		['content-type', awsQueryContentType]
	];
}
