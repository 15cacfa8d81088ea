import type { UserPoolModel } from '../user-pool/model';
import { setCookie, sessionCookie } from './cookies';
import type { ManagedLoginState } from './managed-login-state';
import { errorPage, redirect } from '../oauth/oauth-responses';
import { singleParam } from '../oauth/oauth-form';
import type { WireResponse } from '../wire/http-message';

/**
 * `GET /logout` (cognito.md §5.6): ends the browser's managed-login session (the cookie and its
 * server side) and sends the browser to one of the client's sign-out URLs, or back through
 * `/login` when the app asks for a fresh sign-in (`redirect_uri` and `response_type`). Tokens
 * already issued stay valid until they expire: revoking them is `/oauth2/revoke`'s job.
 * ⚠ SIM: an unknown client or an unregistered `logout_uri` gets an error page, as at authorize.
 */
export function logout(
	model: UserPoolModel,
	state: ManagedLoginState,
	query: URLSearchParams,
	sessionId: string | undefined
): WireResponse {
	const clientId = singleParam(query, 'client_id');
	const client = model.pool.clients.find((c) => c.id === clientId);
	if (!client) return errorPage(400, clientId ? 'Invalid client_id.' : 'Missing client_id.');
	const logoutUri = singleParam(query, 'logout_uri');
	const redirectUri = singleParam(query, 'redirect_uri');
	const cleared = [setCookie(sessionCookie, '', 0)];
	if (logoutUri !== null) {
		if (!client.logoutUrls.includes(logoutUri))
			return errorPage(400, 'The logout_uri is not a sign-out URL of this app client.');
		state.endSession(sessionId);
		return redirect(logoutUri, cleared);
	}
	if (redirectUri !== null && singleParam(query, 'response_type') !== null) {
		state.endSession(sessionId);
		// The sign-in form checks the rest of the request, as /oauth2/authorize would.
		const again = new URLSearchParams(query);
		again.delete('logout_uri');
		return redirect(`/login?${again}`, cleared);
	}
	return errorPage(400, 'Sign-out needs a logout_uri, or a redirect_uri and a response_type.');
}
