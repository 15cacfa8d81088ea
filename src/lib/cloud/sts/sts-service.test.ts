import { beforeEach, describe, expect, it } from 'vitest';
import { createCloud, type Cloud } from '$lib/cloud';
import { AwsQueryError, callAwsQuery, parseXml } from '$lib/cloud/wire';
import { testKeys } from '../../../../tests/support/test-keys';
import {
	authenticatedRoleArn,
	guestRoleArn,
	identityId,
	identityPoolId,
	trustTestIdentityIssuer,
	webIdentityToken
} from '../../../../tests/support/web-identity';

const now = Date.UTC(2026, 10, 3, 9, 5, 7);
const sts = 'https://sts.us-east-1.amazonaws.com/';
let cloud: Cloud;

beforeEach(() => {
	cloud = createCloud(undefined, { clock: { fixed: now }, userPoolKeys: testKeys });
	trustTestIdentityIssuer(cloud);
});

const assume = async (params: Record<string, string | number | undefined>, url = sts) =>
	callAwsQuery(cloud.fetch, url, 'AssumeRoleWithWebIdentity', {
		RoleArn: authenticatedRoleArn,
		RoleSessionName: 'CognitoIdentityCredentials',
		WebIdentityToken: await webIdentityToken(now),
		...params
	});
const refusal = async (params: Record<string, string | number | undefined>) => {
	try {
		await assume(params);
	} catch (error) {
		if (error instanceof AwsQueryError) return error;
		throw error;
	}
	throw new Error('expected STS to refuse');
};

