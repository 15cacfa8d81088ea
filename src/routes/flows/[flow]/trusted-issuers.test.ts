import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { testKeys } from '../../../../tests/support/test-keys';
import { trustedIssuers } from './trusted-issuers';

describe('trustedIssuers', () => {
	const cloud = createCloud(undefined, { userPoolKeys: testKeys });
	const identityIssuer = 'https://cognito-identity.amazonaws.com';
	const identityJwks = { keys: [{ kty: 'RSA', kid: 'us-east-11', n: 'AQAB', e: 'AQAB' }] };
	cloud.account.registerIssuer(identityIssuer, async () => identityJwks, ['us-east-1:pool']);
	cloud.account.registerIssuer('https://issuer.example', async () => ({ keys: [] }), ['x']);

	it("lists the account's issuers of the kinds the flow trusts, with keys and audiences", async () => {
		const [userPool, ...rest] = await trustedIssuers(cloud.account, ['user-pool']);
		expect(rest).toEqual([]);
		expect(userPool).toEqual({
			issuer: cloud.userPool.issuer,
			kind: 'user-pool',
			jwks: await cloud.userPool.jwks(),
			audiences: cloud.scenario.userPool.clients.map((c) => c.id)
		});
		const both = await trustedIssuers(cloud.account, ['identity-pool', 'user-pool']);
		expect(both.map((t) => [t.kind, t.issuer, t.audiences])).toEqual([
			['user-pool', cloud.userPool.issuer, userPool!.audiences],
			['identity-pool', identityIssuer, ['us-east-1:pool']]
		]);
		expect(both[1]!.jwks).toEqual(identityJwks);
	});

	it("lists Google's issuer for a flow that trusts google, with the app's clients there", async () => {
		const [google, ...rest] = await trustedIssuers(cloud.account, ['google']);
		expect(rest).toEqual([]);
		expect(google).toMatchObject({
			issuer: 'https://accounts.google.com',
			kind: 'google',
			audiences: cloud.scenario.socialProvider!.clients.map((c) => c.clientId)
		});
		expect(google!.jwks?.keys.length).toBeGreaterThan(0);
	});

	it('lists nothing for a flow that trusts no registered issuer', async () => {
		expect(await trustedIssuers(cloud.account, [])).toEqual([]);
	});
});
