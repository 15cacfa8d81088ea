import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccount, createRandom, defaultScenario } from '$lib/cloud';
import type { WireRequest } from '$lib/cloud/wire';
import { verifySigV4, type SigV4Result } from './verify-sigv4';

const signedAt = Date.UTC(2026, 10, 3, 9, 5, 7);
const region = 'us-east-1';
const account = createAccount(defaultScenario, createRandom());
const userKey = {
	accessKeyId: 'AKIAFLOWLABBACKEND01',
	secretAccessKey: 'fLowLabDemoBackEndSecret/DoNotUse/000042'
};
const temporary = account.issueCredentials({
	roleArn: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
	roleSessionName: 'CognitoIdentityCredentials',
	expiration: signedAt + 3600_000,
	context: { 'cognito-identity.amazonaws.com:sub': 'us-east-1:0000' }
});
const temporaryKey = {
	accessKeyId: temporary.accessKeyId,
	secretAccessKey: temporary.secretAccessKey,
	sessionToken: temporary.sessionToken
};

/** How the SDK encodes a path segment or query part (`encodeURIComponent` plus `!'()*`). */
const sdkEncode = (text: string) =>
	encodeURIComponent(text).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
/** Ways a client may put a query part on the wire; all decode to the same text. */
const wireEncoders = {
	sdk: sdkEncode,
	encodeURIComponent,
	form: (text: string) => new URLSearchParams([['', text]]).toString().slice(1)
};

interface Generated {
	service: string;
	method: string;
	hostname: string;
	segments: string[];
	trailingSlash: boolean;
	query: [string, string][];
	queryEncoding: keyof typeof wireEncoders;
	headers: [string, string][];
	body: Uint8Array;
	applyChecksum: boolean;
	temporaryCredentials: boolean;
	sendHost: boolean;
}

const oddText = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 8 }),
	fc.constantFrom('..', '.', '', 'a b', 'ü', '%', '~', '+', "it's (a)*!", 'a//b', '日本')
);
const headerValue = fc.stringMatching(/^[ \t]{0,3}[!-~]([!-~]|[ \t]{1,3}){0,12}[ \t]{0,3}$/);
const generated: fc.Arbitrary<Generated> = fc.record({
	service: fc.constantFrom('s3', 'cognito-identity', 'execute-api'),
	method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD'),
	hostname: fc.constantFrom(
		'flow-lab-notes.s3.us-east-1.amazonaws.com',
		'cognito-identity.us-east-1.amazonaws.com'
	),
	segments: fc.array(oddText, { maxLength: 5 }),
	trailingSlash: fc.boolean(),
	query: fc.array(
		fc.tuple(fc.oneof(fc.constantFrom('prefix', 'list-type', 'a', ''), oddText), oddText),
		{
			maxLength: 5
		}
	),
	queryEncoding: fc.constantFrom('sdk', 'encodeURIComponent', 'form'),
	headers: fc.uniqueArray(
		fc.tuple(fc.stringMatching(/^x-(amz-meta|custom)-[a-z0-9]{1,6}$/), headerValue),
		{ selector: ([name]) => name, maxLength: 4 }
	),
	body: fc.uint8Array({ maxLength: 64 }),
	applyChecksum: fc.boolean(),
	temporaryCredentials: fc.boolean(),
	sendHost: fc.boolean()
});

