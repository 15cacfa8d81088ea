import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** The identity pool's signing key: RS512, with the public half as its JWKS lists it. */
export interface IdentityPoolKeys {
	kid: string;
	privateKey: CryptoKey;
	/** `{ kty, alg: 'RS512', use: 'sig', kid, n, e }`, the JWKS entry. */
	publicJwk: JWK;
}

/**
 * Generates the key that signs the identity pool's OpenID tokens: RSA-2048, RS512, and a kid
 * made of the region and a serial number (`us-east-1-1`), the shape AWS's own kids have
 * (cognito.md §7.6, observed, e.g. `ap-northeast-1-8`). Slow, so a cloud calls it on first
 * need and tests generate one and pass it to every cloud.
 *
 * @example const keys = await generateIdentityPoolKeys('us-east-1');
 */
export async function generateIdentityPoolKeys(region: string): Promise<IdentityPoolKeys> {
	const { publicKey, privateKey } = await generateKeyPair('RS512', {
		modulusLength: 2048,
		extractable: true
	});
	const { e, kty, n } = await exportJWK(publicKey);
	if (!n || !e || !kty) throw new TypeError('exported RSA key lacks n, e or kty');
	const kid = `${region}-1`;
	return { kid, privateKey, publicJwk: { kty, alg: 'RS512', use: 'sig', kid, n, e } };
}

/**
 * The key the site ships with (`shipped-keys.json`, written by scripts/generate-shipped-keys.mjs),
 * what a cloud signs with unless it is given another: rotation is not modelled, and
 * importing is instant where generating takes a slow phone a second or more.
 *
 * @example const keys = await shippedIdentityPoolKeys('us-east-1');
 */
export async function shippedIdentityPoolKeys(region: string): Promise<IdentityPoolKeys> {
	const { default: shipped } = await import('./shipped-keys.json');
	const { kty, n, e } = shipped.signing;
	const privateKey = (await importJWK(shipped.signing, 'RS512')) as CryptoKey;
	const kid = `${region}-1`;
	return { kid, privateKey, publicJwk: { kty, alg: 'RS512', use: 'sig', kid, n, e } };
}
