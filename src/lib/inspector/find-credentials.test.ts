import { describe, expect, it } from 'vitest';
import { findCredentials, maskSecrets } from './find-credentials';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('findCredentials', () => {
	it("reads the identity pool's JSON Credentials, with SecretKey and Expiration in epoch seconds", () => {
		const body = JSON.stringify({
			IdentityId: 'us-east-1:0f2b',
			Credentials: {
				AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
				SecretKey: secret,
				SessionToken: 'IQoJb3JpZ2luX2Vj',
				Expiration: 1_764_000_000
			}
		});
		expect(findCredentials(body)).toEqual({
			path: 'Credentials',
			accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
			secretField: 'SecretKey',
			secret,
			sessionToken: 'IQoJb3JpZ2luX2Vj',
			expiration: 1_764_000_000_000
		});
	});

	it("reads STS's XML Credentials, with SecretAccessKey and an ISO Expiration", () => {
		const body = `<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>
			<SessionToken>IQoJ</SessionToken><SecretAccessKey>${secret}</SecretAccessKey>
			<Expiration>2026-11-22T00:31:40Z</Expiration><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
		</Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>`;
		expect(findCredentials(body)).toMatchObject({
			path: '<Credentials>',
			secretField: 'SecretAccessKey',
			secret,
			sessionToken: 'IQoJ',
			expiration: Date.UTC(2026, 10, 22, 0, 31, 40)
		});
	});

	it('finds nothing in bodies without both a key id and a secret, and never throws', () => {
		for (const body of [
			'',
			'not json',
			'{"Credentials":null}',
			'{"Credentials":{"AccessKeyId":"ASIA"}}',
			'<Credentials><AccessKeyId>ASIA</AccessKeyId></Credentials>',
			'[1,2]'
		])
			expect(findCredentials(body), body).toBeNull();
	});
});

describe('maskSecrets', () => {
	it('replaces every occurrence of each secret with as many dots, and leaves the rest', () => {
		expect(maskSecrets(`{"SecretKey":"${secret}","Again":"${secret}"}`, [secret])).toBe(
			`{"SecretKey":"${'•'.repeat(40)}","Again":"${'•'.repeat(40)}"}`
		);
		expect(maskSecrets('nothing to hide', [secret, ''])).toBe('nothing to hide');
	});
});