/** Signs the generated request with the AWS SDK's own signer and puts it on the wire. */
async function signWithSdk(g: Generated): Promise<WireRequest> {
	const path =
		'/' + g.segments.map(sdkEncode).join('/') + (g.trailingSlash && g.segments.length ? '/' : '');
	const query: Record<string, string | string[]> = Object.create(null);
	for (const [name, value] of g.query) {
		const seen = query[name];
		query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
	}
	const signer = new SignatureV4({
		service: g.service,
		region,
		credentials: g.temporaryCredentials ? temporaryKey : userKey,
		sha256: Sha256,
		uriEscapePath: g.service !== 's3',
		applyChecksum: g.applyChecksum
	});
	const signed = await signer.sign(
		new HttpRequest({
			method: g.method,
			protocol: 'https:',
			hostname: g.hostname,
			path,
			query,
			headers: { host: g.hostname, ...Object.fromEntries(g.headers) },
			body: g.body
		}),
		{ signingDate: new Date(signedAt) }
	);
	const encode = wireEncoders[g.queryEncoding];
	const search = g.query.map(([n, v]) => `${encode(n)}=${encode(v)}`).join('&');
	return {
		method: g.method,
		url: `https://${g.hostname}${path}${search ? `?${search}` : ''}`,
		headers: Object.entries(signed.headers)
			.map(([n, v]) => [n.toLowerCase(), String(v)] as [string, string])
			.filter(([n]) => g.sendHost || n !== 'host'),
		body: g.body
	};
}

const verify = (request: WireRequest, service: string, now = signedAt): Promise<SigV4Result> =>
	verifySigV4(request, { service, region, now, account });

/** One change to what was signed; the signature must stop matching. */
const mutations: Record<string, (r: WireRequest, g: Generated) => WireRequest> = {
	method: (r) => ({ ...r, method: r.method === 'GET' ? 'POST' : 'GET' }),
	path: (r) => {
		const [base, search] = r.url.split('?');
		return {
			...r,
			url: `${base!.replace(/\/$/, '')}/x${search === undefined ? '' : `?${search}`}`
		};
	},
	query: (r) => ({ ...r, url: `${r.url}${r.url.includes('?') ? '&' : '?'}zz=1` }),
	header: (r) => {
		const signedNames = /SignedHeaders=([^,]+)/
			.exec(r.headers.find(([n]) => n === 'authorization')![1])![1]!
			.split(';');
		const name =
			signedNames.find((n) => n.startsWith('x-amz-meta') || n.startsWith('x-custom')) ??
			'x-amz-date';
		return {
			...r,
			headers: r.headers.map(([n, v]): [string, string] =>
				n === name
					? [
							n,
							name === 'x-amz-date' ? v.replace(/\d(?=Z$)/, (d) => String((+d + 1) % 10)) : `${v}z`
						]
					: [n, v]
			)
		};
	},
	body: (r) => ({
		...r,
		// With x-amz-content-sha256 the body is not signed (S3 checks it separately); change the claim.
		headers: r.headers.map(([n, v]): [string, string] =>
			n === 'x-amz-content-sha256' ? [n, v.slice(0, -1) + (v.endsWith('0') ? '1' : '0')] : [n, v]
		),
		body: new Uint8Array([...r.body, 1])
	}),
	date: (r) => ({
		...r,
		headers: r.headers.map(([n, v]): [string, string] =>
			n === 'x-amz-date' ? [n, v.replace(/07Z$/, '08Z')] : [n, v]
		)
	})
};

describe('verifySigV4 agrees with the AWS SDK signer (@smithy/signature-v4)', () => {
	it('accepts every request the SDK signs: odd paths, repeated and empty query keys, spaced header values, S3 and other services', async () => {
		await fc.assert(
			fc.asyncProperty(generated, async (g) => {
				const result = await verify(await signWithSdk(g), g.service);
				if (!result.ok)
					throw new Error(`${result.reason}: ${result.detail}\n${result.canonicalRequest?.text}`);
			}),
			{ numRuns: 300 }
		);
	});

	it('refuses with signature-mismatch after any single change to method, path, query, a signed header, the body or the date', async () => {
		await fc.assert(
			fc.asyncProperty(generated, fc.constantFrom(...Object.keys(mutations)), async (g, change) => {
				const request = mutations[change]!(await signWithSdk(g), g);
				const result = await verify(request, g.service);
				expect(result.ok ? 'ok' : result.reason).toBe('signature-mismatch');
			}),
			{ numRuns: 300 }
		);
	});
});

