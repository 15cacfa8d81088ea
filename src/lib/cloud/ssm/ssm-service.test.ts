import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCloud, defaultScenario, type Cloud, type PolicyDocument } from '$lib/cloud';
import { guestScopeDownPolicy } from '$lib/cloud/identity-pool';
import { bodyText, utf8Bytes, type WireRequest } from '$lib/cloud/wire';

const at = Date.UTC(2026, 10, 3, 9, 5, 7);
const host = 'ssm.us-east-1.amazonaws.com';
const guestRoleArn = 'arn:aws:iam::111122223333:role/FlowLabGuest';
const bannerArn = 'arn:aws:ssm:us-east-1:111122223333:parameter/flow-lab/banner';
const guestArn = 'arn:aws:sts::111122223333:assumed-role/FlowLabGuest/CognitoIdentityCredentials';

/** The statement a developer adds to the guest role so that guests can read the banner. */
const readBanner: PolicyDocument = {
	Version: '2012-10-17',
	Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: bannerArn }]
};

/** A cloud whose guest role may (or may not) read the banner, and guest credentials for it. */
function guestCloud(options: { roleAllows: boolean; scopeDown: boolean }) {
	const scenario = structuredClone(defaultScenario);
	const role = scenario.iam.roles.find((r) => r.arn === guestRoleArn)!;
	if (options.roleAllows) role.policies['read-banner'] = readBanner;
	const cloud = createCloud(scenario, { clock: { fixed: at } });
	const credentials = cloud.account.issueCredentials({
		roleArn: guestRoleArn,
		roleSessionName: 'CognitoIdentityCredentials',
		expiration: at + 3600_000,
		context: { 'cognito-identity.amazonaws.com:amr': ['unauthenticated'] },
		...(options.scopeDown && { sessionPolicy: guestScopeDownPolicy })
	});
	return {
		cloud,
		key: {
			accessKeyId: credentials.accessKeyId,
			secretAccessKey: credentials.secretAccessKey,
			sessionToken: credentials.sessionToken
		}
	};
}

type Key = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** A request signed as the SDK signs it (`@smithy/signature-v4`), for the service `ssm`. */
async function signed(
	key: Key,
	body: string,
	{ target = 'AmazonSSM.GetParameter', signedAt = at } = {}
): Promise<WireRequest> {
	const signer = new SignatureV4({
		service: 'ssm',
		region: 'us-east-1',
		credentials: key,
		sha256: Sha256
	});
	const request = new HttpRequest({
		method: 'POST',
		protocol: 'https:',
		hostname: host,
		path: '/',
		headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
		body
	});
	const { headers } = await signer.sign(request, { signingDate: new Date(signedAt) });
	return {
		method: 'POST',
		url: `https://${host}/`,
		headers: Object.entries(headers).map(([n, v]) => [n.toLowerCase(), v]),
		body: utf8Bytes(body)
	};
}

async function send(cloud: Cloud, request: WireRequest) {
	const response = await cloud.send(request);
	const text = bodyText(response);
	return {
		status: response.status,
		body: text ? (JSON.parse(text) as Record<string, unknown>) : {}
	};
}

const getBanner = JSON.stringify({ Name: '/flow-lab/banner' });

