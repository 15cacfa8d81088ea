// The keys a cloud signs with when it is given none: the pools' own, shipped with the site.
import { CompactSign, compactVerify, createLocalJWKSet } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCloud } from './index';
import { shippedIdentityPoolKeys } from './identity-pool/keys';
import { shippedUserPoolKeys } from './user-pool/keys';

const payload = new TextEncoder().encode('{"sub":"alice"}');

describe('shipped keys', () => {
	it('are what a cloud publishes when it is given no keys, the same in every cloud', async () => {
		const shipped = await shippedUserPoolKeys();
		const [a, b] = [createCloud(), createCloud()];
		const [jwksA, jwksB] = await Promise.all([a.userPool.jwks(), b.userPool.jwks()]);
		expect(jwksA).toEqual(jwksB);
		expect(jwksA.keys.map((k) => k.kid)).toEqual([
			shipped.idToken.publicJwk.kid,
			shipped.accessToken.publicJwk.kid
		]);
		// ID and access tokens are signed by different keys, as on AWS.
		expect(shipped.idToken.kid).not.toBe(shipped.accessToken.kid);
	});

	it('sign what the published half verifies, and nothing the other key signed', async () => {
		const shipped = await shippedUserPoolKeys();
		const jwks = createLocalJWKSet({ keys: [shipped.idToken.publicJwk] });
		const sign = (key: CryptoKey, kid: string) =>
			new CompactSign(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
		const good = await sign(shipped.idToken.privateKey, shipped.idToken.kid);
		await expect(compactVerify(good, jwks)).resolves.toBeDefined();
		const forged = await sign(shipped.accessToken.privateKey, shipped.idToken.kid);
		await expect(compactVerify(forged, jwks)).rejects.toThrow('signature verification failed');
	});

	it('give the identity pool its RS512 key under a region-serial kid', async () => {
		const keys = await shippedIdentityPoolKeys('eu-west-1');
		expect(keys.kid).toBe('eu-west-1-1');
		expect(keys.publicJwk).toMatchObject({ alg: 'RS512', use: 'sig', kty: 'RSA', e: 'AQAB' });
		expect(keys.publicJwk).not.toHaveProperty('d');
		const jws = await new CompactSign(payload)
			.setProtectedHeader({ alg: 'RS512', kid: keys.kid })
			.sign(keys.privateKey);
		await expect(
			compactVerify(jws, createLocalJWKSet({ keys: [keys.publicJwk] }))
		).resolves.toBeDefined();
	});
});
