import { describe, expect, it } from 'vitest';
import { accessTokenHash, pkceChallenge } from './oidc-hashes';

describe('OIDC hashes', () => {
	it('computes the RFC 7636 appendix B PKCE challenge', async () => {
		expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
		);
	});

	it('at_hash is the left half of the SHA-256, base64url: 16 bytes, 22 characters', async () => {
		const hash = await accessTokenHash('ya29.example');
		expect(hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect((await pkceChallenge('ya29.example')).startsWith(hash.slice(0, 21))).toBe(true);
	});
});
