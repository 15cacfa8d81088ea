import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, toPromise } from 'xstate';
import { createCloud, generateUserPoolKeys, type Cloud, type UserPoolKeys } from '$lib/cloud';
import { userPoolSignInMachine } from '../machine';
import { signInInputFor } from '../sign-in-options';
import type { SignInTokens } from '../sign-in-types';
import { verifyIdToken } from './verify-id-token';

/*
 * The checks the sign-in path never fails (the pool signs with the keys it publishes), each made
 * to fail with real tokens from a real pool.
 */

const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);
let keys: UserPoolKeys;
let cloud: Cloud;
let tokens: SignInTokens;

beforeAll(async () => {
	keys = await generateUserPoolKeys();
	cloud = createCloud(undefined, { clock: { fixed: pinnedAt }, userPoolKeys: keys });
	const actor = createActor(userPoolSignInMachine, {
		input: signInInputFor(cloud, { user: 'alice', mistakes: ['id-token-to-getuser'] })
	}).start();
	await toPromise(actor);
	tokens = actor.getSnapshot().context.tokens!;
});

const check = (overrides: Partial<Parameters<typeof verifyIdToken>[0]> = {}) =>
	verifyIdToken({
		fetch: cloud.fetch,
		clock: cloud.clock,
		region: 'us-east-1',
		userPoolId: 'us-east-1_FlowLab01',
		clientId: '3n4flowlab5webclient6a7b8c',
		idToken: tokens.idToken,
		...overrides
	});

describe('verifyIdToken', () => {
	it('accepts the ID token the pool issued and returns its header and claims', async () => {
		const verified = await check();
		expect(verified.header.alg).toBe('RS256');
		expect(verified.jwksKids).toContain(verified.header.kid);
		expect(verified.claims).toMatchObject({ token_use: 'id', 'cognito:username': 'alice' });
	});

	it('rejects a token whose payload was changed after signing', async () => {
		const [header, payload, signature] = tokens.idToken.split('.');
		const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
		const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admins'] }));
		await expect(
			check({ idToken: `${header}.${forged.toString('base64url')}.${signature}` })
		).rejects.toMatchObject({ name: 'JWSSignatureVerificationFailed' });
	});

	it('rejects a token for another app client', async () => {
		await expect(check({ clientId: '5s6flowlab7server8client9d' })).rejects.toMatchObject({
			name: 'JWTClaimValidationFailed',
			message: 'unexpected "aud" claim value'
		});
	});

	it('rejects the access token: it has no aud', async () => {
		await expect(check({ idToken: tokens.accessToken })).rejects.toMatchObject({
			name: 'JWTClaimValidationFailed',
			message: 'missing required "aud" claim'
		});
	});

	it('rejects the token once the clock is past its exp', async () => {
		const later = createCloud(undefined, {
			clock: { fixed: pinnedAt + 3_601_000 },
			userPoolKeys: keys
		});
		await expect(check({ fetch: later.fetch, clock: later.clock })).rejects.toMatchObject({
			name: 'JWTExpired',
			message: '"exp" claim timestamp check failed'
		});
	});

	it('rejects a token none of the JWKS keys signed (keys rotated, or another pool)', async () => {
		const rotated = createCloud(undefined, {
			clock: { fixed: pinnedAt },
			userPoolKeys: await generateUserPoolKeys()
		});
		await expect(check({ fetch: rotated.fetch })).rejects.toMatchObject({
			name: 'JWKSNoMatchingKey'
		});
	});
});
