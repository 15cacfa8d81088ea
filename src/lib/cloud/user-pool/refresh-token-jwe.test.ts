import { CompactEncrypt, compactDecrypt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '$lib/crypto';
import { openRefreshTokenJwe, sealRefreshToken } from './refresh-token-jwe';

describe('the refresh token JWE (RSA-OAEP, A256GCM)', () => {
	let keys: { publicKey: CryptoKey; privateKey: CryptoKey };
	const plaintext = utf8Encode('{"origin_jti":"f1d2","client_id":"abc","iat":1}');
	beforeAll(async () => {
		keys = await generateKeyPair('RSA-OAEP', { modulusLength: 2048 });
	});

	it('is a compact JWE that jose opens, with the header AWS sends', async () => {
		const token = await sealRefreshToken(plaintext, keys.publicKey);
		expect(token.split('.')).toHaveLength(5);
		expect(decodeProtectedHeader(token)).toEqual({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' });
		const { plaintext: opened } = await compactDecrypt(token, keys.privateKey);
		expect(utf8Decode(opened)).toBe(utf8Decode(plaintext));
	});

	it('opens a JWE that jose sealed to the same key', async () => {
		const token = await new CompactEncrypt(plaintext)
			.setProtectedHeader({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })
			.encrypt(keys.publicKey);
		expect(utf8Decode(await openRefreshTokenJwe(token, keys.privateKey))).toBe(
			utf8Decode(plaintext)
		);
	});

	it('refuses a token with one changed character, another key, or another shape', async () => {
		const token = await sealRefreshToken(plaintext, keys.publicKey);
		const segments = token.split('.');
		const tampered = [...segments];
		tampered[3] = (segments[3]!.startsWith('A') ? 'B' : 'A') + segments[3]!.slice(1);
		await expect(openRefreshTokenJwe(tampered.join('.'), keys.privateKey)).rejects.toThrow();
		const other = await generateKeyPair('RSA-OAEP', { modulusLength: 2048 });
		await expect(openRefreshTokenJwe(token, other.privateKey)).rejects.toThrow();
		await expect(openRefreshTokenJwe('a.b.c', keys.privateKey)).rejects.toThrow(
			'A compact JWE has five segments'
		);
	});
});
