import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpinTime } from '../../support';
import { backEndCredentials } from '../../support/cognito-identity-client';
import {
	identityPoolId,
	identityPoolWorld,
	userPoolProvider,
	type IdentityPoolWorld
} from '../../support/identity-pool-cloud';

/**
 * Throws malformed requests at the identity pool and checks every answer is one AWS could have
 * sent: the promise resolves, the status is never 5xx (a 500 means the service threw: a
 * simulator bug), and every error is AWS JSON — `{"__type": ...}` with the same type in
 * `x-amzn-ErrorType`. Bodies are shaped like real inputs (the pool id, real identity ids, a real
 * ID token, access token and pool token, the developer provider name), each member sometimes
 * mutated or of the wrong JSON type, and a share of requests is properly SigV4-signed with the
 * back end's key so the developer operations are pushed past authentication too.
 *
 * Reproduce or widen a run: FUZZ_SEED=<n> FUZZ_RUNS=<n> npx vitest run tests/unit/identity-pool/fuzz.test.ts
 */

const seed = Number(process.env.FUZZ_SEED ?? 20261202);
/** One request per run. */
const numRuns = Number(process.env.FUZZ_RUNS ?? 2100);
const host = 'cognito-identity.us-east-1.amazonaws.com';

let world: IdentityPoolWorld;
const real: Record<string, string> = {};

beforeAll(async () => {
	world = identityPoolWorld();
	const alice = await world.signIn('alice');
	const send = async (operation: string, body: unknown) => {
		const response = await world.cloud.fetch(`https://${host}/`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': `AWSCognitoIdentityService.${operation}`
			},
			body: JSON.stringify(body)
		});
		return response.json();
	};
	const Logins = { [userPoolProvider]: alice.IdToken };
	real.idToken = alice.IdToken;
	real.accessToken = alice.AccessToken;
	real.guestId = (await send('GetId', { IdentityPoolId: identityPoolId })).IdentityId;
	real.aliceId = (await send('GetId', { IdentityPoolId: identityPoolId, Logins })).IdentityId;
	real.poolToken = (await send('GetOpenIdToken', { IdentityId: real.aliceId, Logins })).Token;
	for (const value of Object.values(real)) expect(typeof value).toBe('string');
});
afterAll(unpinTime);

const operations = [
	'GetId',
	'GetCredentialsForIdentity',
	'GetOpenIdToken',
	'GetOpenIdTokenForDeveloperIdentity',
	'LookupDeveloperIdentity'
];
const wrongType = fc.oneof(
	fc.jsonValue({ maxDepth: 2 }),
	fc.constantFrom(null, 0, -1, 1.5, 1e308, true, [], {}, [''], { '': '' })
);
const member = <T>(plausible: fc.Arbitrary<T>) =>
	fc.oneof({ weight: 8, arbitrary: plausible }, { weight: 1, arbitrary: wrongType });
const mutated = (value: () => string) =>
	fc.oneof(
		{ weight: 6, arbitrary: fc.constant(null).map(() => value()) },
		{ weight: 1, arbitrary: fc.nat(5000).map((n) => value().slice(0, n % (value().length + 1))) },
		{
			weight: 1,
			arbitrary: fc.nat(5000).map((n) => {
				const v = value();
				const i = n % Math.max(v.length, 1);
				return v.slice(0, i) + String.fromCharCode((v.charCodeAt(i) || 65) ^ 1) + v.slice(i + 1);
			})
		},
		{ weight: 1, arbitrary: fc.string() }
	);