/** A plain GET signed by the SDK for `service`, with the given key (and optional changes). */
async function sdkGet(
	credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
	options: { signingRegion?: string; at?: number } = {}
): Promise<WireRequest> {
	const signer = new SignatureV4({
		service: 's3',
		region: options.signingRegion ?? region,
		credentials,
		sha256: Sha256,
		uriEscapePath: false
	});
	const hostname = 'flow-lab-notes.s3.us-east-1.amazonaws.com';
	const signed = await signer.sign(
		new HttpRequest({
			method: 'GET',
			protocol: 'https:',
			hostname,
			path: '/public/welcome.txt',
			headers: { host: hostname }
		}),
		{ signingDate: new Date(options.at ?? signedAt) }
	);
	return {
		method: 'GET',
		url: `https://${hostname}/public/welcome.txt`,
		headers: Object.entries(signed.headers).map(([n, v]) => [n.toLowerCase(), String(v)]),
		body: new Uint8Array()
	};
}

const withHeaders = (
	request: WireRequest,
	change: (h: [string, string][]) => [string, string][]
) => ({
	...request,
	headers: change(request.headers)
});
const failure = async (request: WireRequest, now = signedAt) => {
	const result = await verify(request, 's3', now);
	return result.ok ? { reason: 'ok' } : { reason: result.reason, detail: result.detail };
};

