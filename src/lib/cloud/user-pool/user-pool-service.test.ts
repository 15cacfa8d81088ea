import { handle } from '../../../../tests/support/handle';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { testKeys } from '../../../../tests/support/test-keys';

const endpoint = 'https://cognito-idp.us-east-1.amazonaws.com/';
const poolId = 'us-east-1_FlowLab01';
const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;

function post(body: BodyInit, headers: Record<string, string> = {}) {
	return new Request(endpoint, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-amz-json-1.1',
			'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
			...headers
		},
		body
	});
}

describe('the user pool on the wire', () => {
	it('answers errors exactly as AWS: 400, x-amzn-ErrorType with a trailing colon, message header and body', async () => {
		const { userPool } = createCloud(undefined, { userPoolKeys: testKeys });
		const response = await handle(
			userPool,
			post(
				JSON.stringify({
					AuthFlow: 'REFRESH_TOKEN_AUTH',
					ClientId: '3n4flowlab5webclient6a7b8c',
					AuthParameters: { REFRESH_TOKEN: 'nope' }
				})
			)
		);
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
		expect(response.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
		expect(response.headers.get('x-amzn-errormessage')).toBe('Invalid Refresh Token.');
		expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
		expect(await response.text()).toBe(
			'{"__type":"NotAuthorizedException","message":"Invalid Refresh Token."}'
		);
	});

	it.each([
		['a GET', new Request(endpoint)],
		['no target', post('{}', { 'x-amz-target': '' })],
		['another service', post('{}', { 'x-amz-target': 'AWSCognitoIdentityService.GetId' })],
		[
			'an unknown operation',
			post('{}', { 'x-amz-target': 'AWSCognitoIdentityProviderService.Nope' })
		],
		['a form body', post('a=b', { 'content-type': 'application/x-www-form-urlencoded' })]
	])('answers %s with a message-less UnknownOperationException', async (_, request) => {
		const { userPool } = createCloud();
		const response = await handle(userPool, request);
		expect(response.status).toBe(400);
		expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException:');
		expect(response.headers.has('x-amzn-errormessage')).toBe(false);
		expect(await response.json()).toEqual({ __type: 'UnknownOperationException' });
	});

	it.each(['{', '[]', '"text"', 'null', '42'])(
		'answers the body %s with SerializationException',
		async (body) => {
			const { userPool } = createCloud();
			const response = await handle(userPool, post(body));
			expect(response.status).toBe(400);
			expect(await response.json()).toEqual({ __type: 'SerializationException' });
		}
	);

	it('caps a streamed body without Content-Length while reading it (the network stops just past 1 MiB)', async () => {
		const { userPool } = createCloud();
		const chunk = new Uint8Array(64 * 1024).fill(32);
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				sent += chunk.length;
				controller.enqueue(chunk);
			}
		});
		const response = await handle(
			userPool,
			new Request(endpoint, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-amz-json-1.1',
					'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp'
				},
				body,
				duplex: 'half'
			} as RequestInit)
		);
		expect(response.status).toBe(413);
		// Streams read a few chunks ahead; what matters is that reading stops.
		expect(sent).toBeLessThan(4 * 1024 * 1024);
	});

	it('publishes the JWKS and the OIDC discovery document under the pool id', async () => {
		const cloud = createCloud(undefined, { userPoolKeys: testKeys });
		const jwks = await (await cloud.fetch(`${issuer}/.well-known/jwks.json`)).json();
		expect(jwks).toEqual(await cloud.userPool.jwks());
		expect(jwks.keys).toHaveLength(2);
		for (const key of jwks.keys)
			expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
		const config = await (await cloud.fetch(`${issuer}/.well-known/openid-configuration`)).json();
		expect(config).toMatchObject({
			issuer,
			jwks_uri: cloud.userPool.jwksUrl,
			authorization_endpoint: 'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/authorize',
			id_token_signing_alg_values_supported: ['RS256']
		});
		const other = await cloud.fetch(
			'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other/.well-known/jwks.json'
		);
		expect(other.status).toBe(404);
		expect(await other.json()).toEqual({ message: 'User pool us-east-1_Other does not exist.' });
	});

	it('answers only its own region host', () => {
		const { userPool } = createCloud();
		expect(userPool.matches(new URL(endpoint))).toBe(true);
		expect(userPool.matches(new URL('https://cognito-idp.eu-west-1.amazonaws.com/'))).toBe(false);
		expect(userPool.issuer).toBe(issuer);
	});

	it('never rejects and never answers 500, whatever the request', async () => {
		const { userPool } = createCloud(undefined, { userPoolKeys: testKeys });
		const operations = [
			'InitiateAuth',
			'RespondToAuthChallenge',
			'SignUp',
			'ConfirmSignUp',
			'ResendConfirmationCode',
			'GetUser',
			'GlobalSignOut',
			'RevokeToken'
		];
		const members = fc.constantFrom(
			'ClientId',
			'AuthFlow',
			'AuthParameters',
			'ChallengeName',
			'ChallengeResponses',
			'Session',
			'AccessToken',
			'Token',
			'Username',
			'Password',
			'ConfirmationCode',
			'UserAttributes'
		);
		// AuthParameters / ChallengeResponses keys, so the fuzz gets past the first checks
		const parameters = fc.constantFrom(
			'USERNAME',
			'SRP_A',
			'PASSWORD',
			'REFRESH_TOKEN',
			'SECRET_HASH',
			'PASSWORD_CLAIM_SIGNATURE',
			'PASSWORD_CLAIM_SECRET_BLOCK',
			'TIMESTAMP',
			'SOFTWARE_TOKEN_MFA_CODE',
			'NEW_PASSWORD'
		);
		const values = fc.oneof(
			fc.string(),
			fc.integer(),
			fc.constant(null),
			fc.dictionary(fc.string(), fc.string()),
			fc.dictionary(parameters, fc.oneof(fc.string(), fc.constantFrom('alice', 'abc123'))),
			fc.constantFrom('3n4flowlab5webclient6a7b8c', 'USER_SRP_AUTH', 'PASSWORD_VERIFIER')
		);
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...operations),
				fc.oneof(
					fc.json(),
					fc.dictionary(members, values).map((o) => JSON.stringify(o))
				),
				async (operation, body) => {
					const response = await handle(
						userPool,
						post(body, { 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` })
					);
					expect(response.status).toBeLessThan(500);
				}
			),
			{ numRuns: 150 }
		);
	});
});
