import { wireResponse, type WireResponse } from '../wire/http-message';
import { s3Xml, type S3XmlMembers } from './s3-xml';

/**
 * An S3 error as the service answers it: a code, a message, a status, and the extra members S3
 * adds for that code (`Key` for NoSuchKey, `StringToSign` for SignatureDoesNotMatch, ...).
 */
export class S3Error extends Error {
	override readonly name = 'S3Error';
	constructor(
		readonly code: string,
		message: string,
		readonly status: number,
		readonly members: S3XmlMembers = {}
	) {
		super(message);
	}
}

/** Ids S3 puts on every response: `x-amz-request-id` and the longer `x-amz-id-2` (HostId). */
export interface S3RequestIds {
	requestId: string;
	hostId: string;
}

/**
 * The response for an S3 error: `<Error><Code/><Message/>…extra…<RequestId/><HostId/></Error>`
 * with `application/xml`; a HEAD response has the status and headers but no body, as S3 sends it.
 */
export function s3ErrorResponse(error: S3Error, ids: S3RequestIds, method: string): WireResponse {
	const headers = {
		'x-amz-request-id': ids.requestId,
		'x-amz-id-2': ids.hostId,
		'content-type': 'application/xml',
		server: 'AmazonS3'
	};
	if (method === 'HEAD') return wireResponse(error.status, headers);
	const body = s3Xml('Error', {
		Code: error.code,
		Message: error.message,
		...error.members,
		RequestId: ids.requestId,
		HostId: ids.hostId
	});
	return wireResponse(error.status, headers, body);
}

/** `403 AccessDenied`, S3's answer to anything IAM does not allow (and to anonymous callers). */
export const accessDenied = () => new S3Error('AccessDenied', 'Access Denied', 403);
