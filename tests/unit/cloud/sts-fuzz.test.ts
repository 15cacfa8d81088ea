import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { parseXml } from '$lib/cloud/wire';
import { testKeys } from '../../support/test-keys';
import {
	authenticatedRoleArn,
	guestRoleArn,
	trustTestIdentityIssuer,
	webIdentityToken
} from '../../support/web-identity';

/**
 * Throws malformed Query requests at STS through `cloud.fetch` and checks every answer is one AWS
 * could send: never a 5xx, always `text/xml`, and every error the §8.3 `<ErrorResponse>` with a
 * `Sender` type, a code and a request id. Most requests start as a real one (the real parameter
 * names, a real token, real role ARNs) whose parameters are each kept, truncated, flipped,
 * extended, replaced or dropped, so every step of the operation is reached; the rest are noise.
 *
 * Reproduce or widen a run: FUZZ_SEED=<n> FUZZ_RUNS=<n> npx vitest run tests/unit/cloud/sts-fuzz.test.ts
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
/** 2 000 requests: about 3 s on a quiet 2-core machine. */
const numRuns = Number(process.env.FUZZ_RUNS ?? 2000);
const now = Date.UTC(2026, 10, 3, 9, 5, 7);

const cloud = createCloud(undefined, { clock: { fixed: now }, userPoolKeys: testKeys });
trustTestIdentityIssuer(cloud);
const token = await webIdentityToken(now);
const guestToken = await webIdentityToken(now, { amr: ['unauthenticated'] });
const expiredToken = await webIdentityToken(now - 3_600_000);
const strangerToken = await webIdentityToken(now, { iss: 'https://issuer.example' });

const names = [
	'Action',
	'Version',
	'RoleArn',
	'RoleSessionName',
	'WebIdentityToken',
	'DurationSeconds',
	'Policy',
	'ProviderId',
	'PolicyArns.member.1.arn',
	'PolicyArns.member.11.arn'
];

/** A real value, or it truncated, with one character flipped, or with something appended. */
const mutate = (value: string) =>
	fc.oneof(
		fc.nat({ max: value.length }).map((n) => value.slice(0, n)),
		fc
			.nat({ max: Math.max(0, value.length - 1) })
			.map((i) => value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1)),
		fc.string({ maxLength: 8 }).map((s) => value + s)
	);
const value = fc.oneof(
	fc
		.constantFrom(
			'AssumeRoleWithWebIdentity',
			'AssumeRole',
			'2011-06-15',
			authenticatedRoleArn,
			guestRoleArn,
			'arn:aws:iam::111122223333:role/Nobody',
			'900',
			'43201',
			'-1',
			'1e3',
			'{"Version":"2012-10-17","Statement":[]}',
			'{"Statement":',
			'<x>&amp;</x>',
			'\u0000\u0001',
			token,
			guestToken,
			expiredToken,
			strangerToken
		)
		.chain((v) => fc.oneof(fc.constant(v), mutate(v))),
	fc.string({ maxLength: 30 }),
	fc.string({ unit: 'binary', maxLength: 30 })
);
const noise = fc.array(
	fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 })), value),
	{ maxLength: 9 }
);
/** One parameter of an otherwise real request: kept, mutated, replaced or dropped. */
const member = (name: string, real: string) =>
	fc
		.oneof(
			{ weight: 5, arbitrary: fc.constant(real) },
			{ weight: 1, arbitrary: mutate(real) },
			{ weight: 1, arbitrary: value },
			{ weight: 1, arbitrary: fc.constant(undefined) }
		)
		.map((v): [string, string][] => (v === undefined ? [] : [[name, v]]));
const shaped = fc
	.tuple(
		member('Action', 'AssumeRoleWithWebIdentity'),
		member('Version', '2011-06-15'),
		fc.oneof(member('RoleArn', authenticatedRoleArn), member('RoleArn', guestRoleArn)),
		member('RoleSessionName', 'CognitoIdentityCredentials'),
		fc.oneof(member('WebIdentityToken', token), member('WebIdentityToken', guestToken)),
		fc.option(member('DurationSeconds', '900'), { freq: 2 }),
		fc.option(member('Policy', '{"Version":"2012-10-17","Statement":[]}'), { freq: 3 }),
		fc.option(noise, { freq: 3 })
	)
	.map((parts) => parts.flatMap((p) => p ?? []));
const request = fc.record({
	method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'),
	host: fc.constantFrom(
		'sts.amazonaws.com',
		'sts.us-east-1.amazonaws.com',
		'sts.eu-west-1.amazonaws.com'
	),
	path: fc.constantFrom('/', '/', '/x', '/?Action=AssumeRoleWithWebIdentity'),
	inQuery: fc.boolean(),
	contentType: fc.constantFrom(
		'application/x-www-form-urlencoded; charset=utf-8',
		'application/x-www-form-urlencoded; charset=utf-8',
		'application/x-www-form-urlencoded',
		'application/json',
		undefined
	),
	params: fc.oneof({ weight: 1, arbitrary: noise }, { weight: 3, arbitrary: shaped }),
	raw: fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 })), {
		freq: 8
	})
});

describe('STS on malformed requests', () => {
	it(`answers ${numRuns} malformed requests with Query XML, never a 5xx`, async () => {
		await fc.assert(
			fc.asyncProperty(request, async (r) => {
				const form = new URLSearchParams(r.params).toString();
				const body = r.raw ?? (r.inQuery ? undefined : form);
				const separator = r.path.includes('?') ? '&' : '?';
				const url = `https://${r.host}${r.path}${r.inQuery ? separator + form : ''}`;
				const response = await cloud.fetch(url, {
					method: r.method,
					headers: r.contentType ? { 'content-type': r.contentType } : {},
					body: r.method === 'GET' ? undefined : (body as BodyInit | undefined)
				});
				expect(response.status).toBeLessThan(500);
				expect(response.headers.get('content-type')).toBe('text/xml');
				const document = parseXml(await response.text());
				if (response.status === 200) {
					expect(Object.keys(document)).toEqual(['AssumeRoleWithWebIdentityResponse']);
					return;
				}
				expect([400, 403, 413]).toContain(response.status);
				const error = document.ErrorResponse as {
					Error: Record<string, string>;
					RequestId: string;
				};
				expect(error.Error.Type).toBe('Sender');
				expect(error.Error.Code).toMatch(/^[A-Za-z]+$/);
				expect(typeof error.Error.Message).toBe('string');
				expect(error.RequestId).toMatch(/^[0-9a-f-]{36}$/);
			}),
			{ seed, numRuns }
		);
	});
});
