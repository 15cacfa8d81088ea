import { base64UrlDecode, base64UrlEncode, randomBytes, utf8Decode, utf8Encode } from '$lib/crypto';

// The refresh token's JWE shape as observed on AWS (cognito.md §2.6): compact serialisation,
// RSA-OAEP key wrapping and A256GCM content encryption. Written with WebCrypto, one algorithm pair
// only, because jose's JWE support brings every algorithm (AES-KW, ECDH-ES, PBES2...) into the
// page for tokens nobody but the pool ever opens. The tests check both ways against jose.
const header = { cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' };
const tagBytes = 16;

/**
 * Encrypts `plaintext` to the pool's refresh-token key as a compact JWE (RFC 7516 §7.1):
 * `header.encryptedKey.iv.ciphertext.tag`, the protected header being the AES-GCM additional data.
 *
 * @example await sealRefreshToken(utf8Encode('{"origin_jti":"…"}'), keys.refreshToken.publicKey)
 */
export async function sealRefreshToken(
	plaintext: Uint8Array,
	publicKey: CryptoKey,
	random: (n: number) => Uint8Array<ArrayBuffer> = randomBytes
): Promise<string> {
	const protectedHeader = base64UrlEncode(utf8Encode(JSON.stringify(header)));
	const cek = random(32);
	const iv = random(12);
	const encryptedKey = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, cek);
	const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['encrypt']);
	const sealed = new Uint8Array(
		await crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv, additionalData: utf8Encode(protectedHeader), tagLength: 128 },
			key,
			new Uint8Array(plaintext)
		)
	);
	return [
		protectedHeader,
		base64UrlEncode(new Uint8Array(encryptedKey)),
		base64UrlEncode(iv),
		base64UrlEncode(sealed.slice(0, -tagBytes)),
		base64UrlEncode(sealed.slice(-tagBytes))
	].join('.');
}

/**
 * Opens a compact JWE made by `sealRefreshToken` (or any RSA-OAEP/A256GCM JWE to the same key).
 * Rejects on any other shape, header, key or a single changed byte (the GCM tag covers them).
 *
 * @example utf8Decode(await openRefreshTokenJwe(token, keys.refreshToken.privateKey))
 */
export async function openRefreshTokenJwe(
	token: string,
	privateKey: CryptoKey
): Promise<Uint8Array<ArrayBuffer>> {
	const parts = token.split('.');
	if (parts.length !== 5) throw new TypeError('A compact JWE has five segments');
	const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [
		string,
		string,
		string,
		string,
		string
	];
	const parsed = JSON.parse(utf8Decode(base64UrlDecode(protectedHeader))) as Record<
		string,
		unknown
	>;
	if (parsed.alg !== header.alg || parsed.enc !== header.enc) {
		throw new TypeError('Expected a JWE with alg RSA-OAEP and enc A256GCM');
	}
	const cek = await crypto.subtle.decrypt(
		{ name: 'RSA-OAEP' },
		privateKey,
		base64UrlDecode(encryptedKey)
	);
	if (cek.byteLength !== 32) throw new TypeError('A256GCM needs a 256-bit content key');
	const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['decrypt']);
	const sealed = new Uint8Array([...base64UrlDecode(ciphertext), ...base64UrlDecode(tag)]);
	return new Uint8Array(
		await crypto.subtle.decrypt(
			{
				name: 'AES-GCM',
				iv: base64UrlDecode(iv),
				additionalData: utf8Encode(protectedHeader),
				tagLength: 128
			},
			key,
			sealed
		)
	);
}
