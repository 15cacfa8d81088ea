import { header, wireResponse, type WireResponse } from '../../wire/http-message';
import { authorize, isAllowed, s3Arn } from '../authorize';
import { checksumOf, etagOf } from '../checksums';
import { S3Error, accessDenied } from '../s3-error';
import type { S3Request } from '../s3-request';
import type { StoredObject } from '../bucket-store';

/**
 * GetObject (`GET /<key>`) and HeadObject (`HEAD /<key>`), both under `s3:GetObject`. HEAD sends
 * the same headers and no body. ⚠ SIM: `Range` and conditional headers are not simulated.
 */
export async function getObject(request: S3Request): Promise<WireResponse> {
	const object = readableObject(request);
	const headers = await objectHeaders(request, object);
	return wireResponse(200, headers, request.wire.method === 'HEAD' ? '' : object.body);
}

function readableObject(request: S3Request): StoredObject {
	authorize(request, 's3:GetObject', s3Arn(request.bucket, request.key));
	const object = request.store.get(request.bucket, request.key);
	if (object) return object;
	// A missing key is 404 only for a caller who may list the bucket; anyone else learns nothing
	// and gets 403 (GetObject API reference, "Permissions").
	if (!isAllowed(request, 's3:ListBucket', s3Arn(request.bucket))) throw accessDenied();
	throw new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: request.key });
}

async function objectHeaders(
	request: S3Request,
	object: StoredObject
): Promise<[string, string][]> {
	const headers: [string, string][] = [
		['x-amz-request-id', request.ids.requestId],
		['x-amz-id-2', request.ids.hostId],
		['last-modified', new Date(object.lastModified).toUTCString()],
		['etag', await etagOf(object.body)],
		['x-amz-server-side-encryption', 'AES256'],
		['accept-ranges', 'bytes'],
		['content-type', object.contentType],
		['content-length', String(object.body.byteLength)],
		['server', 'AmazonS3']
	];
	for (const [name, value] of Object.entries(object.metadata))
		headers.push([`x-amz-meta-${name}`, value]);
	// The stored full-object checksum, when the client asks for it (the SDK does by default).
	if (header(request.wire, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED')
		headers.push(
			[
				`x-amz-checksum-${object.checksumAlgorithm}`,
				await checksumOf(object.checksumAlgorithm, object.body)
			],
			['x-amz-checksum-type', 'FULL_OBJECT']
		);
	return headers;
}
