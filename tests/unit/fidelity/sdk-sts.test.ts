import {
	AssumeRoleWithWebIdentityCommand,
	ExpiredTokenException,
	InvalidIdentityTokenException,
	MalformedPolicyDocumentException,
	STSClient,
	STSServiceException
} from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCloud, type Cloud } from '$lib/cloud';
import { failure } from '../../support/failure';
import { pinnedAt, pinTime, unpinTime } from '../../support/pinned-time';
import { cloudRequestHandler } from '../../support/sdk-request-handler';
import { testKeys } from '../../support/test-keys';
import {
	authenticatedRoleArn,
	identityId,
	identityPoolId,
	trustTestIdentityIssuer,
	webIdentityToken
} from '../../support/web-identity';

/**
 * The real `@aws-sdk/client-sts` against the simulated STS: its Query serializer, XML
 * deserializer and error mapping judge the wire (cognito.md §8).
 */
let cloud: Cloud;
let sts: STSClient;

beforeEach(() => {
	pinTime();
	cloud = createCloud(undefined, { userPoolKeys: testKeys });
	trustTestIdentityIssuer(cloud);
	// No credentials: AssumeRoleWithWebIdentity is unsigned (`noAuth`).
	sts = new STSClient({
		region: 'us-east-1',
		maxAttempts: 1,
		requestHandler: cloudRequestHandler(cloud.fetch)
	});
});
afterEach(unpinTime);

const command = async (input: Partial<AssumeRoleWithWebIdentityCommand['input']> = {}) =>
	new AssumeRoleWithWebIdentityCommand({
		RoleArn: authenticatedRoleArn,
		RoleSessionName: 'CognitoIdentityCredentials',
		WebIdentityToken: await webIdentityToken(pinnedAt),
		...input
	});

describe('STSClient AssumeRoleWithWebIdentity', () => {
	it('receives credentials, the assumed role and the token subject', async () => {
		const output = await sts.send(await command());
		expect(output.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
		expect(output.Credentials?.SecretAccessKey).toHaveLength(40);
		expect(output.Credentials?.SessionToken).toBeTruthy();
		expect(output.Credentials?.Expiration).toEqual(
			new Date(Math.floor(pinnedAt / 1000) * 1000 + 3_600_000)
		);
		expect(output.AssumedRoleUser).toEqual({
			Arn: 'arn:aws:sts::111122223333:assumed-role/FlowLabAuthenticated/CognitoIdentityCredentials',
			AssumedRoleId: 'AROAFLOWLABAUTHENTIC1:CognitoIdentityCredentials'
		});
		expect(output.SubjectFromWebIdentityToken).toBe(identityId);
		expect(output.Audience).toBe(identityPoolId);
		expect(output.Provider).toBe('https://cognito-identity.amazonaws.com');
		expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
		const [exchange] = cloud.log.entries;
		expect(exchange?.request.headers.find(([n]) => n === 'authorization')).toBeUndefined();
	});

	it('maps InvalidIdentityToken to InvalidIdentityTokenException', async () => {
		const error = await failure(sts.send(await command({ WebIdentityToken: 'not.a.jwt' })));
		expect(error).toBeInstanceOf(InvalidIdentityTokenException);
		expect(error.message).toBe(
			'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'
		);
		expect(error.$metadata?.httpStatusCode).toBe(400);
	});

	it('maps ExpiredTokenException to its class', async () => {
		const token = await webIdentityToken(pinnedAt - 3_600_000);
		const error = await failure(sts.send(await command({ WebIdentityToken: token })));
		expect(error).toBeInstanceOf(ExpiredTokenException);
		const exp = Math.floor(pinnedAt / 1000) - 3000;
		expect(error.message).toBe(
			`Token expired: current date/time ${Math.floor(pinnedAt / 1000)} must be before the expiration date/time ${exp}`
		);
	});

	it('gives AccessDenied (no modelled class) as an STSServiceException named AccessDenied, 403', async () => {
		const guest = await webIdentityToken(pinnedAt, { amr: ['unauthenticated'] });
		const error = await failure(sts.send(await command({ WebIdentityToken: guest })));
		expect(error).toBeInstanceOf(STSServiceException);
		expect(error.name).toBe('AccessDenied');
		expect(error.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
		expect(error.$metadata?.httpStatusCode).toBe(403);
	});

	it('gives ValidationError and MalformedPolicyDocument their names', async () => {
		const invalid = await failure(sts.send(await command({ RoleSessionName: 'has space' })));
		expect(invalid).toBeInstanceOf(STSServiceException);
		expect(invalid.name).toBe('ValidationError');
		expect(invalid.message).toMatch(
			/^1 validation error detected: Value 'has space' at 'roleSessionName'/
		);
		const malformed = await failure(sts.send(await command({ Policy: '[' })));
		expect(malformed).toBeInstanceOf(MalformedPolicyDocumentException);
	});
});
