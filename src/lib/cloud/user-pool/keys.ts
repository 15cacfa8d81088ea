import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { base64Encode, sha256 } from '$lib/crypto';

/** One RS256 signing key of the pool, with the public half as it appears in the JWKS. */
export interface UserPoolSigningKey {
	kid: string;
	privateKey: CryptoKey;
	/** `{ alg, e, kid, kty, n, use }`, the JWKS entry. */
	publicJwk: JWK;
}

/**
 * A pool's keys. As on AWS, ID tokens and access tokens are signed by different keys, so their
 * `kid`s differ (cognito.md §2.1). The refresh-token key pair is RSA-OAEP and never published:
 * refresh tokens are JWEs only the pool can open.
 */
export interface UserPoolKeys {
	idToken: UserPoolSigningKey;
	accessToken: UserPoolSigningKey;
	refreshToken: { publicKey: CryptoKey; privateKey: CryptoKey };
}

/**
 * Generates a fresh set of pool keys: two RSA-2048 RS256 pairs and one RSA-2048 RSA-OAEP pair.
 * Slow (hundreds of ms), which is why a cloud generates them lazily and tests generate them
 * once and pass them to every cloud they build.
 *
 * @example
 * const keys = await generateUserPoolKeys();
 * createCloud(undefined, { userPoolKeys: keys });
 */
export async function generateUserPoolKeys(): Promise<UserPoolKeys> {
	const [idToken, accessToken, refreshToken] = await Promise.all([
		signingKey(),
		signingKey(),
		generateKeyPair('RSA-OAEP', { modulusLength: 2048 })
	]);
	return { idToken, accessToken, refreshToken };
}

/**
 * The keys the site ships with (`shipped-keys.json`, written by scripts/generate-shipped-keys.mjs):
 * what a cloud signs with unless it is given others. Key rotation is not modelled: every run
 * signs with these, and a first run imports them instead of generating three RSA keys (seconds on
 * a slow phone).
 *
 * @example const keys = await shippedUserPoolKeys();
 */
export async function shippedUserPoolKeys(): Promise<UserPoolKeys> {
	const { default: shipped } = await import('./shipped-keys.json');
	const [idToken, accessToken, refreshPrivate, refreshPublic] = await Promise.all([
		importedSigningKey(shipped.idToken),
		importedSigningKey(shipped.accessToken),
		importJWK(shipped.refreshToken, 'RSA-OAEP'),
		importJWK(publicPart(shipped.refreshToken), 'RSA-OAEP')
	]);
	return {
		idToken,
		accessToken,
		refreshToken: { privateKey: refreshPrivate as CryptoKey, publicKey: refreshPublic as CryptoKey }
	};
}

async function signingKey(): Promise<UserPoolSigningKey> {
	const { publicKey, privateKey } = await generateKeyPair('RS256', {
		modulusLength: 2048,
		extractable: true
	});
	return describeSigningKey(privateKey, await exportJWK(publicKey));
}

async function importedSigningKey(jwk: JWK): Promise<UserPoolSigningKey> {
	const privateKey = (await importJWK(jwk, 'RS256')) as CryptoKey;
	return describeSigningKey(privateKey, publicPart(jwk));
}

/** An RSA JWK without its private members. */
function publicPart({ kty, n, e }: JWK): JWK {
	return { kty, n, e };
}

async function describeSigningKey(
	privateKey: CryptoKey,
	publicJwk: JWK
): Promise<UserPoolSigningKey> {
	const { e, kty, n } = publicJwk;
	if (!n || !e || !kty) throw new TypeError('RSA key lacks n, e or kty');
	// AWS kids look like base64 of a 32-byte digest (`yNulGv+Txz6O/LErWM9aMN3r709S03FQX17zuBH9qGg=`);
	// how AWS derives them is not documented, so this one hashes the modulus.
	const kid = base64Encode(await sha256(new TextEncoder().encode(n)));
	return { kid, privateKey, publicJwk: { alg: 'RS256', e, kid, kty, n, use: 'sig' } };
}
