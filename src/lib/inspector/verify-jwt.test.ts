import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
	accessClaims,
	clientId,
	createTestPool,
	encryptRefreshToken,
	iat,
	idClaims,
	issuer,
	now,
	sign
} from './test-tokens.fixture';
import { testPool as pool } from './test-pool.fixture';
import { verifyJwt, type VerificationResult, type VerifyOptions } from './verify-jwt';

const userPool = { issuer, kind: 'user-pool', jwks: pool.jwks, audiences: [clientId] } as const;
const options: VerifyOptions = { trusted: [userPool], now };

const statuses = (result: VerificationResult) => result.steps.map((s) => `${s.id}:${s.status}`);

describe('verifyJwt', () => {
	it('passes a fresh ID token through all seven labelled steps in aws-jwt-verify order', async () => {
		const result = await verifyJwt(await sign(idClaims(), pool.idKey), options);
		expect(result.verified).toBe(true);
		expect(result.failure).toBeUndefined();
		expect(statuses(result)).toEqual([
			'structure:pass',
			'kid:pass',
			'signature:pass',
			'expiry:pass',
			'issuer:pass',
			'token-use:pass',
			'audience:pass'
		]);
		expect(result.steps[6]?.label).toBe(
			'Audience: aud (ID tokens) must be an app client of the pool'
		);
		expect(result.steps[3]?.detail).toBe(
			'exp 2026-11-22 01:29:00 UTC is 59 min after the simulated time.'
		);
	});

	it('checks client_id, not aud, on an access token', async () => {
		const result = await verifyJwt(await sign(accessClaims(), pool.accessKey), options);
		expect(result.verified).toBe(true);
		expect(result.steps[6]).toMatchObject({
			label: 'Audience: client_id (access tokens have no aud) must be an app client of the pool',
			detail: `client_id is "${clientId}", an app client of this pool.`
		});
	});

	it('fails expiry once the simulated clock passes exp, naming exp and the simulated time', async () => {
		const token = await sign(idClaims(), pool.idKey);
		const later = (iat + 3600 + 180) * 1000;
		const result = await verifyJwt(token, { ...options, now: later });
		expect(result.verified).toBe(false);
		expect(result.failure).toMatchObject({
			id: 'expiry',
			detail: `Token expired at 2026-11-22 01:29:00 UTC (exp ${iat + 3600}), 3 min before the simulated time 2026-11-22 01:32:00 UTC. Expected: exp at or after ${iat + 3780}.`,
			error: { field: 'exp', actual: iat + 3600, expected: `>= ${iat + 3780}` }
		});
		expect(statuses(result).slice(4)).toEqual([
			'issuer:not-run',
			'token-use:not-run',
			'audience:not-run'
		]);
	});

	it('still accepts the token in the very second it expires, as aws-jwt-verify does', async () => {
		const token = await sign(idClaims(), pool.idKey);
		const result = await verifyJwt(token, { ...options, now: (iat + 3600) * 1000 + 999 });
		expect(result.verified).toBe(true);
	});

	it('fails the kid step for a token signed by a key the pool does not publish', async () => {
		const other = await createTestPool();
		const token = await sign(idClaims(), { ...other.idKey, kid: 'other-pool-kid=' });
		const result = await verifyJwt(token, options);
		expect(result.failure?.id).toBe('kid');
		expect(result.failure?.detail).toBe(
			'JWK for kid "other-pool-kid=" not found in the JWKS. Expected one of: "id-key-kid=", "access-key-kid=". A token signed by another user pool fails here.'
		);
	});

	it('fails the signature when the payload was edited after signing', async () => {
		const token = await sign(idClaims(), pool.idKey);
		const [h, , s] = token.split('.');
		const forged = Buffer.from(JSON.stringify(idClaims({ 'cognito:groups': ['admins'] }))).toString(
			'base64url'
		);
		const result = await verifyJwt(`${h}.${forged}.${s}`, options);
		expect(result.failure).toMatchObject({
			id: 'signature',
			detail:
				'Invalid signature: header.payload was not signed by the private half of key "id-key-kid=", or was changed after signing.'
		});
	});

	it('fails the signature when the kid matches but another key signed', async () => {
		const token = await sign(idClaims(), { ...pool.accessKey, kid: pool.idKey.kid });
		expect((await verifyJwt(token, options)).failure?.id).toBe('signature');
	});

	it('refuses any algorithm but RS256', async () => {
		const token = await new SignJWT(idClaims())
			.setProtectedHeader({ kid: pool.idKey.kid, alg: 'HS256' })
			.sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!'));
		const result = await verifyJwt(token, options);
		expect(result.failure).toMatchObject({
			id: 'signature',
			detail: 'Signature algorithm not allowed: alg is "HS256". Expected one of: "RS256", "RS512".'
		});
	});

	it('names the issuer it got and the one it expected', async () => {
		const wrong = 'https://cognito-idp.amazonaws.com/us-east-1_AbCdEf123';
		const result = await verifyJwt(await sign(idClaims({ iss: wrong }), pool.idKey), options);
		expect(result.failure?.detail).toBe(
			`Issuer not allowed: iss is "${wrong}". Expected: "${issuer}".`
		);
	});

	it('refuses an ID token where the field needs an access token (GetUser)', async () => {
		const token = await sign(idClaims(), pool.idKey);
		const result = await verifyJwt(token, { ...options, expectedUse: 'access' });
		expect(result.failure).toMatchObject({
			id: 'token-use',
			label: 'Token use: token_use must be access, the kind this field carries',
			detail: 'Token use not allowed: token_use is "id". Expected: "access".'
		});
	});

	it('refuses a token_use other than id or access', async () => {
		const result = await verifyJwt(
			await sign(idClaims({ token_use: 'refresh' }), pool.idKey),
			options
		);
		expect(result.failure?.detail).toBe(
			'Token use not allowed: token_use is "refresh". Expected one of: "id", "access".'
		);
	});

	it('names the client it got and the clients it expected', async () => {
		const result = await verifyJwt(await sign(idClaims({ aud: 'someotherclient' }), pool.idKey), {
			...options,
			trusted: [{ ...userPool, audiences: [clientId, 'secondclient'] }]
		});
		expect(result.failure?.detail).toBe(
			`Client ID not allowed: aud is "someotherclient". Expected one of: "${clientId}", "secondclient".`
		);
	});

	it('explains an access token checked for aud: it has client_id instead', async () => {
		const claims = accessClaims({ token_use: 'id' });
		const result = await verifyJwt(await sign(claims, pool.accessKey), options);
		expect(result.failure?.detail).toBe(
			`Missing aud (it has client_id, which this kind of token does not use). Expected: "${clientId}".`
		);
	});

	it('fails at structure for the refresh token, the JWE', async () => {
		const result = await verifyJwt(await encryptRefreshToken(pool), options);
		expect(result.failure?.id).toBe('structure');
		expect(result.failure?.detail).toMatch(/^JWT string does not consist of exactly 3 parts/);
		expect(result.steps.filter((s) => s.status === 'not-run')).toHaveLength(6);
	});

	it('fails at structure, with the decoder sentence, for a truncated token', async () => {
		const token = await sign(idClaims(), pool.idKey);
		const result = await verifyJwt(token.slice(0, 30), options);
		expect(result.failure?.detail).toMatch(
			/^This is not a valid JWT: it has \d dot-separated part/
		);
	});

	it('says so when the JWKS is not loaded', async () => {
		const result = await verifyJwt(await sign(idClaims(), pool.idKey), {
			...options,
			trusted: [{ ...userPool, jwks: null }]
		});
		expect(result.failure?.detail).toBe(
			"No JWKS to check against: the user pool's public keys are not loaded yet."
		);
	});

	it('never throws on garbage', async () => {
		for (const token of ['', '...', 'eyJ.eyJ.eyJ', 'a'.repeat(5000), 'e30.e30.']) {
			const result = await verifyJwt(token, options);
			expect(result.verified).toBe(false);
			expect(result.steps).toHaveLength(7);
		}
	});
});

