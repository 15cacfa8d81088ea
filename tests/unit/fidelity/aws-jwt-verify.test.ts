import {
	type CognitoIdentityProviderClient,
	ConfirmSignUpCommand,
	InitiateAuthCommand,
	SignUpCommand
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
	CognitoJwtInvalidClientIdError,
	CognitoJwtInvalidTokenUseError,
	JwtExpiredError,
	JwtParseError
} from 'aws-jwt-verify/error';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '$lib/cloud';
import {
	advanceTime,
	jwksOverTheNetwork,
	legacyClientId,
	unpinTime,
	webClientId
} from '../../support';
import { pinnedCloudWithSdk } from '../../support/pinned-cloud';

const userPoolId = 'us-east-1_FlowLab01';

let cloud: Cloud;
let sdk: CognitoIdentityProviderClient;

beforeEach(() => ({ cloud, sdk } = pinnedCloudWithSdk()));
afterEach(unpinTime);

async function signIn(username = 'alice', password = 'Correct-Horse-42') {
	const out = await sdk.send(
		new InitiateAuthCommand({
			AuthFlow: 'USER_PASSWORD_AUTH',
			ClientId: legacyClientId,
			AuthParameters: { USERNAME: username, PASSWORD: password }
		})
	);
	return out.AuthenticationResult!;
}

async function verifier(tokenUse: 'id' | 'access', clientId = legacyClientId) {
	const v = CognitoJwtVerifier.create({ userPoolId, tokenUse, clientId });
	v.cacheJwks(await jwksOverTheNetwork(cloud));
	return v;
}

describe('aws-jwt-verify judges the pool tokens', () => {
	it('accepts the ID token as id and the access token as access for the right client', async () => {
		const tokens = await signIn();
		expect((await verifier('id')).verifySync(tokens.IdToken!)).toMatchObject({
			token_use: 'id',
			aud: legacyClientId,
			'cognito:username': 'alice',
			email_verified: true
		});
		expect((await verifier('access')).verifySync(tokens.AccessToken!)).toMatchObject({
			token_use: 'access',
			client_id: legacyClientId,
			scope: 'aws.cognito.signin.user.admin',
			version: 2
		});
	});

	it('rejects them swapped with CognitoJwtInvalidTokenUseError', async () => {
		const tokens = await signIn();
		const id = await verifier('id');
		const access = await verifier('access');
		expect(() => id.verifySync(tokens.AccessToken!)).toThrow(CognitoJwtInvalidTokenUseError);
		expect(() => access.verifySync(tokens.IdToken!)).toThrow(
			'Token use not allowed: id. Expected: access'
		);
	});

	it('rejects a token for another client with CognitoJwtInvalidClientIdError', async () => {
		const tokens = await signIn();
		const other = await verifier('id', webClientId);
		expect(() => other.verifySync(tokens.IdToken!)).toThrow(CognitoJwtInvalidClientIdError);
	});

	it('rejects expired tokens once the clock passes exp', async () => {
		const tokens = await signIn();
		const access = await verifier('access');
		advanceTime(3600_000 + 1000);
		expect(() => access.verifySync(tokens.AccessToken!)).toThrow(JwtExpiredError);
	});

	it('cannot parse the refresh token: it is a 5-part JWE', async () => {
		const tokens = await signIn();
		expect(() => decodeProtectedHeader(tokens.RefreshToken!)).not.toThrow();
		expect(decodeProtectedHeader(tokens.RefreshToken!)).toEqual({
			cty: 'JWT',
			enc: 'A256GCM',
			alg: 'RSA-OAEP'
		});
		expect(() => {
			CognitoJwtVerifier.create({ userPoolId, tokenUse: null, clientId: null }).verifySync(
				tokens.RefreshToken!
			);
		}).toThrow(JwtParseError);
	});
});

describe('token shapes', () => {
	it('signs with header exactly {kid, alg}, ID and access tokens by different keys', async () => {
		const tokens = await signIn();
		const idHeader = decodeProtectedHeader(tokens.IdToken!);
		const accessHeader = decodeProtectedHeader(tokens.AccessToken!);
		expect(Object.keys(idHeader)).toEqual(['kid', 'alg']);
		expect(accessHeader.alg).toBe('RS256');
		expect(idHeader.kid).not.toBe(accessHeader.kid);
		const jwks = await cloud.userPool.jwks();
		expect(jwks.keys.map((k) => k.kid)).toEqual([idHeader.kid, accessHeader.kid]);
		expect(jwks.keys[0]).toMatchObject({ alg: 'RS256', kty: 'RSA', e: 'AQAB', use: 'sig' });
	});

	it('carries groups, roles and the preferred role; access tokens have client_id and no aud', async () => {
		const tokens = await signIn();
		const id = decodeJwt(tokens.IdToken!);
		expect(id).toMatchObject({
			'cognito:groups': ['editors', 'readers'],
			'cognito:roles': ['arn:aws:iam::111122223333:role/FlowLabEditors'],
			'cognito:preferred_role': 'arn:aws:iam::111122223333:role/FlowLabEditors',
			iss: `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`,
			email: 'alice@example.com'
		});
		expect(id.exp! - id.iat!).toBe(3600);
		const access = decodeJwt(tokens.AccessToken!);
		expect(access.aud).toBeUndefined();
		expect(access).toMatchObject({ username: 'alice', 'cognito:groups': ['editors', 'readers'] });
		expect(access.origin_jti).toBe(id.origin_jti);
		expect(access.jti).not.toBe(id.jti);
	});

	it('leaves group and role claims out for a user in no group', async () => {
		await sdk.send(
			new SignUpCommand({
				ClientId: legacyClientId,
				Username: 'grace',
				Password: 'Grace-Pass-42',
				UserAttributes: [{ Name: 'email', Value: 'grace@example.com' }]
			})
		);
		const code = cloud.userPool.outbox.at(-1)!.code;
		await sdk.send(
			new ConfirmSignUpCommand({
				ClientId: legacyClientId,
				Username: 'grace',
				ConfirmationCode: code
			})
		);
		const id = decodeJwt((await signIn('grace', 'Grace-Pass-42')).IdToken!);
		expect(id).toMatchObject({ 'cognito:username': 'grace', email_verified: true });
		for (const claim of ['cognito:groups', 'cognito:roles', 'cognito:preferred_role'])
			expect(id).not.toHaveProperty([claim]);
	});

	it('keeps auth_time and origin_jti across a refresh while iat moves', async () => {
		const tokens = await signIn();
		advanceTime(600_000);
		const refreshed = await sdk.send(
			new InitiateAuthCommand({
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				ClientId: legacyClientId,
				AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! }
			})
		);
		const before = decodeJwt(tokens.IdToken!);
		const after = decodeJwt(refreshed.AuthenticationResult!.IdToken!);
		expect(after.auth_time).toBe(before.auth_time);
		expect(after.origin_jti).toBe(before.origin_jti);
		expect(after.iat).toBe(before.iat! + 600);
	});
});
