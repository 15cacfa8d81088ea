import { header, type WireRequest } from '../wire/http-message';
import { singleParam } from './oauth-form';
import { TokenError } from './oauth-responses';

/**
 * The client id and secret a token request presents: `client_secret_basic` (the `Authorization`
 * header, `client_id:client_secret`, each form-encoded, RFC 6749 §2.3.1) or `client_secret_post`
 * (form fields); a public client sends only `client_id`. An undecodable Basic header, or one
 * naming another client than the form, is `invalid_client`. ⚠ SIM: credentials in both places
 * at once are refused as `invalid_request` (RFC 6749 forbids more than one method).
 */
export function presentedClient(
	request: WireRequest,
	form: URLSearchParams
): { id: string | null; secret: string | null } {
	const basic = /^Basic\s+(.+)$/i.exec(header(request, 'authorization') ?? '');
	const id = singleParam(form, 'client_id');
	const secret = singleParam(form, 'client_secret');
	if (!basic) return { id, secret };
	if (secret !== null)
		throw new TokenError('invalid_request', 'more than one client authentication');
	const decoded = decodeBasic(basic[1]!);
	if (!decoded || (id !== null && id !== decoded.id)) throw new TokenError('invalid_client');
	return decoded;
}

function decodeBasic(encoded: string): { id: string; secret: string } | null {
	try {
		const text = atob(encoded.trim());
		const at = text.indexOf(':');
		if (at < 0) return null;
		const part = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
		return { id: part(text.slice(0, at)), secret: part(text.slice(at + 1)) };
	} catch {
		// Not base64, or a broken %-escape.
		return null;
	}
}
