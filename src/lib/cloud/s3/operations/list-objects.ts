import { wireResponse, type WireResponse } from '../../wire/http-message';
import { escapeUri } from '../../sigv4/escape-uri';
import { authorize, s3Arn } from '../authorize';
import { compareUtf8, type StoredObject } from '../bucket-store';
import { etagOf } from '../checksums';
import { S3Error } from '../s3-error';
import type { S3Request } from '../s3-request';
import { s3Namespace, s3Xml, type S3XmlMembers } from '../s3-xml';

/**
 * ListObjectsV2 (`GET /?list-type=2`) and the original ListObjects (`GET /`), under
 * `s3:ListBucket` on the bucket with the condition keys `s3:prefix`, `s3:delimiter` and
 * `s3:max-keys` from the query. ⚠ SIM: a parameter the request leaves out is absent from the
 * request context, so a `StringLike` on `s3:prefix` does not match a listing without a prefix.
 */
export async function listObjects(request: S3Request): Promise<WireResponse> {
	const v2 = request.query.get('list-type') === '2';
	const prefix = request.query.get('prefix') ?? '';
	const delimiter = request.query.get('delimiter') ?? '';
	const maxKeys = parseMaxKeys(request.query.get('max-keys'));
	const encodeKeys = request.query.get('encoding-type');
	if (encodeKeys !== undefined && encodeKeys !== 'url')
		throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', 400, {
			ArgumentName: 'encoding-type',
			ArgumentValue: encodeKeys
		});
	const conditionKeys: Record<string, string> = {};
	for (const name of ['prefix', 'delimiter', 'max-keys'])
		if (request.query.has(name)) conditionKeys[`s3:${name}`] = request.query.get(name)!;
	authorize(request, 's3:ListBucket', s3Arn(request.bucket), conditionKeys);

	// Where to start: after StartAfter or the continuation token (V2), after Marker (V1)
	const token = request.query.get('continuation-token');
	const after = v2
		? token !== undefined
			? decodeToken(token)
			: (request.query.get('start-after') ?? '')
		: (request.query.get('marker') ?? '');

	const resumesAfterPrefix = token !== undefined && delimiter !== '' && after.endsWith(delimiter);

	// Walk the keys in order, rolling keys up to the delimiter into common prefixes
	const contents: StoredObject[] = [];
	const commonPrefixes: string[] = [];
	let truncated = false;
	let last = '';
	for (const object of request.store.list(request.bucket)) {
		if (!object.key.startsWith(prefix) || compareUtf8(object.key, after) <= 0) continue;
		// A page that ended on a common prefix resumes after every key under it.
		if (resumesAfterPrefix && object.key.startsWith(after)) continue;
		const cut = delimiter ? object.key.indexOf(delimiter, prefix.length) : -1;
		const common = cut >= 0 ? object.key.slice(0, cut + delimiter.length) : undefined;
		if (common !== undefined && commonPrefixes.at(-1) === common) continue;
		if (contents.length + commonPrefixes.length >= maxKeys) {
			truncated = true;
			break;
		}
		if (common !== undefined) commonPrefixes.push(common);
		else contents.push(object);
		last = common ?? object.key;
	}

	const encode = (text: string) => (encodeKeys === 'url' ? escapeUri(text) : text);
	const members: S3XmlMembers = {
		Name: request.bucket,
		Prefix: encode(prefix),
		...(v2
			? {
					ContinuationToken: token,
					StartAfter: request.query.has('start-after') ? encode(after) : undefined,
					NextContinuationToken: truncated ? encodeToken(last) : undefined,
					KeyCount: contents.length + commonPrefixes.length
				}
			: {
					Marker: encode(after),
					NextMarker: truncated && delimiter ? encode(last) : undefined
				}),
		MaxKeys: maxKeys,
		Delimiter: delimiter ? encode(delimiter) : undefined,
		EncodingType: encodeKeys,
		IsTruncated: truncated,
		Contents: await Promise.all(
			contents.map(async (o) => ({
				Key: encode(o.key),
				LastModified: new Date(o.lastModified).toISOString(),
				ETag: await etagOf(o.body),
				ChecksumAlgorithm: o.checksumAlgorithm.toUpperCase(),
				ChecksumType: 'FULL_OBJECT',
				Size: o.body.byteLength,
				StorageClass: 'STANDARD'
			}))
		),
		CommonPrefixes: commonPrefixes.map((p) => ({ Prefix: encode(p) }))
	};
	return wireResponse(
		200,
		{
			'x-amz-request-id': request.ids.requestId,
			'x-amz-id-2': request.ids.hostId,
			'content-type': 'application/xml',
			server: 'AmazonS3'
		},
		s3Xml('ListBucketResult', members, s3Namespace)
	);
}

function parseMaxKeys(value: string | undefined): number {
	if (value === undefined) return 1000;
	const n = Number(value);
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n > 2147483647)
		throw new S3Error(
			'InvalidArgument',
			'Provided max-keys not an integer or within integer range',
			400,
			{
				ArgumentName: 'max-keys',
				ArgumentValue: value
			}
		);
	return Math.min(n, 1000);
}

/** ⚠ SIM: real continuation tokens are opaque; this one is the last key listed, in base64. */
function encodeToken(lastKey: string): string {
	return btoa(String.fromCharCode(...new TextEncoder().encode(lastKey)));
}

function decodeToken(token: string): string {
	try {
		const bytes = Uint8Array.from(atob(token), (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', 400, {
			ArgumentName: 'continuation-token'
		});
	}
}
