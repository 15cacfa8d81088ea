import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { bytesToHex } from '$lib/crypto';
import type { Random } from '../random';

export interface SocialProviderKey {
	kid: string;
	privateKey: CryptoKey;
	publicJwk: JWK;
}

/**
 * The provider's signing key, RS256 as Google's. Generated on first use (a page whose flow never
 * federates never pays for it); the `kid` is a hex string like Google's.
 */
export async function generateSocialProviderKey(random: Random): Promise<SocialProviderKey> {
	const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
	const kid = bytesToHex(random.bytes(20));
	const jwk = await exportJWK(publicKey);
	return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } };
}