describe('verifyJwt with the issuers a flow trusts', () => {
	const identityPoolId = 'us-east-1:4f5e6d7c-8b9a-4c1d-9e2f-0a1b2c3d4e5f';
	const identityIssuer = 'https://cognito-identity.amazonaws.com';

	// The identity pool signs RS512 (cognito.md §7.6): the fixture's key, imported for RS512.
	async function identityPool() {
		const { exportJWK, importJWK } = await import('jose');
		const privateJwk = await exportJWK(pool.idKey.privateKey);
		const key = await importJWK({ ...privateJwk, alg: 'RS512' }, 'RS512');
		const kid = 'us-east-11';
		const trusted = {
			issuer: identityIssuer,
			kind: 'identity-pool',
			jwks: { keys: [{ ...pool.idKey.publicJwk, kid, alg: 'RS512' }] as unknown as JsonWebKey[] },
			audiences: [identityPoolId]
		} as const;
		const token = (claims: Record<string, unknown>) =>
			new SignJWT({
				sub: 'us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
				aud: identityPoolId,
				iss: identityIssuer,
				amr: ['unauthenticated'],
				iat,
				exp: iat + 600,
				...claims
			})
				.setProtectedHeader({ alg: 'RS512', kid, typ: 'JWS' })
				.sign(key);
		return { trusted, token };
	}

	it('verifies an identity pool OpenID token against the issuer its iss names, RS512, no token_use', async () => {
		const { trusted, token } = await identityPool();
		const result = await verifyJwt(await token({}), { trusted: [userPool, trusted], now });
		expect(statuses(result)).toEqual([
			'structure:pass',
			'kid:pass',
			'signature:pass',
			'expiry:pass',
			'issuer:pass',
			'audience:pass'
		]);
		expect(result.steps.at(-1)?.label).toBe('Audience: aud must be the identity pool');
		// A user pool token on the same page still goes to the user pool's keys.
		const id = await sign(idClaims(), pool.idKey);
		expect((await verifyJwt(id, { trusted: [userPool, trusted], now })).verified).toBe(true);
	});

	it("verifies Google's ID token against Google's keys: RS256, aud a client at Google, no token_use", async () => {
		const googleIssuer = 'https://accounts.google.com';
		const googleClient = '123456789012-flowlabwebapp.apps.googleusercontent.com';
		const google = {
			issuer: googleIssuer,
			kind: 'google',
			jwks: pool.jwks,
			audiences: [googleClient]
		} as const;
		const claims = {
			iss: googleIssuer,
			aud: googleClient,
			azp: googleClient,
			sub: '110169484474386276334',
			email: 'alice@example.com',
			iat,
			exp: iat + 3600
		};
		const result = await verifyJwt(
			await new SignJWT(claims)
				.setProtectedHeader({ alg: 'RS256', kid: pool.idKey.publicJwk.kid as string })
				.sign(pool.idKey.privateKey),
			{ trusted: [userPool, google], now }
		);
		expect(statuses(result)).toEqual([
			'structure:pass',
			'kid:pass',
			'signature:pass',
			'expiry:pass',
			'issuer:pass',
			'audience:pass'
		]);
		expect(result.steps.map((s) => s.label)).toContain('Issuer: iss must be Google');
		expect(result.steps.at(-1)).toMatchObject({
			label: 'Audience: aud must be an OAuth client registered at Google',
			detail: `aud is "${googleClient}", an OAuth client at Google.`
		});
	});

	it('refuses an identity pool token minted for another identity pool', async () => {
		const { trusted, token } = await identityPool();
		const result = await verifyJwt(await token({ aud: 'us-east-1:other' }), {
			trusted: [trusted],
			now
		});
		expect(result.failure?.id).toBe('audience');
	});

	it('says plainly when the token comes from an issuer the flow does not trust', async () => {
		const { trusted, token } = await identityPool();
		const result = await verifyJwt(await token({}), { trusted: [userPool], now });
		expect(result.failure?.id).toBe('kid');
		expect(result.failure?.detail).toContain(
			`Its iss "${identityIssuer}" is not an issuer this flow trusts.`
		);
		const foreign = await sign(idClaims({ iss: 'https://issuer.example' }), pool.idKey);
		const many = await verifyJwt(foreign, { trusted: [userPool, trusted], now });
		expect(many.failure?.detail).toBe(
			`Issuer not trusted: iss is "https://issuer.example", and this flow trusts only "${issuer}", "${identityIssuer}", so there are no keys to check the token against.`
		);
		const none = await verifyJwt(foreign, { trusted: [], now });
		expect(none.failure?.detail).toContain('this flow trusts only (none)');
	});
});