describe('Systems Manager GetParameter', () => {
	it('returns the parameter to a caller whose role allows ssm:GetParameter and no session policy narrows', async () => {
		const { cloud, key } = guestCloud({ roleAllows: true, scopeDown: false });
		expect(await send(cloud, await signed(key, getBanner))).toEqual({
			status: 200,
			body: {
				Parameter: {
					Name: '/flow-lab/banner',
					Type: 'String',
					Value: defaultScenario.ssm!.parameters[0]!.value,
					Version: 1,
					LastModifiedDate: at / 1000,
					ARN: bannerArn,
					DataType: 'text'
				}
			}
		});
		const [exchange] = cloud.log.entries;
		expect(exchange).toMatchObject({ from: 'app', to: 'ssm', label: 'GetParameter' });
		expect(exchange!.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
			['sigv4', 'pass'],
			['permissions', 'pass']
		]);
	});

	it("refuses a guest whose role allows it when the enhanced flow's session policy does not list ssm", async () => {
		const { cloud, key } = guestCloud({ roleAllows: true, scopeDown: true });
		expect(await send(cloud, await signed(key, getBanner))).toEqual({
			status: 400,
			body: {
				__type: 'AccessDeniedException',
				message: `User: ${guestArn} is not authorized to perform: ssm:GetParameter on resource: ${bannerArn} because no session policy allows the ssm:GetParameter action`
			}
		});
		const permissions = cloud.log.entries[0]!.explanations!.find((e) => e.kind === 'permissions')!;
		expect(permissions.verdict).toBe('fail');
		expect(permissions.checks.at(-1)).toMatchObject({ label: 'Decision', value: 'ImplicitDeny' });
	});

	it('says no identity-based policy allows it when the role has no statement for it', async () => {
		const { cloud, key } = guestCloud({ roleAllows: false, scopeDown: true });
		const { body } = await send(cloud, await signed(key, getBanner));
		expect(body.message).toBe(
			`User: ${guestArn} is not authorized to perform: ssm:GetParameter on resource: ${bannerArn} because no identity-based policy allows the ssm:GetParameter action`
		);
	});

	it('answers ParameterNotFound, with no message, for a name it may read but does not hold', async () => {
		const { cloud, key } = guestCloud({ roleAllows: false, scopeDown: false });
		cloud.scenario.iam.roles.find((r) => r.arn === guestRoleArn)!.policies.any = {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 'ssm:*', Resource: '*' }]
		};
		expect(await send(cloud, await signed(key, JSON.stringify({ Name: '/no/such' })))).toEqual({
			status: 400,
			body: { __type: 'ParameterNotFound' }
		});
		// The ARN names the same parameter as the name.
		const byArn = await send(cloud, await signed(key, JSON.stringify({ Name: bannerArn })));
		expect(byArn.body).toMatchObject({ Parameter: { Name: '/flow-lab/banner' } });
	});

	it('checks the input: a missing Name is a ValidationException in the Coral wording', async () => {
		const { cloud, key } = guestCloud({ roleAllows: true, scopeDown: false });
		expect(await send(cloud, await signed(key, '{}'))).toEqual({
			status: 400,
			body: {
				__type: 'ValidationException',
				message:
					"1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null"
			}
		});
		const unknown = await send(
			cloud,
			await signed(key, getBanner, { target: 'AmazonSSM.PutParameter' })
		);
		expect(unknown).toEqual({ status: 400, body: { __type: 'UnknownOperationException' } });
	});

	it('answers the SigV4 failures with the AWS JSON common errors', async () => {
		const { cloud, key } = guestCloud({ roleAllows: true, scopeDown: false });
		const unsigned: WireRequest = {
			method: 'POST',
			url: `https://${host}/`,
			headers: [
				['content-type', 'application/x-amz-json-1.1'],
				['x-amz-target', 'AmazonSSM.GetParameter']
			],
			body: utf8Bytes(getBanner)
		};
		const typeOf = async (request: WireRequest) => (await send(cloud, request)).body.__type;
		expect(await typeOf(unsigned)).toBe('MissingAuthenticationTokenException');
		expect(await typeOf(await signed({ ...key, secretAccessKey: 'x'.repeat(40) }, getBanner))).toBe(
			'InvalidSignatureException'
		);
		expect(
			await typeOf(await signed({ ...key, accessKeyId: 'ASIANOSUCHKEY0000000' }, getBanner))
		).toBe('UnrecognizedClientException');
		expect(await typeOf(await signed(key, getBanner, { signedAt: at - 3_600_000 }))).toBe(
			'InvalidSignatureException'
		);
		// An hour later the credentials have expired, however freshly the request is signed.
		cloud.clock.advance(3_601_000);
		expect(await typeOf(await signed(key, getBanner, { signedAt: at + 3_601_000 }))).toBe(
			'ExpiredTokenException'
		);
	});

	it('answers every malformed request with an AWS JSON error, never a 5xx', async () => {
		const { cloud, key } = guestCloud({ roleAllows: true, scopeDown: false });
		const valid = await signed(key, getBanner);
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					method: fc.constantFrom('POST', 'GET', 'PUT', 'DELETE'),
					target: fc.oneof(fc.constant('AmazonSSM.GetParameter'), fc.string({ maxLength: 30 })),
					contentType: fc.constantFrom('application/x-amz-json-1.1', 'text/plain', ''),
					body: fc.oneof(
						fc.string({ maxLength: 60 }),
						fc.json({ maxDepth: 2 }),
						fc.constant(getBanner)
					),
					keepSignature: fc.boolean()
				}),
				async ({ method, target, contentType, body, keepSignature }) => {
					const headers = valid.headers.filter(
						([n]) =>
							n !== 'x-amz-target' &&
							n !== 'content-type' &&
							(keepSignature || n !== 'authorization')
					);
					const request: WireRequest = {
						method,
						url: valid.url,
						headers: [...headers, ['x-amz-target', target], ['content-type', contentType]],
						body: utf8Bytes(body)
					};
					const response = await cloud.send(request);
					expect(response.status).toBeLessThan(500);
					if (response.status !== 200) {
						const error = JSON.parse(bodyText(response)) as { __type: string };
						expect(error.__type).toMatch(/^[A-Za-z]+$/);
					}
				}
			),
			{ numRuns: 2000 }
		);
	});
});
