import { describe, expect, it } from 'vitest';
import { findCredentials, maskSecret, maskedSecret } from './find-credentials';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('findCredentials', () => {
	it('reads an identity pool answer: SecretKey, and Expiration in epoch seconds', () => {
		const body = JSON.stringify({
			IdentityId: 'us-east-1:1',
			Credentials: {
				AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
				SecretKey: secret,
				SessionToken: 'IQoJb3JpZ2luX2Vj',
				Expiration: 1_763_771_500
			}
		});
		expect(findCredentials(body)).toEqual({
			accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
			secretKey: secret,
			secretName: 'SecretKey',
			sessionToken: 'IQoJb3JpZ2luX2Vj',
			expiresAt: 1_763_771_500_000
		});
	});

	it('reads an STS answer: SecretAccessKey, and an ISO Expiration', () => {
		const body = `<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult><Credentials>
			<SessionToken>IQoJb3JpZ2luX2Vj</SessionToken><SecretAccessKey>${secret}</SecretAccessKey>
			<Expiration>2026-11-22T00:31:40Z</Expiration><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
			</Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>`;
		expect(findCredentials(body)).toMatchObject({
			secretKey: secret,
			secretName: 'SecretAccessKey',
			expiresAt: Date.UTC(2026, 10, 22, 0, 31, 40)
		});
	});

	it('finds nothing in bodies without all three values', () => {
		expect(findCredentials('{"IdentityId":"us-east-1:1"}')).toBeNull();
		expect(findCredentials('{"Credentials":{"AccessKeyId":"ASIA","SecretKey":"s"}}')).toBeNull();
		expect(findCredentials('<Error><Code>AccessDenied</Code></Error>')).toBeNull();
		expect(findCredentials('')).toBeNull();
	});
});

describe('maskSecret', () => {
	it('hides every occurrence of the secret and nothing else', () => {
		expect(maskSecret(`{"SecretKey":"${secret}","again":"${secret}"}`, secret)).toBe(
			`{"SecretKey":"${maskedSecret}","again":"${maskedSecret}"}`
		);
		expect(maskSecret('no secret here', secret)).toBe('no secret here');
		expect(maskSecret('text', '')).toBe('text');
	});
});
