import { header, networkBodyLimit, wireResponse, type WireResponse } from '../../wire/http-message';
import { authorize, s3Arn } from '../authorize';
import { checksumAlgorithms, checksumOf, etagOf, type ChecksumAlgorithm } from '../checksums';
import { S3Error } from '../s3-error';
import type { S3Request } from '../s3-request';

/**
 * PutObject (`PUT /<key>`) under `s3:PutObject`: checks the checksum the client sent
 * (`x-amz-checksum-<algorithm>`, which `S3Client` adds by default as CRC32), then stores the
 * object in this cloud's memory. S3's default `Content-Type` is `binary/octet-stream`.
 */
export async function putObject(request: S3Request): Promise<WireResponse> {
	authorize(request, 's3:PutObject', s3Arn(request.bucket, request.key));
	const body = request.wire.body;
	if (body.byteLength > networkBodyLimit)
		// ⚠ SIM: S3 takes 5 GB in one PUT; the simulated network carries 1 MiB.
		throw new S3Error(
			'EntityTooLarge',
			'Your proposed upload exceeds the maximum allowed size',
			400,
			{
				ProposedSize: body.byteLength,
				MaxSizeAllowed: networkBodyLimit
			}
		);
	const algorithm = await checkChecksum(request);
	const metadata = Object.fromEntries(
		request.wire.headers
			.filter(([name]) => name.startsWith('x-amz-meta-'))
			.map(([name, value]) => [name.slice('x-amz-meta-'.length), value])
	);
	request.store.put(request.bucket, {
		key: request.key,
		body,
		contentType: header(request.wire, 'content-type') ?? 'binary/octet-stream',
		lastModified: request.context.clock.now(),
		checksumAlgorithm: algorithm ?? 'crc64nvme',
		metadata
	});
	const headers: [string, string][] = [
		['x-amz-request-id', request.ids.requestId],
		['x-amz-id-2', request.ids.hostId],
		['etag', await etagOf(body)],
		['x-amz-server-side-encryption', 'AES256'],
		['content-length', '0'],
		['server', 'AmazonS3']
	];
	if (algorithm)
		headers.push(
			[`x-amz-checksum-${algorithm}`, await checksumOf(algorithm, body)],
			['x-amz-checksum-type', 'FULL_OBJECT']
		);
	return wireResponse(200, headers);
}

/**
 * Checks an `x-amz-checksum-*` header against the body. One checksum at most; a value that is not
 * base64 of the algorithm's length is `InvalidRequest`, a wrong one `BadDigest` (message OBSERVED:
 * "The CRC32 you specified did not match the calculated checksum.").
 */
async function checkChecksum(request: S3Request): Promise<ChecksumAlgorithm | undefined> {
	const sent = (Object.keys(checksumAlgorithms) as ChecksumAlgorithm[]).filter(
		(a) => header(request.wire, `x-amz-checksum-${a}`) !== null
	);
	const sdkAlgorithm = header(request.wire, 'x-amz-sdk-checksum-algorithm');
	if (sent.length > 1)
		throw new S3Error(
			'InvalidRequest',
			'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
			400
		);
	const algorithm = sent[0];
	if (algorithm === undefined) {
		if (sdkAlgorithm !== null && header(request.wire, 'x-amz-trailer') === null)
			throw new S3Error(
				'InvalidRequest',
				'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.',
				400
			);
		return undefined;
	}
	const value = header(request.wire, `x-amz-checksum-${algorithm}`)!;
	if (!isBase64OfLength(value, checksumAlgorithms[algorithm].bytes))
		throw new S3Error(
			'InvalidRequest',
			`Value for x-amz-checksum-${algorithm} header is invalid.`,
			400
		);
	if (value !== (await checksumOf(algorithm, request.wire.body)))
		throw new S3Error(
			'BadDigest',
			`The ${checksumAlgorithms[algorithm].name} you specified did not match the calculated checksum.`,
			400
		);
	return algorithm;
}

function isBase64OfLength(value: string, length: number): boolean {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return false;
	try {
		return atob(value).length === length;
	} catch {
		return false;
	}
}
