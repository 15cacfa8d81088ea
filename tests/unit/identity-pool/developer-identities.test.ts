import {
	DeveloperUserAlreadyRegisteredException,
	GetCredentialsForIdentityCommand,
	GetOpenIdTokenForDeveloperIdentityCommand,
	InvalidParameterException,
	LookupDeveloperIdentityCommand
} from '@aws-sdk/client-cognito-identity';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { advanceTime, failure, unpinTime } from '../../support';
import { cognitoIdentityClient } from '../../support/cognito-identity-client';
import {
	identityPoolId,
	identityPoolWorld,
	type IdentityPoolWorld
} from '../../support/identity-pool-cloud';

afterEach(unpinTime);

const developer = 'login.flowlab.app';
const poolArn = `arn:aws:cognito-identity:us-east-1:111122223333:identitypool/${identityPoolId}`;

const developerToken = (
	world: IdentityPoolWorld,
	userId: string,
	extra: { IdentityId?: string; TokenDuration?: number } = {}
) =>
	world.identity.send(
		new GetOpenIdTokenForDeveloperIdentityCommand({
			IdentityPoolId: identityPoolId,
			Logins: { [developer]: userId },
			...extra
		})
	);

describe('GetOpenIdTokenForDeveloperIdentity, signed with the back end’s IAM user key', () => {
	it('maps one user identifier to one identity and signs a 15-minute token with developer amr entries', async () => {
		const world = identityPoolWorld();
		const first = await developerToken(world, 'user-42');
		const again = await developerToken(world, 'user-42');
		const other = await developerToken(world, 'user-43');
		expect(again.IdentityId).toBe(first.IdentityId);
		expect(other.IdentityId).not.toBe(first.IdentityId);
		const claims = decodeJwt(first.Token!);
		expect(claims).toMatchObject({
			sub: first.IdentityId,
			aud: identityPoolId,
			amr: ['authenticated', developer, `${developer}:${identityPoolId}:user-42`],
			'https://cognito-identity.amazonaws.com/identity-pool-arn': poolArn
		});
		expect(claims.exp! - claims.iat!).toBe(900);
		const exchange = world.cloud.log.entries.at(-1)!;
		expect(exchange.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
			['sigv4', 'pass'],
			['permissions', 'pass'],
			['token', 'pass']
		]);
	});

	it('honours TokenDuration up to 24 hours and refuses more with the validation message', async () => {
		const world = identityPoolWorld();
		const day = decodeJwt(
			(await developerToken(world, 'user-42', { TokenDuration: 86400 })).Token!
		);
		expect(day.exp! - day.iat!).toBe(86400);
		const error = await failure(developerToken(world, 'user-42', { TokenDuration: 86401 }));
		expect(error).toBeInstanceOf(InvalidParameterException);
		expect(error.message).toBe(
			"1 validation error detected: Value '86401' at 'tokenDuration' failed to satisfy constraint: Member must have value less than or equal to 86400"
		);
	});

	it('refuses to tie an identifier already registered to another identity', async () => {
		const world = identityPoolWorld();
		await developerToken(world, 'user-42');
		const { IdentityId } = await developerToken(world, 'user-43');
		const error = await failure(developerToken(world, 'user-42', { IdentityId }));
		expect(error).toBeInstanceOf(DeveloperUserAlreadyRegisteredException);
	});

	it('is looked up by identifier and by identity with LookupDeveloperIdentity', async () => {
		const world = identityPoolWorld();
		const { IdentityId } = await developerToken(world, 'user-42');
		const byUser = await world.identity.send(
			new LookupDeveloperIdentityCommand({
				IdentityPoolId: identityPoolId,
				DeveloperUserIdentifier: 'user-42'
			})
		);
		const byIdentity = await world.identity.send(
			new LookupDeveloperIdentityCommand({ IdentityPoolId: identityPoolId, IdentityId })
		);
		for (const found of [byUser, byIdentity]) {
			expect(found.IdentityId).toBe(IdentityId);
			expect(found.DeveloperUserIdentifierList).toEqual(['user-42']);
		}
	});

	it('gives enhanced-flow credentials for the token under cognito-identity.amazonaws.com', async () => {
		const world = identityPoolWorld();
		const { IdentityId, Token } = await developerToken(world, 'user-42');
		const { Credentials } = await world.identity.send(
			new GetCredentialsForIdentityCommand({
				IdentityId,
				Logins: { 'cognito-identity.amazonaws.com': Token! }
			})
		);
		const owner = world.cloud.account.accessKeyOwner(Credentials!.AccessKeyId!);
		expect(owner).toMatchObject({
			kind: 'assumed-role',
			credentials: {
				roleArn: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
				context: {
					'cognito-identity.amazonaws.com:amr': [
						'authenticated',
						developer,
						`${developer}:${identityPoolId}:user-42`
					]
				}
			}
		});
	});
});

