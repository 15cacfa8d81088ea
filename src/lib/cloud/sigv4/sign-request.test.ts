import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccount, createRandom, defaultScenario } from '$lib/cloud';
import { utf8Bytes, type WireRequest } from '$lib/cloud/wire';
import { signRequest } from './sign-request';
import { verifySigV4 } from './verify-sigv4';

const now = Date.UTC(2026, 10, 3, 9, 5, 7);
const region = 'us-east-1';
const account = createAccount(defaultScenario, createRandom());
const credentials = account.issueCredentials({
	roleArn: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
	roleSessionName: 'CognitoIdentityCredentials',
	expiration: now + 3600_000,
	context: {}
});

// Without `/`: aws4fetch decodes an S3 path before encoding it, so a key's `%2F` signs as `/`
// (the SDK signs it as sent, and so does the verifier).
const segment = fc.oneof(
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/')),
	fc.constantFrom('a b', 'ü', "it's (a)*!", '~', '日本')
);

describe('signRequest (aws4fetch) signs what verifySigV4 accepts', () => {
	it('S3 and other services, odd keys and query values, with the simulated time and the session token', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(
					['s3', 'flow-lab-notes.s3.us-east-1.amazonaws.com'],
					['cognito-identity', 'cognito-identity.us-east-1.amazonaws.com']
				),
				fc.array(segment, { minLength: 1, maxLength: 4 }),
				fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z-]{1,8}$/), segment), {
					selector: ([name]) => name,
					maxLength: 3
				}),
				fc.string({ maxLength: 40 }),
				async ([service, host], segments, query, body) => {
					const search = new URLSearchParams(query).toString();
					const request: WireRequest = {
						method: 'PUT',
						url: `https://${host}/${segments.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`,
						headers: [['content-type', 'text/plain']],
						body: utf8Bytes(body)
					};
					const signed = await signRequest(request, credentials, { service, region, now });
					const result = await verifySigV4(signed, { service, region, now, account });
					if (!result.ok) throw new Error(`${result.reason}: ${result.canonicalRequest?.text}`);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('stamps the simulated time, carries the session token and, for S3, the body hash', async () => {
		const signed = await signRequest(
			{
				method: 'PUT',
				url: 'https://flow-lab-notes.s3.us-east-1.amazonaws.com/private/note.txt',
				headers: [],
				body: utf8Bytes('hello')
			},
			credentials,
			{ service: 's3', region, now }
		);
		const headers = Object.fromEntries(signed.headers);
		expect(headers['x-amz-date']).toBe('20261103T090507Z');
		expect(headers['x-amz-security-token']).toBe(credentials.sessionToken);
		expect(headers['x-amz-content-sha256']).toBe(
			'2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
		);
		expect(headers['authorization']).toMatch(
			new RegExp(
				`^AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20261103/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$`
			)
		);
	});
});