const poolIdArb = member(
	fc.oneof(
		{ weight: 6, arbitrary: fc.constant(identityPoolId) },
		{
			weight: 1,
			arbitrary: fc.constantFrom('us-east-1:00000000-0000-4000-8000-000000000000', '', 'x')
		},
		{ weight: 1, arbitrary: fc.string() }
	)
);
const identityIdArb = member(
	fc.oneof(
		mutated(() => real.guestId!),
		mutated(() => real.aliceId!),
		fc.constantFrom('us-east-1:00000000-0000-4000-8000-000000000000', '')
	)
);
const tokenArb = fc.oneof(
	mutated(() => real.idToken!),
	mutated(() => real.accessToken!),
	mutated(() => real.poolToken!)
);
const loginsArb = member(
	fc.dictionary(
		fc.oneof(
			{ weight: 4, arbitrary: fc.constant(userPoolProvider) },
			{
				weight: 2,
				arbitrary: fc.constantFrom(
					'cognito-identity.amazonaws.com',
					'login.flowlab.app',
					`https://${userPoolProvider}`,
					'accounts.google.com'
				)
			},
			{ weight: 1, arbitrary: fc.string({ maxLength: 20 }) }
		),
		fc.oneof({ weight: 4, arbitrary: tokenArb }, { weight: 1, arbitrary: fc.string() }),
		{ maxKeys: 3 }
	)
);
const bodyArb = fc.record(
	{
		IdentityPoolId: poolIdArb,
		IdentityId: identityIdArb,
		Logins: loginsArb,
		CustomRoleArn: member(
			fc.constantFrom(
				'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
				'arn:aws:iam::111122223333:role/FlowLabGuest',
				'arn:aws:iam::111122223333:role/Nope'
			)
		),
		TokenDuration: member(fc.integer({ min: -10, max: 100_000 })),
		DeveloperUserIdentifier: member(fc.constantFrom('user-42', '', 'x'.repeat(2000))),
		MaxResults: member(fc.integer({ min: -1, max: 100 })),
		AccountId: member(fc.constantFrom('111122223333', 'abc')),
		PrincipalTags: member(fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }))
	},
	{ requiredKeys: [] }
);
const rawBody = fc.oneof(
	{ weight: 12, arbitrary: bodyArb.map((b) => JSON.stringify(b)) },
	{ weight: 1, arbitrary: fc.string() },
	{
		weight: 1,
		arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '{', '[[[[[[[[[['.repeat(10000))
	},
	{ weight: 1, arbitrary: fc.constant('x'.repeat(300 * 1024)) }
);
const requestArb = fc.record({
	method: fc.oneof(
		{ weight: 12, arbitrary: fc.constant('POST') },
		{ weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE') }
	),
	path: fc.oneof(
		{ weight: 12, arbitrary: fc.constant('/') },
		{ weight: 1, arbitrary: fc.constantFrom('/x', '//', '/?a=b') }
	),
	contentType: fc.oneof(
		{ weight: 10, arbitrary: fc.constant('application/x-amz-json-1.1') },
		{ weight: 1, arbitrary: fc.constantFrom('application/json', 'text/plain', '') }
	),
	target: fc.oneof(
		{
			weight: 12,
			arbitrary: fc.constantFrom(...operations).map((op) => `AWSCognitoIdentityService.${op}`)
		},
		{
			weight: 1,
			arbitrary: fc.constantFrom(
				'AWSCognitoIdentityService.DescribeIdentityPool',
				'AWSCognitoIdentityProviderService.GetId',
				'AWSCognitoIdentityService.',
				''
			)
		}
	),
	/** How the request is authenticated: not at all, signed by the SDK's signer, or with junk. */
	auth: fc.oneof(
		{ weight: 3, arbitrary: fc.constant('none' as const) },
		{ weight: 3, arbitrary: fc.constant('signed' as const) },
		{ weight: 1, arbitrary: fc.constant('signed-then-changed' as const) },
		{
			weight: 1,
			arbitrary: fc.constantFrom(
				'Bearer eyJ',
				'AWS4-HMAC-SHA256',
				'AWS4-HMAC-SHA256 Credential=AKIAFLOWLABBACKEND01/20261103/us-east-1/cognito-identity/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
				'AWS4-HMAC-SHA256 Credential=AKIA0000000000000000/x, Signature='
			)
		}
	),
	body: rawBody
});

type RequestShape = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

const signer = new SignatureV4({
	service: 'cognito-identity',
	region: 'us-east-1',
	credentials: backEndCredentials,
	sha256: Sha256
});

async function headersFor(r: RequestShape): Promise<Record<string, string>> {
	const headers: Record<string, string> = { 'x-amz-target': r.target };
	if (r.contentType) headers['content-type'] = r.contentType;
	if (r.auth === 'none') return headers;
	if (r.auth !== 'signed' && r.auth !== 'signed-then-changed')
		return { ...headers, authorization: r.auth, 'x-amz-date': '20261103T090507Z' };
	const signed = await signer.sign(
		new HttpRequest({
			method: r.method,
			protocol: 'https:',
			hostname: host,
			path: '/',
			headers: { ...headers, host },
			body: r.body
		}),
		{ signingDate: new Date() }
	);
	const out = Object.fromEntries(Object.entries(signed.headers).filter(([n]) => n !== 'host'));
	if (r.auth === 'signed-then-changed') out['x-amz-target'] = 'AWSCognitoIdentityService.GetId';
	return out;
}

describe('the identity pool answers every malformed request as AWS JSON, never 5xx', () => {
	it(`holds for ${numRuns} generated requests`, async () => {
		let errors = 0;
		await fc.assert(
			fc.asyncProperty(requestArb, async (r) => {
				const response = await world.cloud.fetch(`https://${host}${r.path}`, {
					method: r.method,
					headers: await headersFor(r),
					...(r.method === 'GET' ? {} : { body: r.body })
				});
				expect(response.status).toBeGreaterThanOrEqual(200);
				expect(response.status).toBeLessThan(500);
				const text = await response.text();
				const body = JSON.parse(text) as Record<string, unknown>;
				if (response.status === 200) {
					expect(typeof body).toBe('object');
					return;
				}
				errors++;
				expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
				expect(typeof body.__type).toBe('string');
				expect(response.headers.get('x-amzn-errortype')).toBe(`${body.__type}:`);
			}),
			{ seed, numRuns }
		);
		// The generator reaches past validation: most answers are errors, but not all.
		expect(errors).toBeGreaterThan(numRuns / 4);
		expect(errors).toBeLessThan(numRuns);
	});

	it('answers any path and method on the key host without a 5xx', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('GET', 'POST', 'HEAD', 'DELETE'),
				fc.oneof(
					fc.constantFrom('/.well-known/jwks_uri', '/.well-known/openid-configuration', '/'),
					fc
						.string({ unit: fc.constantFrom(...'/.-_%2Fwellknjs'), maxLength: 40 })
						.map((p) => `/${p}`)
				),
				async (method, path) => {
					const response = await world.cloud.fetch(
						`https://cognito-identity.amazonaws.com${path}`,
						{ method }
					);
					expect(response.status).toBeLessThan(500);
				}
			),
			{ seed, numRuns: 100 }
		);
	});
});
