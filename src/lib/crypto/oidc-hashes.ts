import { base64UrlEncode } from './base64';
import { sha256 } from './sha256';
import { utf8Encode } from './utf8';

/**
 * `at_hash`: the left half of the SHA-256 of the access token, base64url (OpenID Connect Core
 * §3.1.3.6, for RS256), so a client can tell the ID token was issued with this access token.
 */
export async function accessTokenHash(accessToken: string): Promise<string> {
	const digest = await sha256(utf8Encode(accessToken));
	return base64UrlEncode(digest.slice(0, digest.length / 2));
}

/**
 * PKCE S256: BASE64URL(SHA-256(ASCII(code_verifier))) (RFC 7636 §4.2).
 *
 * @example await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk') // -> 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 */
export async function pkceChallenge(verifier: string): Promise<string> {
	return base64UrlEncode(await sha256(utf8Encode(verifier)));
}