describe('verifySigV4 names each failure', () => {
	it('missing-authentication without an Authorization header or presigned query', async () => {
		const request = withHeaders(await sdkGet(userKey), (h) =>
			h.filter(([n]) => n !== 'authorization')
		);
		expect(await failure(request)).toEqual({
			reason: 'missing-authentication',
			detail: 'Neither an Authorization header nor X-Amz-Signature.'
		});
	});

	it('unsupported-authorization-type for a Bearer token (a user-pool JWT sent to AWS)', async () => {
		const request = withHeaders(await sdkGet(userKey), (h) =>
			h.map(([n, v]) =>
				n === 'authorization' ? [n, 'Bearer eyJraWQiOiJ0ZXN0In0.e30.c2ln'] : [n, v]
			)
		);
		expect(await failure(request)).toEqual({
			reason: 'unsupported-authorization-type',
			detail: "Authorization scheme 'Bearer' is not AWS4-HMAC-SHA256."
		});
	});

	it('incomplete-signature when Signature, the date or a signed host is missing', async () => {
		const signed = await sdkGet(userKey);
		const noSignature = withHeaders(signed, (h) =>
			h.map(([n, v]) =>
				n === 'authorization' ? [n, v.replace(/, Signature=[0-9a-f]+/, '')] : [n, v]
			)
		);
		expect(await failure(noSignature)).toEqual({
			reason: 'incomplete-signature',
			detail: "Authorization header requires 'Signature' parameter."
		});
		const noDate = withHeaders(signed, (h) => h.filter(([n]) => n !== 'x-amz-date'));
		expect(await failure(noDate)).toEqual({
			reason: 'incomplete-signature',
			detail: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
		});
		const noHost = withHeaders(signed, (h) =>
			h.map(([n, v]) =>
				n === 'authorization' ? [n, v.replace('SignedHeaders=host;', 'SignedHeaders=')] : [n, v]
			)
		);
		expect(await failure(noHost)).toMatchObject({ reason: 'incomplete-signature' });
	});

	it('invalid-credential-scope for a request signed for another region', async () => {
		expect(await failure(await sdkGet(userKey, { signingRegion: 'eu-west-1' }))).toEqual({
			reason: 'invalid-credential-scope',
			detail:
				"Credential scope '20261103/eu-west-1/s3/aws4_request' should be '20261103/us-east-1/s3/aws4_request'."
		});
	});

	it('invalid-access-key for a key the account never issued', async () => {
		expect(
			await failure(await sdkGet({ ...userKey, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }))
		).toEqual({
			reason: 'invalid-access-key',
			detail: "Access key id 'AKIAIOSFODNN7EXAMPLE' does not exist in this account."
		});
	});

	it('request-time-too-skewed more than 5 minutes either way, not at exactly 5 minutes', async () => {
		const request = await sdkGet(userKey);
		expect((await failure(request, signedAt + 300_000)).reason).toBe('ok');
		expect((await failure(request, signedAt - 300_000)).reason).toBe('ok');
		expect(await failure(request, signedAt + 301_000)).toEqual({
			reason: 'request-time-too-skewed',
			detail:
				"X-Amz-Date 2026-11-03T09:05:07.000Z is 301 s from the service's time 2026-11-03T09:10:08.000Z (at most 300 s allowed)."
		});
		expect((await failure(request, signedAt - 301_000)).reason).toBe('request-time-too-skewed');
	});

	it('expired-token once temporary credentials pass their expiration', async () => {
		const at = temporary.expiration;
		expect(await failure(await sdkGet(temporaryKey, { at }), at)).toEqual({
			reason: 'expired-token',
			detail:
				'The credentials expired at 2026-11-03T10:05:07.000Z; it is now 2026-11-03T10:05:07.000Z.'
		});
		expect((await failure(await sdkGet(temporaryKey, { at: at - 1000 }), at - 1000)).reason).toBe(
			'ok'
		);
	});

	it('invalid-token when the session token is missing, foreign, or sent with a long-term key', async () => {
		const signed = await sdkGet(temporaryKey);
		expect(
			await failure(withHeaders(signed, (h) => h.filter(([n]) => n !== 'x-amz-security-token')))
		).toEqual({
			reason: 'invalid-token',
			detail: `Temporary access key '${temporary.accessKeyId}' needs its X-Amz-Security-Token.`
		});
		const other = account.issueCredentials({ ...temporary, expiration: signedAt + 60_000 });
		expect(
			(await failure(await sdkGet({ ...temporaryKey, sessionToken: other.sessionToken }))).reason
		).toBe('invalid-token');
		expect(
			(await failure(await sdkGet({ ...userKey, sessionToken: temporary.sessionToken }))).reason
		).toBe('invalid-token');
	});

	it('verifies a presigned URL until X-Amz-Expires, then request-expired', async () => {
		const hostname = 'flow-lab-notes.s3.us-east-1.amazonaws.com';
		const signer = new SignatureV4({
			service: 's3',
			region,
			credentials: temporaryKey,
			sha256: Sha256,
			uriEscapePath: false
		});
		// As @aws-sdk/s3-request-presigner does: the payload is UNSIGNED-PAYLOAD, the header neither
		// signed nor moved into the query.
		const presigned = await signer.presign(
			new HttpRequest({
				method: 'GET',
				protocol: 'https:',
				hostname,
				path: '/public/welcome.txt',
				headers: { host: hostname, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }
			}),
			{
				signingDate: new Date(signedAt),
				expiresIn: 900,
				unsignableHeaders: new Set(['x-amz-content-sha256']),
				unhoistableHeaders: new Set(['x-amz-content-sha256'])
			}
		);
		const search = Object.entries(presigned.query!)
			.map(([n, v]) => `${sdkEncode(n)}=${sdkEncode(String(v))}`)
			.join('&');
		const request: WireRequest = {
			method: 'GET',
			url: `https://${hostname}/public/welcome.txt?${search}`,
			headers: [],
			body: new Uint8Array()
		};
		expect((await failure(request, signedAt + 900_000)).reason).toBe('ok');
		expect((await failure(request, signedAt + 901_000)).reason).toBe('request-expired');
		const tampered = { ...request, url: request.url.replace('welcome', 'secret') };
		expect((await failure(tampered)).reason).toBe('signature-mismatch');
	});

	it('explains every step without ever showing the secret key', async () => {
		const result = await verify(await sdkGet(temporaryKey), 's3');
		expect(result.ok).toBe(true);
		expect(result.steps.map((s) => s.label)).toEqual([
			'Authorization',
			'Credential scope',
			'Access key',
			'Request time',
			'Security token',
			'Canonical request',
			'String to sign',
			'Signing key',
			'Signature'
		]);
		expect(JSON.stringify(result.steps)).not.toContain(temporary.secretAccessKey);
	});
});
