import type { AppClientScenario } from '../scenario';
import type { UserPoolModel } from '../user-pool/model';
import type { WireRequest } from '../wire/http-message';
import { TokenError } from '../oauth/oauth-responses';
import { presentedClient } from '../oauth/client-credentials';

/**
 * Who is asking: the client the request presents (see `presentedClient`), known to the pool and
 * with its secret, or none for a public client. A secret sent for a public client is
 * `invalid_client` (⚠ SIM).
 */
export function authenticateClient(
	model: UserPoolModel,
	request: WireRequest,
	form: URLSearchParams
): AppClientScenario {
	const { id, secret } = presentedClient(request, form);
	const client = id === null ? undefined : model.pool.clients.find((c) => c.id === id);
	if (!client) throw new TokenError('invalid_client');
	if (client.secret === null ? secret !== null : secret !== client.secret)
		throw new TokenError('invalid_client');
	return client;
}
