import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTokens, looksLikeToken } from './find-tokens';
import { signInTokens } from './test-pool.fixture';
import { clientId } from './test-tokens.fixture';

const { idToken, accessToken, refreshToken } = await signInTokens();

const json = [['content-type', 'application/x-amz-json-1.1']] as [string, string][];

describe('findTokens', () => {
	it('finds the three tokens of an AuthenticationResult, in body order, named and decoded', () => {
		const body = JSON.stringify({
			AuthenticationResult: {
				AccessToken: accessToken,
				ExpiresIn: 3600,
				IdToken: idToken,
				RefreshToken: refreshToken,
				TokenType: 'Bearer'
			},
			ChallengeParameters: {}
		});
		const found = findTokens({ headers: json, body });
		expect(found.map((t) => [t.path, t.name, t.decoded.kind, t.expectedUse])).toEqual([
			['AuthenticationResult.AccessToken', 'Access token', 'jws', 'access'],
			['AuthenticationResult.IdToken', 'ID token', 'jws', 'id'],
			['AuthenticationResult.RefreshToken', 'Refresh token', 'jwe', undefined]
		]);
		expect(found.every((t) => t.source === 'body')).toBe(true);
	});

	it("names an ID token sent in GetUser's AccessToken field for what it is, and expects an access token there", () => {
		const found = findTokens({ headers: json, body: JSON.stringify({ AccessToken: idToken }) });
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({
			path: 'AccessToken',
			name: 'ID token, sent as the access token',
			expectedUse: 'access'
		});
		const right = findTokens({ headers: json, body: JSON.stringify({ AccessToken: accessToken }) });
		expect(right[0]?.name).toBe('Access token');
	});

	it('shows a truncated token in a token field as invalid instead of skipping it', () => {
		const body = JSON.stringify({ AccessToken: accessToken.slice(0, 40) });
		const [token] = findTokens({ headers: json, body });
		expect(token?.decoded.kind).toBe('invalid');
	});

	it('finds a bearer token in the Authorization header and ignores a SigV4 one', () => {
		const bearer = findTokens({ headers: [['authorization', `Bearer ${idToken}`]], body: '' });
		expect(bearer).toMatchObject([{ source: 'header', path: 'authorization', name: 'ID token' }]);
		const sigv4 = findTokens({
			headers: [
				['authorization', 'AWS4-HMAC-SHA256 Credential=ASIA.../s3/aws4_request, Signature=abc']
			],
			body: ''
		});
		expect(sigv4).toEqual([]);
	});

	it('reads url-encoded token requests field by field', () => {
		const body = new URLSearchParams({
			grant_type: 'refresh_token',
			client_id: clientId,
			refresh_token: refreshToken
		}).toString();
		const found = findTokens({
			headers: [['content-type', 'application/x-www-form-urlencoded']],
			body
		});
		expect(found).toMatchObject([{ source: 'form', path: 'refresh_token', name: 'Refresh token' }]);
	});

	it('finds tokens in a redirect fragment', () => {
		const found = findTokens({
			headers: [],
			body: '',
			url: `https://app.example.com/#id_token=${idToken}&state=x`
		});
		expect(found).toMatchObject([{ source: 'url', path: 'id_token', name: 'ID token' }]);
	});

	it('scans text that is not JSON, such as XML', () => {
		const body = `<AssumeRoleWithWebIdentity><WebIdentityToken>${idToken}</WebIdentityToken></AssumeRoleWithWebIdentity>`;
		expect(findTokens({ headers: [], body }).map((t) => t.value)).toEqual([idToken]);
	});

	it('ignores ordinary strings, including opaque session strings', () => {
		const body = JSON.stringify({
			Session: 'AYABeC0ffee',
			ChallengeName: 'PASSWORD_VERIFIER',
			a: 'x.y.z'
		});
		expect(findTokens({ headers: json, body })).toEqual([]);
	});

	it('never throws, whatever the body and headers hold', () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary' }),
			fc.json(),
			fc
				.array(fc.string({ unit: fc.constantFrom(...'eyJ.-_{}"a=&') }), { maxLength: 6 })
				.map((p) => p.join('.'))
		);
		const header = fc.tuple(fc.constantFrom('authorization', 'content-type', 'x-other'), text);
		fc.assert(
			fc.property(text, fc.array(header, { maxLength: 3 }), (body, headers) => {
				const found = findTokens({ headers, body, url: body });
				for (const t of found) expect(['jws', 'jwe', 'invalid']).toContain(t.decoded.kind);
			}),
			{ numRuns: 400 }
		);
	});
});

describe('looksLikeToken', () => {
	it('accepts three- and five-part tokens and rejects other shapes', () => {
		expect(looksLikeToken('eyJhIjoxfQ.eyJiIjoyfQ.c2ln')).toBe(true);
		expect(looksLikeToken('eyJhIjoxfQ.a.b.c.d')).toBe(true);
		expect(looksLikeToken('eyJhIjoxfQ.a.b.c')).toBe(false);
		expect(looksLikeToken('abc.def.ghi')).toBe(false);
	});
});
