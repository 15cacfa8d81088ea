import {
	GetObjectCommand,
	HeadObjectCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	S3Client,
	S3ServiceException
} from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/protocol-http';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCloud, type Cloud, type Scenario } from '$lib/cloud';
import { cloudRequestHandler } from '../../../../tests/support/sdk-request-handler';
import { failure } from '../../../../tests/support/failure';
import { advanceTime, pinTime, pinnedAt, unpinTime } from '../../../../tests/support/pinned-time';
import { testScenario } from '../../../../tests/support/test-scenario';

const bucket = 'flow-lab-notes';
const identityId = 'us-east-1:0c5e2f7a-1111-4a2b-8c3d-000000000001';
const otherIdentityId = 'us-east-1:0c5e2f7a-2222-4a2b-8c3d-000000000002';
const authenticatedRole = 'arn:aws:iam::111122223333:role/FlowLabAuthenticated';

/** Credentials as the identity pool would issue them for the authenticated role. */
function issue(cloud: Cloud, lifetimeMs = 3600_000) {
	return cloud.account.issueCredentials({
		roleArn: authenticatedRole,
		roleSessionName: 'CognitoIdentityCredentials',
		expiration: cloud.clock.now() + lifetimeMs,
		context: {
			'cognito-identity.amazonaws.com:sub': identityId,
			'cognito-identity.amazonaws.com:aud': cloud.scenario.identityPool.id,
			'cognito-identity.amazonaws.com:amr': ['authenticated']
		}
	});
}

/**
 * The shared SDK handler, with the body as the Node stream S3's streaming outputs (GetObject's
 * `Body`) require, as the SDK's own Node handler gives it.
 */
function streamingHandler(cloud: Cloud) {
	const inner = cloudRequestHandler(cloud.fetch);
	return {
		async handle(request: HttpRequest) {
			const { response } = await inner.handle(request);
			const stream = new Readable({ read() {} });
			stream.push(Buffer.from(response.body as Uint8Array));
			stream.push(null);
			response.body = stream;
			return { response };
		}
	};
}

/** `S3Client` with default settings (virtual-hosted style, CRC32 checksums) sending into the cloud. */
function s3Client(
	cloud: Cloud,
	credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
	options: { systemClockOffset?: number } = {}
) {
	const { accessKeyId, secretAccessKey, sessionToken } = credentials;
	return new S3Client({
		region: 'us-east-1',
		// The key, the secret and the token only: the SDK would refuse expired credentials itself.
		credentials: { accessKeyId, secretAccessKey, sessionToken },
		forcePathStyle: false,
		maxAttempts: 1,
		requestHandler: streamingHandler(cloud),
		...options
	});
}

const own = (name: string) => `private/${identityId}/${name}`;

