import type { AppClientScenario } from '../scenario';
import type { UserPoolModel } from '../user-pool/model';
import { header, type WireRequest } from '../wire/http-message';
import { TokenError } from '../oauth/oauth-responses';
import { singleParam } from '../oauth/oauth-form';

/**
 * Who is asking. Basic credentials are `client_id:client_secret`, each form-encoded (RFC 6749
 * §2.3.1). ⚠ SIM: credentials in both places at once are refused as `invalid_request` (RFC 6749
 * forbids more than one method); a secret sent for a public client is `invalid_client`.
 */
export function authenticateClient(
	model: UserPoolModel,
	request: WireRequest,
	form: URLSearchParams
): AppClientScenario {
	const basic = /^Basic\s+(.+)$/i.exec(header(request, 'authorization') ?? '');
	let id = singleParam(form, 'client_id');
	let secret = singleParam(form, 'client_secret');
	if (basic) {
		if (secret !== null)
			throw new TokenError('invalid_request', 'more than one client authentication');
		const decoded = decodeBasic(basic[1]!);
		if (!decoded || (id !== null && id !== decoded.id)) throw new TokenError('invalid_client');
		({ id, secret } = decoded);
	}
	const client = id === null ? undefined : model.pool.clients.find((c) => c.id === id);
	if (!client) throw new TokenError('invalid_client');
	if (client.secret === null ? secret !== null : secret !== client.secret)
		throw new TokenError('invalid_client');
	return client;
}

function decodeBasic(encoded: string): { id: string; secret: string } | null {
	try {
		const text = atob(encoded.trim());
		const at = text.indexOf(':');
		if (at < 0) return null;
		const part = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
		return { id: part(text.slice(0, at)), secret: part(text.slice(at + 1)) };
	} catch {
		return null;
	}
}
