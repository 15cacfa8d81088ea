import {
	CompactEncrypt,
	exportJWK,
	generateKeyPair,
	SignJWT,
	type JWK,
	type JWTPayload
} from 'jose';

/** Test-only: real keys and really signed tokens shaped like cognito.md §2.4. Never hard-coded. */
export const userPoolId = 'us-east-1_AbCdEf123';
export const issuer = `https://cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
export const clientId = '1example23456789abcdefghij';
/** Simulated "now" for every test: 2026-11-22 00:30:00 UTC. */
export const now = Date.UTC(2026, 10, 22, 0, 30, 0);
export const iat = Math.floor(now / 1000) - 60;

export interface TestKey {
	kid: string;
	privateKey: CryptoKey;
	publicJwk: JWK;
}

export interface TestPool {
	idKey: TestKey;
	accessKey: TestKey;
	jwks: { keys: JsonWebKey[] };
	refreshKey: CryptoKey;
}

async function signingKey(kid: string): Promise<TestKey> {
	const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
	const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
	return { kid, privateKey, publicJwk };
}

export async function createTestPool(): Promise<TestPool> {
	const [idKey, accessKey, refresh] = await Promise.all([
		signingKey('id-key-kid='),
		signingKey('access-key-kid='),
		generateKeyPair('RSA-OAEP')
	]);
	const jwks = { keys: [idKey.publicJwk, accessKey.publicJwk] as JsonWebKey[] };
	return { idKey, accessKey, jwks, refreshKey: refresh.publicKey };
}

export function idClaims(overrides: JWTPayload = {}): JWTPayload {
	return {
		sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
		'cognito:groups': ['editors'],
		email_verified: true,
		iss: issuer,
		'cognito:username': 'alice',
		origin_jti: '0c6f7a8e-1d2b-4f3c-9a8b-7c6d5e4f3a2b',
		aud: clientId,
		event_id: '5d6c7b8a-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
		token_use: 'id',
		auth_time: iat,
		exp: iat + 3600,
		iat,
		jti: '7e8f9a0b-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
		email: 'alice@example.com',
		...overrides
	};
}

export function accessClaims(overrides: JWTPayload = {}): JWTPayload {
	return {
		sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
		'cognito:groups': ['editors'],
		iss: issuer,
		client_id: clientId,
		origin_jti: '0c6f7a8e-1d2b-4f3c-9a8b-7c6d5e4f3a2b',
		event_id: '5d6c7b8a-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
		token_use: 'access',
		scope: 'aws.cognito.signin.user.admin',
		auth_time: iat,
		exp: iat + 3600,
		iat,
		jti: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
		username: 'alice',
		version: 2,
		...overrides
	};
}

/** Signs `claims` as Cognito does: RS256, header `{ kid, alg }` and nothing else. */
export function sign(claims: JWTPayload, key: TestKey): Promise<string> {
	return new SignJWT(claims)
		.setProtectedHeader({ kid: key.kid, alg: 'RS256' })
		.sign(key.privateKey);
}

/** A refresh-token-shaped JWE: header `{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}`. */
export function encryptRefreshToken(pool: TestPool): Promise<string> {
	return new CompactEncrypt(new TextEncoder().encode('{"opaque":"state"}'))
		.setProtectedHeader({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })
		.encrypt(pool.refreshKey);
}
