import type { Service, ServiceCall, ServiceContext } from '../service';
import { bodyText, header, type WireRequest, type WireResponse } from '../wire/http-message';
import { backEndHost } from './back-end-host';
import { backEndError, backEndJson } from './back-end-response';
import { backEndUsers, type BackEndUser } from './back-end-users';
import { requestDeveloperToken } from './request-developer-token';

/** The back end's own service, plus the sessions it has handed out (for tests and the inspector). */
export interface BackEndService extends Service {
	readonly actor: 'back-end';
	readonly host: string;
}

/** A body this API reads at all; anything longer is refused before parsing. */
const maxBodyBytes = 16 * 1024;

/** A session lasts a working day, as many web apps keep one; the Cognito token is the short one. */
const sessionLifetimeMs = 12 * 3600 * 1000;

interface Session {
	user: BackEndUser;
	expiresAt: number;
}

/**
 * "Your back end" at `api.example.com`: an app's own server with its own users, which vouches for
 * them to the identity pool (cognito.md §7.4, developer-authenticated identities). Plain JSON over
 * HTTP, two routes:
 *
 * - `POST /sign-in` `{"username","password"}` checks its own users and answers
 *   `{"userId","username","session"}`: an opaque session the app shows on the next call.
 * - `POST /identity-token` with `Authorization: Bearer <session>` calls
 *   GetOpenIdTokenForDeveloperIdentity (SigV4-signed with the back end's IAM user key, a nested
 *   exchange drawn from this lifeline) and answers `{"identityId","token"}`.
 *
 * Never rejects: bad input gets a 4xx JSON error; a refusal from Cognito is passed on as
 * `502 Bad Gateway`, the honest status of a server whose upstream said no.
 *
 * @example network.register(createBackEndService(context));
 */
export function createBackEndService(context: ServiceContext): BackEndService {
	const sessions = new Map<string, Session>();

	const signIn = (request: WireRequest): WireResponse => {
		const body = readJson(request);
		if (!body) return backEndError(400, 'bad_request', 'Send a JSON object.');
		const { username, password } = body;
		if (typeof username !== 'string' || typeof password !== 'string')
			return backEndError(400, 'bad_request', 'username and password are required strings.');
		// Check the password against the back end's own table (one answer for an unknown user and a
		// wrong password, so the answer does not tell which usernames exist)
		const user = backEndUsers.find((u) => u.username === username);
		if (!user || !sameText(user.password, password))
			return backEndError(401, 'invalid_credentials', 'Incorrect username or password.');
		const session = base64Url(context.random.bytes(24));
		sessions.set(session, { user, expiresAt: context.clock.now() + sessionLifetimeMs });
		return backEndJson(200, { userId: user.userId, username: user.username, session });
	};

	const identityToken = async (request: WireRequest, call: ServiceCall) => {
		// Check the session: only a signed-in user gets a token, and only for themselves
		const bearer = /^Bearer (\S+)$/.exec(header(request, 'authorization') ?? '')?.[1];
		const session = bearer === undefined ? undefined : sessions.get(bearer);
		if (!session || session.expiresAt <= context.clock.now())
			return backEndError(401, 'invalid_session', 'Sign in first.');

		// Vouch for the user to the identity pool, with a call signed by the back end's own key
		const answer = await requestDeveloperToken(context, call, session.user.userId);
		if (!answer.ok)
			return backEndError(502, 'identity_pool_refused', `${answer.type}: ${answer.message}`);
		return backEndJson(200, { identityId: answer.identityId, token: answer.token });
	};

	return {
		actor: 'back-end',
		host: backEndHost,
		matches: (url) => url.host === backEndHost,
		async handle(request, call) {
			const { pathname } = new URL(request.url);
			const route = routes[pathname];
			if (!route) return backEndError(404, 'not_found', `No route for ${pathname}.`);
			if (request.method !== 'POST') {
				const refused = backEndError(405, 'method_not_allowed', 'Use POST.');
				return { ...refused, headers: [...refused.headers, ['allow', 'POST']] };
			}
			if (route === 'sign-in') return signIn(request);
			return identityToken(request, call);
		}
	};
}

const routes: Record<string, 'sign-in' | 'identity-token'> = {
	'/sign-in': 'sign-in',
	'/identity-token': 'identity-token'
};

function readJson(request: WireRequest): Record<string, unknown> | null {
	if (request.body.byteLength > maxBodyBytes) return null;
	try {
		const value: unknown = JSON.parse(bodyText(request));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

/** Compares every character whatever the first difference, as a password check should. */
function sameText(expected: string, given: string): boolean {
	let difference = expected.length ^ given.length;
	for (let i = 0; i < expected.length; i++)
		difference |= expected.charCodeAt(i) ^ (given.charCodeAt(i) || 0);
	return difference === 0;
}

function base64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}
