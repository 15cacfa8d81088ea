import { base64Encode } from './base64';
import { hmacSha256 } from './sha256';
import { utf8Encode } from './utf8';

/**
 * `SECRET_HASH` = Base64(HMAC-SHA256(key = client secret, message = username + clientId)), UTF-8,
 * no separator. It proves the caller holds the app client's secret, which is why browser apps
 * should use a client without one: a secret shipped to the browser is not a secret.
 *
 * @example
 * await computeSecretHash('alice', 'djc98u3jiedmi283eu928', 'abcdef01234567890');
 * // 'VbZB/jmJy2KXzFaBHZWkmme9gEGnQWA9X8Jd5WgA4mA='
 */
export async function computeSecretHash(
	username: string,
	clientId: string,
	clientSecret: string
): Promise<string> {
	return base64Encode(await hmacSha256(utf8Encode(clientSecret), utf8Encode(username + clientId)));
}
