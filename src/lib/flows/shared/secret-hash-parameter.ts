import { computeSecretHash } from '$lib/crypto';

/**
 * `{ SECRET_HASH }` for a client with a secret, computed over the username this call names, or
 * `{}` for a public client — and `{}` too when the app forgets it (mistake `missing-secret-hash`).
 */
export async function secretHashParameter(
	client: { id: string; secret: string | null },
	username: string,
	omit: boolean
): Promise<{ SECRET_HASH?: string }> {
	if (client.secret === null || omit) return {};
	return { SECRET_HASH: await computeSecretHash(username, client.id, client.secret) };
}