describe('S3 as S3Client sees it', () => {
	let cloud: Cloud;
	let s3: S3Client;
	beforeEach(() => {
		pinTime();
		cloud = createCloud(testScenario());
		s3 = s3Client(cloud, issue(cloud));
	});
	afterEach(unpinTime);

	it('puts, gets, heads and lists under the identity’s own prefix (CRC32 checked both ways)', async () => {
		const put = await s3.send(
			new PutObjectCommand({
				Bucket: bucket,
				Key: own('todo.txt'),
				Body: 'buy milk',
				ContentType: 'text/plain'
			})
		);
		expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
		expect(put.ChecksumCRC32).toBe('OTK3JA=='); // zlib.crc32(b'buy milk'), big-endian, base64

		const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: own('todo.txt') }));
		expect(await got.Body!.transformToString()).toBe('buy milk');
		expect(got.ContentType).toBe('text/plain');
		expect(got.ETag).toBe(put.ETag);
		expect(got.LastModified).toEqual(new Date(Math.floor(pinnedAt / 1000) * 1000));

		const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: own('todo.txt') }));
		expect(head.ContentLength).toBe(8);

		const listed = await s3.send(
			new ListObjectsV2Command({ Bucket: bucket, Prefix: `private/${identityId}/` })
		);
		expect(listed.KeyCount).toBe(1);
		expect(listed.Contents?.map((o) => [o.Key, o.Size, o.ETag])).toEqual([
			[own('todo.txt'), 8, put.ETag]
		]);
		expect(listed.IsTruncated).toBe(false);
	});

	it('reads a scenario object whose CRC64NVME the SDK verifies', async () => {
		const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome.txt' }));
		expect(await got.Body!.transformToString()).toBe(
			'Welcome to Flow Lab. Anyone with the guest role may read this.\n'
		);
	});

	it('labels the arrows by operation and explains SigV4 and the IAM decision on each exchange', async () => {
		await s3.send(new PutObjectCommand({ Bucket: bucket, Key: own('a.txt'), Body: 'a' }));
		await failure(
			s3.send(new GetObjectCommand({ Bucket: bucket, Key: `private/${otherIdentityId}/a.txt` }))
		);
		const [put, get] = cloud.log.entries;
		expect([put!.label, get!.label]).toEqual(['PutObject', 'GetObject']);
		expect(put!.to).toBe('s3');
		expect(put!.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
			['sigv4', 'pass'],
			['permissions', 'pass']
		]);
		expect(get!.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
			['sigv4', 'pass'],
			['permissions', 'fail']
		]);
	});

	it('AccessDenied (403) for another identity’s prefix, for writing public/ and for a listing without the own prefix', async () => {
		for (const command of [
			new GetObjectCommand({ Bucket: bucket, Key: `private/${otherIdentityId}/a.txt` }),
			new PutObjectCommand({ Bucket: bucket, Key: 'public/defaced.txt', Body: 'x' }),
			new ListObjectsV2Command({ Bucket: bucket })
		]) {
			const error = await failure(s3.send(command as GetObjectCommand));
			expect(error).toBeInstanceOf(S3ServiceException);
			expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
				'AccessDenied',
				'Access Denied',
				403
			]);
		}
	});

	it('a missing key is AccessDenied without s3:ListBucket on it, NoSuchKey (404) with it', async () => {
		const denied = await failure(
			s3.send(new GetObjectCommand({ Bucket: bucket, Key: own('none.txt') }))
		);
		expect(denied.name).toBe('AccessDenied');

		const scenario: Scenario = testScenario();
		scenario.iam.roles[0]!.policies['list-bucket'] = {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` }]
		};
		const listing = createCloud(scenario);
		const client = s3Client(listing, issue(listing));
		const error = await failure(
			client.send(new GetObjectCommand({ Bucket: bucket, Key: own('none.txt') }))
		);
		expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
			'NoSuchKey',
			'The specified key does not exist.',
			404
		]);
		const head = await failure(
			client.send(new HeadObjectCommand({ Bucket: bucket, Key: own('none.txt') }))
		);
		expect([head.name, head.$metadata?.httpStatusCode]).toEqual(['NotFound', 404]);
	});

	it('ExpiredToken (400) once the temporary credentials expire', async () => {
		advanceTime(3600_000);
		const error = await failure(
			s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome.txt' }))
		);
		expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
			'ExpiredToken',
			'The provided token has expired.',
			400
		]);
	});

	it('SignatureDoesNotMatch (403) with a wrong secret, InvalidAccessKeyId (403) with an unknown key', async () => {
		const credentials = issue(cloud);
		const wrong = s3Client(cloud, { ...credentials, secretAccessKey: 'x'.repeat(40) });
		const mismatch = await failure(
			wrong.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome.txt' }))
		);
		expect([mismatch.name, mismatch.$metadata?.httpStatusCode]).toEqual([
			'SignatureDoesNotMatch',
			403
		]);
		expect(mismatch.message).toBe(
			'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
		);

		const unknown = s3Client(cloud, {
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			secretAccessKey: 'x'.repeat(40)
		});
		const invalid = await failure(
			unknown.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome.txt' }))
		);
		expect([invalid.name, invalid.message, invalid.$metadata?.httpStatusCode]).toEqual([
			'InvalidAccessKeyId',
			'The AWS Access Key Id you provided does not exist in our records.',
			403
		]);
	});

	it('RequestTimeTooSkewed (403) when the client clock is over 15 minutes off', async () => {
		const skewed = s3Client(cloud, issue(cloud), { systemClockOffset: -16 * 60_000 });
		const error = await failure(
			skewed.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome.txt' }))
		);
		expect([error.name, error.$metadata?.httpStatusCode]).toEqual(['RequestTimeTooSkewed', 403]);
		const fine = s3Client(cloud, issue(cloud), { systemClockOffset: -14 * 60_000 });
		await fine.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome.txt' }));
	});

	it('NoSuchBucket (404) for a bucket the scenario does not have', async () => {
		const error = await failure(
			s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket-here', Key: 'a' }))
		);
		expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
			'NoSuchBucket',
			'The specified bucket does not exist',
			404
		]);
	});

	it('BadDigest (400) for a CRC32 that does not match the body', async () => {
		const error = await failure(
			s3.send(
				new PutObjectCommand({
					Bucket: bucket,
					Key: own('x.txt'),
					Body: 'x',
					ChecksumCRC32: 'AAAAAA=='
				})
			)
		);
		expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
			'BadDigest',
			'The CRC32 you specified did not match the calculated checksum.',
			400
		]);
	});
});

describe('S3 on the wire', () => {
	let cloud: Cloud;
	beforeEach(() => {
		pinTime();
		cloud = createCloud(testScenario());
	});
	afterEach(unpinTime);

	it('answers a user-pool JWT as Bearer with 400 InvalidArgument "Unsupported Authorization Type"', async () => {
		const bearer = 'Bearer eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhIn0.c2ln';
		const response = await cloud.fetch(
			`https://${bucket}.s3.us-east-1.amazonaws.com/public/welcome.txt`,
			{
				headers: { authorization: bearer }
			}
		);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/xml');
		const body = await response.text();
		expect(body).toMatch(
			new RegExp(
				`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<Error><Code>InvalidArgument</Code><Message>Unsupported Authorization Type</Message><ArgumentName>Authorization</ArgumentName><ArgumentValue>${bearer}</ArgumentValue><RequestId>[A-Z0-9]{16}</RequestId><HostId>[A-Za-z0-9+/=]+</HostId></Error>$`
			)
		);
	});

	it('refuses an anonymous GET of a private object with 403 AccessDenied, and an anonymous HEAD with no body', async () => {
		const url = `https://${bucket}.s3.us-east-1.amazonaws.com/private/${identityId}/todo.txt`;
		const get = await cloud.fetch(url);
		expect(get.status).toBe(403);
		expect(await get.text()).toMatch(
			/^<\?xml[^>]*>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><RequestId>/
		);
		const head = await cloud.fetch(url, { method: 'HEAD' });
		expect(head.status).toBe(403);
		expect(await head.text()).toBe('');
	});

	it('SignatureDoesNotMatch carries AWSAccessKeyId, StringToSign and CanonicalRequest, as S3 sends them', async () => {
		const credentials = issue(cloud);
		const wrong = s3Client(cloud, { ...credentials, secretAccessKey: 'x'.repeat(40) });
		await failure(wrong.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/welcome.txt' })));
		const body = cloud.log.entries.at(-1)!.response.body;
		expect(body).toContain(`<AWSAccessKeyId>${credentials.accessKeyId}</AWSAccessKeyId>`);
		expect(body).toContain(
			'<StringToSign>AWS4-HMAC-SHA256\n20261103T090507Z\n20261103/us-east-1/s3/aws4_request\n'
		);
		expect(body).toContain('<CanonicalRequest>GET\n/public/welcome.txt\n');
	});
});
