import { describe, expect, it } from 'vitest';
import { claimContext, claimNote, headerNote, isTimeClaim } from './claim-notes';
import { accessClaims, idClaims } from './test-tokens.fixture';

describe('claimNote', () => {
	it("explains the identity pool's own token in its own terms, not a user pool's", () => {
		const payload = { iss: 'https://cognito-identity.amazonaws.com', sub: 'us-east-1:x', amr: [] };
		const context = claimContext(payload);
		expect(context).toBe('identity-pool');
		expect(claimNote('sub', context)).toContain('identity ID');
		expect(claimNote('amr', context)).toContain('cognito-identity.amazonaws.com:amr');
		expect(headerNote('alg', 'jws', context)).toContain('RS512');
		expect(headerNote('alg', 'jws', 'id')).toContain('RS256');
	});

	it('explains every claim of the cognito.md §2.4 ID and access token examples', () => {
		for (const [claims, context] of [
			[idClaims({ 'cognito:roles': ['r'], 'cognito:preferred_role': 'r' }), 'id'],
			[accessClaims(), 'access']
		] as const) {
			for (const name of Object.keys(claims)) {
				expect(claimNote(name, context), name).toMatch(/\.$/);
			}
		}
	});

	it('tells aud (ID tokens) and client_id (access tokens) apart', () => {
		expect(claimNote('aud', 'id')).toContain(
			'access tokens have no aud and carry client_id instead'
		);
		expect(claimNote('client_id', 'access')).toContain('Access tokens have no aud claim');
	});

	it('says what scope an API-issued access token normally has, and that a trigger can change it', () => {
		const note = claimNote('scope', 'access');
		expect(note).toContain('normally carry only aws.cognito.signin.user.admin');
		expect(note).toContain('pre-token-generation Lambda trigger can add or remove scopes');
		expect(claimNote('scope', 'id')).toBe(
			'ID tokens carry no scope; scopes belong to access tokens.'
		);
	});

	it('explains custom attributes as strings and knows nothing of invented claims', () => {
		expect(claimNote('custom:tier')).toContain('always a string');
		expect(claimNote('favourite_colour')).toBeUndefined();
		expect(claimNote('name')).toBe(
			"The user's full name: a standard OpenID Connect attribute, present when it is set and the app client may read it."
		);
		expect(claimNote('__proto__')).toBeUndefined();
	});
});

describe('headerNote', () => {
	it('explains a signed header and a JWE header differently', () => {
		expect(headerNote('kid')).toContain('JWKS');
		expect(headerNote('alg')).toContain('RS256');
		expect(headerNote('alg', 'jwe')).toContain('RSA-OAEP');
		expect(headerNote('enc', 'jwe')).toContain('GCM');
		expect(headerNote('cty', 'jwe')).toContain('JWT');
	});
});

describe('isTimeClaim and claimContext', () => {
	it('recognise epoch-second claims and the token kind', () => {
		expect(['exp', 'iat', 'auth_time', 'nbf'].every(isTimeClaim)).toBe(true);
		expect(isTimeClaim('jti')).toBe(false);
		expect(claimContext({ token_use: 'id' })).toBe('id');
		expect(claimContext({ token_use: 'access' })).toBe('access');
		expect(claimContext({})).toBe('other');
	});
});
