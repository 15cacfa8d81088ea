import { base64Decode, computeSecretHash, timingSafeEqual } from '$lib/crypto';
import type { AppClientScenario } from '../scenario';
import { notAuthorized } from './errors';

/**
 * For a client with a secret, `SECRET_HASH` must be present and equal
 * Base64(HMAC-SHA256(secret, username + clientId)); a client without one ignores it.
 * Messages observed (cognito.md §3.4):
 * `Client <id> is configured with secret but SECRET_HASH was not received`,
 * `Unable to verify secret hash for client <id>`.
 * `usernames` lists every name the hash may have been computed over (a refresh accepts the
 * username or the `sub`, §3.3 SIM).
 *
 * @example await checkSecretHash(client, params.SECRET_HASH, [params.USERNAME]);
 */
export async function checkSecretHash(
	client: AppClientScenario,
	secretHash: string | undefined,
	usernames: readonly string[]
): Promise<void> {
	if (client.secret === null) return;
	if (secretHash === undefined)
		throw notAuthorized(
			`Client ${client.id} is configured with secret but SECRET_HASH was not received`
		);
	let received: Uint8Array;
	try {
		received = base64Decode(secretHash);
	} catch {
		received = new Uint8Array();
	}
	for (const username of usernames) {
		const expected = base64Decode(await computeSecretHash(username, client.id, client.secret));
		if (timingSafeEqual(expected, received)) return;
	}
	throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
}
