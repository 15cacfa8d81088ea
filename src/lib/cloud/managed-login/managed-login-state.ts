import type { PoolUser, UserPoolModel } from '../user-pool/model';
import type { AuthorizeRequest } from './authorize-request';

/** What an authorization code stands for, until the app redeems it (once) at `/oauth2/token`. */
export interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	username: string;
	scopes: string[];
	nonce?: string;
	codeChallenge?: string;
	authTime: number;
	expiresAt: number;
}

/** A browser signed in to managed login: the `cognito` cookie's server side. */
export interface LoginSession {
	username: string;
	/** Epoch seconds of the sign-in: `auth_time` of every token this session leads to. */
	authTime: number;
	expiresAt: number;
}

/** Codes are single-use and valid 5 minutes (authorization endpoint reference, cognito.md §5.2). */
export const codeLifetimeMs = 5 * 60_000;
/**
 * ⚠ SIM: how long managed login remembers a browser. AWS now lets an app client set its single
 * sign-on session length; the classic one hour is used here, as the reference notes no default.
 */
export const sessionLifetimeMs = 60 * 60_000;

/**
 * ⚠ SIM: how long a sign-in handed to a provider may take (the user types a password there).
 * AWS does not say; longer than the usual five-minute SAML assertion, so that an assertion
 * posted late is refused for its own expiry, as the lesson shows.
 */
export const federationLifetimeMs = 15 * 60_000;

/** A sign-in handed to an external provider, until the browser comes back to idpresponse. */
export interface PendingFederation {
	request: AuthorizeRequest;
	providerName: string;
	/** The nonce Cognito sent the provider: its ID token must carry it back. */
	nonce: string;
	expiresAt: number;
}

export type ManagedLoginState = ReturnType<typeof createManagedLoginState>;

/** Managed login's own memory: codes not yet redeemed and signed-in browsers. */
export function createManagedLoginState(model: UserPoolModel) {
	const codes = new Map<string, AuthorizationCode>();
	const sessions = new Map<string, LoginSession>();
	const federations = new Map<string, PendingFederation>();
	const challenges = new Map<string, { username: string; expiresAt: number }>();
	const now = () => model.clock.now();

	return {
		issueCode(request: AuthorizeRequest, session: LoginSession): string {
			// Cognito's codes look like UUIDs; unguessable either way.
			const code = model.random.uuid();
			codes.set(code, {
				clientId: request.client.id,
				redirectUri: request.redirectUri,
				username: session.username,
				scopes: request.scopes,
				...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
				...(request.codeChallenge !== undefined ? { codeChallenge: request.codeChallenge } : {}),
				authTime: session.authTime,
				expiresAt: now() + codeLifetimeMs
			});
			return code;
		},

		/** Takes a code: gone after the first attempt, whether that attempt succeeds or not. */
		takeCode(code: string): AuthorizationCode | undefined {
			const found = codes.get(code);
			codes.delete(code);
			return found && now() < found.expiresAt ? found : undefined;
		},

		/** A signed-in browser, by the pool's form or by a federated provider. */
		openSession(user: PoolUser): { id: string; session: LoginSession } {
			const id = model.random.uuid();
			const session = {
				username: user.username,
				authTime: Math.floor(now() / 1000),
				expiresAt: now() + sessionLifetimeMs
			};
			sessions.set(id, session);
			return { id, session };
		},

		/** The live session behind a `cognito` cookie value, if any. */
		session(id: string | undefined): LoginSession | undefined {
			const found = id === undefined ? undefined : sessions.get(id);
			if (!found || now() >= found.expiresAt) return undefined;
			return found;
		},

		endSession(id: string | undefined): void {
			if (id !== undefined) sessions.delete(id);
		},

		/** A sign-in waiting for one more answer (a new password, an MFA code); single use. */
		openChallenge(username: string, validityMs: number): string {
			const id = model.random.uuid();
			challenges.set(id, { username, expiresAt: now() + validityMs });
			return id;
		},

		takeChallenge(id: string | null): string | undefined {
			const found = id === null ? undefined : challenges.get(id);
			if (id !== null) challenges.delete(id);
			return found && now() < found.expiresAt ? found.username : undefined;
		},

		/** Cognito's own `state` (a SAML RelayState) and `nonce` (a SAML request ID) for the provider. */
		startFederation(request: AuthorizeRequest, providerName: string) {
			const state = model.random.uuid();
			const nonce = model.random.uuid();
			federations.set(state, {
				request,
				providerName,
				nonce,
				expiresAt: now() + federationLifetimeMs
			});
			return { state, nonce };
		},

		/** The federation a provider's redirect belongs to; single use. */
		takeFederation(state: string | null): PendingFederation | undefined {
			const found = state === null ? undefined : federations.get(state);
			if (state !== null) federations.delete(state);
			return found && now() < found.expiresAt ? found : undefined;
		}
	};
}
