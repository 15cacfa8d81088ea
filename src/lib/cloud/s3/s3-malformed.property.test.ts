import { XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	createAccount,
	createClock,
	createRandom,
	resolveScenario,
	type ServiceCall,
	type ServiceContext
} from '$lib/cloud';
import { parseXml, utf8Bytes, type WireRequest } from '$lib/cloud/wire';
import { signRequest } from '../sigv4';
import { testScenario } from '../../../../tests/support/test-scenario';
import { createS3Service } from './s3-service';

const now = Date.UTC(2026, 10, 3, 9, 5, 7);
const scenario = resolveScenario(testScenario());
const context: ServiceContext = {
	scenario,
	clock: createClock({ fixed: now }),
	random: createRandom(),
	account: createAccount(scenario, createRandom())
};
const s3 = createS3Service(context);
const call: ServiceCall = {
	exchangeId: 1,
	send: () => Promise.reject(new Error('S3 calls no other service')),
	explain: () => undefined
};
const identityId = 'us-east-1:0c5e2f7a-1111-4a2b-8c3d-000000000001';
const credentials = context.account.issueCredentials({
	roleArn: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
	roleSessionName: 'CognitoIdentityCredentials',
	expiration: now + 3600_000,
	context: { 'cognito-identity.amazonaws.com:sub': identityId }
});
const backEnd = scenario.iam.users[0]!.accessKeys[0]!;

const text = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.constantFrom('', '%', '%zz', '%E2%82', '..', '//', ' ', '\t', 'ü', '<&>"\'', '\u0000')
);
const host = fc.oneof(
	fc.constantFrom(
		'flow-lab-notes.s3.us-east-1.amazonaws.com',
		'FLOW-LAB-NOTES.s3.us-east-1.amazonaws.com',
		'other-bucket.s3.us-east-1.amazonaws.com',
		'.s3.us-east-1.amazonaws.com',
		's3.us-east-1.amazonaws.com'
	),
	text.map((t) => `${t}.s3.us-east-1.amazonaws.com`)
);
const path = fc.oneof(
	fc.constantFrom('/', '', '/public/welcome.txt', `/private/${identityId}/a.txt`, '/a/../b', '//x'),
	fc.array(text, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`)
);
const query = fc.oneof(
	fc.constant(''),
	fc.constantFrom(
		'list-type=2',
		`list-type=2&prefix=private/${identityId}/`,
		'list-type=2&max-keys=-1',
		'list-type=2&max-keys=99999999999999999999',
		'list-type=2&continuation-token=%%%',
		'list-type=2&encoding-type=xml',
		'list-type=2&delimiter=/&start-after=z',
		'X-Amz-Algorithm=AWS4-HMAC-SHA256',
		'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a/b/c/d/e&X-Amz-Date=x&X-Amz-SignedHeaders=host&X-Amz-Signature=0',
		'X-Amz-Signature=abc&X-Amz-Expires=-5'
	),
	fc
		.array(fc.tuple(text, text), { maxLength: 4 })
		.map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('&'))
);
const headerValue = fc.oneof(
	text,
	fc.constantFrom(
		'AWS4-HMAC-SHA256',
		'AWS4-HMAC-SHA256 Credential=AKIAFLOWLABBACKEND01/20261103/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00',
		'AWS4-HMAC-SHA256 Credential=/, SignedHeaders=;, Signature=',
		'AWS4-HMAC-SHA256 Credential=AKIAFLOWLABBACKEND01/20261103/eu-west-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=ff',
		'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
		'AWS AKIAFLOWLABBACKEND01:abc=',
		'20261103T090507Z',
		'99999999T999999Z',
		'UNSIGNED-PAYLOAD',
		'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
		'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
		'AAAAAA==',
		'CRC32',
		'ENABLED'
	)
);
const headerName = fc.constantFrom(
	'authorization',
	'x-amz-date',
	'date',
	'x-amz-content-sha256',
	'x-amz-security-token',
	'x-amz-checksum-crc32',
	'x-amz-checksum-sha256',
	'x-amz-checksum-crc64nvme',
	'x-amz-sdk-checksum-algorithm',
	'x-amz-checksum-mode',
	'content-type',
	'host',
	'x-amz-meta-note'
);
const method = fc.oneof(
	fc.constantFrom('GET', 'PUT', 'HEAD', 'POST', 'DELETE', 'PATCH', 'OPTIONS'),
	fc.string({ maxLength: 6 })
);

const malformed: fc.Arbitrary<WireRequest> = fc.record({
	method,
	url: fc.tuple(host, path, query).map(([h, p, q]) => `https://${h}${p}${q ? `?${q}` : ''}`),
	headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
	body: fc.uint8Array({ maxLength: 32 })
});

/**
 * Requests signed properly (by the back end or the identity), each later changed in one place.
 * Signed once: WebCrypto in Node costs milliseconds a call, and the property runs thousands.
 */
const signed: WireRequest[] = [];
beforeAll(async () => {
	const queries = [
		'',
		'list-type=2',
		`list-type=2&prefix=private%2F${encodeURIComponent(identityId)}%2F`
	];
	for (const method of ['GET', 'PUT', 'HEAD'])
		for (const key of ['', 'public/welcome.txt', `private/${identityId}/a.txt`, 'nope'])
			for (const query of queries)
				for (const signer of [backEnd, credentials])
					signed.push(
						await signRequest(
							{
								method,
								url: `https://flow-lab-notes.s3.us-east-1.amazonaws.com/${key}${query ? `?${query}` : ''}`,
								headers: [],
								body: utf8Bytes(method === 'PUT' ? 'a note' : '')
							},
							signer,
							{ service: 's3', region: 'us-east-1', now }
						)
					);
});
const signedThenBroken: fc.Arbitrary<() => WireRequest> = fc
	.record({
		index: fc.nat(),
		extra: fc.array(fc.tuple(headerName, headerValue), { maxLength: 2 }),
		drop: fc.option(headerName)
	})
	.map((g) => () => {
		const request = signed[g.index % signed.length]!;
		return { ...request, headers: [...request.headers.filter(([n]) => n !== g.drop), ...g.extra] };
	});

describe('S3 answers every malformed request as S3 does', () => {
	it('with S3 XML (an empty body for HEAD) and never a 5xx, for 2,000 generated requests', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					{ arbitrary: malformed.map((r) => () => r), weight: 3 },
					{ arbitrary: signedThenBroken, weight: 1 }
				),
				async (build) => {
					const request = build();
					const response = await s3.handle(request, call);
					const body = new TextDecoder().decode(response.body);
					expect(response.status).toBeLessThan(500);
					expect(response.headers.find(([n]) => n === 'x-amz-request-id')?.[1]).toMatch(
						/^[A-Z0-9]{16}$/
					);
					if (request.method === 'HEAD') {
						expect(body).toBe('');
						return;
					}
					if (response.status === 200 && !body.startsWith('<?xml')) return; // an object's bytes
					expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
					expect(XMLValidator.validate(body)).toBe(true);
					const document = parseXml(body);
					if (response.status === 200) {
						expect(Object.keys(document)).toContain('ListBucketResult');
						return;
					}
					const error = document.Error as Record<string, unknown>;
					expect(Object.keys(error).slice(0, 2)).toEqual(['Code', 'Message']);
					expect(Object.keys(error).slice(-2)).toEqual(['RequestId', 'HostId']);
				}
			),
			{ numRuns: 2000 }
		);
	});
});