describe('developer calls refused as an AWS JSON service refuses them', () => {
	const refusal = async (world: IdentityPoolWorld, client = world.identity) => {
		const error = await failure(
			client.send(
				new GetOpenIdTokenForDeveloperIdentityCommand({
					IdentityPoolId: identityPoolId,
					Logins: { [developer]: 'user-42' }
				})
			)
		);
		return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
	};

	it('a wrong secret: InvalidSignatureException', async () => {
		const world = identityPoolWorld();
		const client = cognitoIdentityClient(world.cloud.fetch, {
			accessKeyId: 'AKIAFLOWLABBACKEND01',
			secretAccessKey: 'fLowLabDemoBackEndSecret/DoNotUse/000043'
		});
		expect(await refusal(world, client)).toEqual({
			name: 'InvalidSignatureException',
			message:
				'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
			status: 400
		});
	});

	it('an unknown key: UnrecognizedClientException', async () => {
		const world = identityPoolWorld();
		const client = cognitoIdentityClient(world.cloud.fetch, {
			accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
			secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
		});
		expect(await refusal(world, client)).toEqual({
			name: 'UnrecognizedClientException',
			message: 'The security token included in the request is invalid.',
			status: 400
		});
	});

	it('a guest’s temporary credentials: AccessDeniedException naming the assumed role, then ExpiredTokenException after an hour', async () => {
		const world = identityPoolWorld();
		const guest = world.cloud.account.issueCredentials({
			roleArn: 'arn:aws:iam::111122223333:role/FlowLabGuest',
			roleSessionName: 'CognitoIdentityCredentials',
			expiration: Date.now() + 3600_000,
			context: {}
		});
		const client = cognitoIdentityClient(world.cloud.fetch, {
			accessKeyId: guest.accessKeyId,
			secretAccessKey: guest.secretAccessKey,
			sessionToken: guest.sessionToken
		});
		expect(await refusal(world, client)).toEqual({
			name: 'AccessDeniedException',
			message: `User: arn:aws:sts::111122223333:assumed-role/FlowLabGuest/CognitoIdentityCredentials is not authorized to perform: cognito-identity:GetOpenIdTokenForDeveloperIdentity on resource: ${poolArn}`,
			status: 400
		});
		advanceTime(3600_000);
		expect(await refusal(world, client)).toEqual({
			name: 'ExpiredTokenException',
			message: 'The security token included in the request is expired',
			status: 403
		});
	});

	it('no signature at all: MissingAuthenticationTokenException 403', async () => {
		const world = identityPoolWorld();
		const response = await world.cloud.fetch('https://cognito-identity.us-east-1.amazonaws.com/', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': 'AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity'
			},
			body: JSON.stringify({ IdentityPoolId: identityPoolId, Logins: { [developer]: 'user-42' } })
		});
		expect(response.status).toBe(403);
		expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException:');
		expect(await response.json()).toEqual({
			__type: 'MissingAuthenticationTokenException',
			message: 'Missing Authentication Token'
		});
	});
});