describe('STS AssumeRoleWithWebIdentity: success', () => {
	it('answers the §8.2 members and issues credentials that carry the token keys', async () => {
		const result = await assume({ DurationSeconds: 900 });
		expect(result).toEqual({
			SubjectFromWebIdentityToken: identityId,
			Audience: identityPoolId,
			AssumedRoleUser: {
				Arn: 'arn:aws:sts::111122223333:assumed-role/FlowLabAuthenticated/CognitoIdentityCredentials',
				AssumedRoleId: 'AROAFLOWLABAUTHENTIC1:CognitoIdentityCredentials'
			},
			Credentials: {
				SessionToken: expect.any(String),
				SecretAccessKey: expect.stringMatching(/^.{40}$/),
				Expiration: '2026-11-03T09:20:07Z',
				AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/)
			},
			Provider: 'https://cognito-identity.amazonaws.com'
		});
		const credentials = result.Credentials as { AccessKeyId: string };
		const owner = cloud.account.accessKeyOwner(credentials.AccessKeyId);
		expect(owner?.kind === 'assumed-role' && owner.credentials.context).toEqual({
			'cognito-identity.amazonaws.com:aud': identityPoolId,
			'cognito-identity.amazonaws.com:sub': identityId,
			'cognito-identity.amazonaws.com:amr': [
				'authenticated',
				'cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01'
			]
		});
		expect(owner?.kind === 'assumed-role' && owner.credentials.expiration).toBe(now + 900_000);
	});

	it('labels the arrow with the action and explains the token and the trust policy', async () => {
		await assume({});
		const [exchange] = cloud.log.entries;
		expect(exchange).toMatchObject({ from: 'app', to: 'sts', label: 'AssumeRoleWithWebIdentity' });
		expect(exchange?.explanations?.map((e) => [e.kind, e.title, e.verdict])).toEqual([
			['token', 'Web identity token', 'pass'],
			['trust-policy', 'Trust policy of FlowLabAuthenticated', 'pass']
		]);
		expect(exchange?.explanations?.[0]?.checks.map((c) => c.label)).toEqual([
			'Parse',
			'Issuer',
			'Signature',
			'Expiry'
		]);
	});

	it('answers on the global endpoint and to a GET with a query string', async () => {
		await assume({}, 'https://sts.amazonaws.com/');
		const query = new URLSearchParams({
			Action: 'AssumeRoleWithWebIdentity',
			Version: '2011-06-15',
			RoleArn: guestRoleArn,
			RoleSessionName: 'guest',
			WebIdentityToken: await webIdentityToken(now, { amr: ['unauthenticated'] })
		});
		const response = await cloud.fetch(`${sts}?${query}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/xml');
		const body = parseXml(await response.text());
		expect(Object.keys(body)).toEqual(['AssumeRoleWithWebIdentityResponse']);
	});

	it('keeps an inline session policy on the credentials', async () => {
		const policy = {
			Version: '2012-10-17',
			Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]
		};
		const result = await assume({ Policy: JSON.stringify(policy) });
		const owner = cloud.account.accessKeyOwner(
			(result.Credentials as { AccessKeyId: string }).AccessKeyId
		);
		expect(owner?.kind === 'assumed-role' && owner.credentials.sessionPolicy).toEqual(policy);
	});
});

describe('STS AssumeRoleWithWebIdentity: refusals', () => {
	it('refuses a token the trust policy does not admit with AccessDenied 403', async () => {
		const guestToken = await webIdentityToken(now, { amr: ['unauthenticated'] });
		const error = await refusal({ WebIdentityToken: guestToken });
		expect(error).toMatchObject({
			code: 'AccessDenied',
			status: 403,
			type: 'Sender',
			message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
		});
		const trust = cloud.log.entries[0]?.explanations?.[1];
		expect(trust?.verdict).toBe('fail');
		expect(trust?.checks[0]?.note).toBe(
			'ForAnyValue:StringLike cognito-identity.amazonaws.com:amr: no value of [unauthenticated] holds'
		);
	});

	it('refuses another pool and a role that does not exist the same way', async () => {
		expect(
			(await refusal({ WebIdentityToken: await webIdentityToken(now, { aud: 'us-east-1:other' }) }))
				.code
		).toBe('AccessDenied');
		expect((await refusal({ RoleArn: 'arn:aws:iam::111122223333:role/Nobody' })).code).toBe(
			'AccessDenied'
		);
	});

	it('refuses what is not a JWT with the observed message', async () => {
		expect(await refusal({ WebIdentityToken: 'not-a-jwt' })).toMatchObject({
			code: 'InvalidIdentityToken',
			status: 400,
			message:
				'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'
		});
	});

	it('refuses an issuer the account has no provider for', async () => {
		const token = await webIdentityToken(now, { iss: 'https://issuer.example' });
		expect((await refusal({ WebIdentityToken: token })).message).toBe(
			'No OpenIDConnect provider found in your account for https://issuer.example'
		);
	});

	it('refuses a token signed by another key', async () => {
		const forged = await webIdentityToken(now, {}, testKeys.accessToken);
		expect(await refusal({ WebIdentityToken: forged })).toMatchObject({
			code: 'InvalidIdentityToken',
			message: 'The signature of the web identity token could not be verified.'
		});
	});

	it('refuses an expired token with ExpiredTokenException, by the simulated clock', async () => {
		const token = await webIdentityToken(now);
		cloud.clock.advance(600_000);
		const iat = Math.floor(now / 1000);
		expect(await refusal({ WebIdentityToken: token })).toMatchObject({
			code: 'ExpiredTokenException',
			status: 400,
			message: `Token expired: current date/time ${iat + 600} must be before the expiration date/time ${iat + 600}`
		});
	});

	it('reports every invalid parameter in one ValidationError', async () => {
		const error = await refusal({
			RoleArn: undefined,
			RoleSessionName: 'bad name',
			DurationSeconds: 60
		});
		expect(error).toMatchObject({ code: 'ValidationError', status: 400 });
		expect(error.message).toBe(
			"3 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; " +
				"Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*; " +
				"Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"
		);
		expect((await refusal({ RoleSessionName: 'x'.repeat(65) })).message).toBe(
			`1 validation error detected: Value '${'x'.repeat(65)}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`
		);
	});

	it("refuses a duration above the role's maximum", async () => {
		expect(await refusal({ DurationSeconds: 7200 })).toMatchObject({
			code: 'ValidationError',
			message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
		});
	});

	it('refuses a session policy that is not JSON', async () => {
		expect(await refusal({ Policy: '{not json' })).toMatchObject({
			code: 'MalformedPolicyDocument',
			message: 'Syntax errors in policy.'
		});
	});

	it('answers InvalidAction for an action STS does not have here', async () => {
		const error = await callAwsQuery(cloud.fetch, sts, 'GetCallerIdentity', {}).catch(
			(e: unknown) => e
		);
		expect(error).toMatchObject({
			code: 'InvalidAction',
			status: 400,
			message: 'Could not find operation GetCallerIdentity for version 2011-06-15'
		});
	});
});
