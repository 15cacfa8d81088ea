import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeToken } from './decode-jwt';
import { testPool as pool } from './test-pool.fixture';
import { encryptRefreshToken, idClaims, sign } from './test-tokens.fixture';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('decodeToken', () => {
	it('splits a signed ID token into header, payload and signature and decodes the first two', async () => {
		const token = await sign(idClaims(), pool.idKey);
		const decoded = decodeToken(token);
		expect(decoded.kind).toBe('jws');
		if (decoded.kind !== 'jws') return;
		expect(decoded.header).toEqual({ kid: 'id-key-kid=', alg: 'RS256' });
		expect(decoded.payload).toEqual(idClaims());
		expect(`${decoded.parts.header}.${decoded.parts.payload}.${decoded.parts.signature}`).toBe(
			token
		);
	});

	it('decodes only the protected header of a five-part JWE refresh token', async () => {
		const token = await encryptRefreshToken(pool);
		const decoded = decodeToken(token);
		expect(decoded.kind).toBe('jwe');
		if (decoded.kind !== 'jwe') return;
		expect(decoded.header).toEqual({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' });
		expect(decoded.parts).toHaveLength(5);
		expect('payload' in decoded).toBe(false);
	});

	it.each([
		['', 'This is not a valid JWT: the string is empty.'],
		[
			'eyJhbGciOiJSUzI1NiJ9',
			'This is not a valid JWT: it has 1 dot-separated part; a signed JWT has 3 (header.payload.signature) and an encrypted JWE has 5.'
		],
		[
			'a.b.c.d',
			'This is not a valid JWT: it has 4 dot-separated parts; a signed JWT has 3 (header.payload.signature) and an encrypted JWE has 5.'
		],
		['e%J.abc.def', 'This is not a valid JWT: the header is not base64url.'],
		[`${b64('{}')}.abcde.sig`, 'This is not a valid JWT: the payload is not base64url.'],
		[`${b64('{}')}.${b64('hello')}.sig`, 'This is not a valid JWT: the payload is not JSON.'],
		[
			`${b64('{}')}.${b64('[1,2]')}.sig`,
			'This is not a valid JWT: the payload is JSON but an array, not an object.'
		],
		[
			`${b64('null')}.${b64('{}')}.sig`,
			'This is not a valid JWT: the header is JSON but null, not an object.'
		],
		[`${b64('{}')}.${b64('{}')}.s!g`, 'This is not a valid JWT: the signature is not base64url.'],
		[
			`${Buffer.from([0xff, 0xfe]).toString('base64url')}.${b64('{}')}.sig`,
			'This is not a valid JWT: the header is not UTF-8 text, so it is not JSON.'
		],
		[
			`${b64('"x"')}.aa.bb.cc.dd`,
			'This is not a valid JWT: the protected header is JSON but a string, not an object.'
		]
	])('explains what is wrong with %j', (token, message) => {
		const decoded = decodeToken(token);
		expect(decoded.kind).toBe('invalid');
		if (decoded.kind === 'invalid') expect(decoded.error.message).toBe(message);
	});

	it('reports a token cut short in its payload as malformed, not as an exception', async () => {
		const token = await sign(idClaims(), pool.idKey);
		const truncated = token.slice(0, token.indexOf('.') + 20);
		expect(decodeToken(truncated)).toMatchObject({
			kind: 'invalid',
			error: { code: 'part-count' }
		});
	});

	describe('never throws, always a token or a clear error', () => {
		const check = (value: string) => {
			const decoded = decodeToken(value);
			expect(['jws', 'jwe', 'invalid']).toContain(decoded.kind);
			if (decoded.kind === 'invalid')
				expect(decoded.error.message).toMatch(/^This is not a valid JWT: .+\.$/);
			expect(decoded.compact).toBe(value);
		};

		it('for any string', () => {
			fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 500 });
		});

		it('for any dotted string', () => {
			const part = fc.string({ unit: fc.constantFrom(...'eyJ-_=+/AZaz09.%{}" ') });
			fc.assert(
				fc.property(
					fc.array(part, { maxLength: 7 }).map((p) => p.join('.')),
					check
				),
				{
					numRuns: 500
				}
			);
		});

		it('for dotted base64url of arbitrary bytes and arbitrary JSON', () => {
			const bytesPart = fc
				.uint8Array({ maxLength: 40 })
				.map((b) => Buffer.from(b).toString('base64url'));
			const jsonPart = fc.json().map(b64);
			const part = fc.oneof(bytesPart, jsonPart);
			fc.assert(
				fc.property(
					fc.array(part, { minLength: 1, maxLength: 6 }).map((p) => p.join('.')),
					check
				),
				{
					numRuns: 500
				}
			);
		});
	});
});
