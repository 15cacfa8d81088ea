import { base64Encode, bytesToHex, srpCreateVerifier } from '$lib/crypto';
import type { AppClientScenario, UserScenario } from '../scenario';
import type { ServiceContext } from '../service';
import { clientNotFound, expiredSession, invalidSession, reusedSession } from './errors';
import { shippedUserPoolKeys, type UserPoolKeys } from './keys';

/** A user as the pool holds it: the scenario's user plus what sign-in and sign-up change. */
export interface PoolUser extends UserScenario {
	/** `salt` and verifier for SRP, computed on first need and dropped when the password changes. */
	srp?: Promise<{ salt: string; verifier: bigint }>;
	/** The one confirmation code that currently works. */
	confirmationCode?: { code: string; expiresAt: number };
	/** When GlobalSignOut last ran (epoch ms). */
	signedOutAt?: number;
	/** Failed password checks in a row, for the lockout (see `lockout.ts`). */
	lockout?: { failures: number; lastFailureAt: number; lockedUntil: number };
}

/** The SRP half-done between InitiateAuth and RespondToAuthChallenge. */
export interface SrpState {
	A: bigint;
	b: bigint;
	B: bigint;
	salt: string;
	verifier: bigint;
	secretBlock: string;
	userIdForSrp: string;
	/** An unknown user under PreventUserExistenceErrors ENABLED: always fails at step 3. */
	fake: boolean;
}

/** What a challenge `Session` stands for. Single use: taking it removes it. */
export interface ChallengeSession {
	challengeName: 'PASSWORD_VERIFIER' | 'SOFTWARE_TOKEN_MFA' | 'NEW_PASSWORD_REQUIRED';
	clientId: string;
	/** The pool username, or the typed name of an unknown user. */
	username: string;
	expiresAt: number;
	srp?: SrpState;
}

/** The server-side state behind one refresh token (one sign-in, i.e. one `origin_jti`). */
export interface RefreshRecord {
	originJti: string;
	username: string;
	clientId: string;
	authTime: number;
	expiresAt: number;
	revoked: boolean;
	/** A sign-in through managed login: the scopes its refreshed access tokens carry again. */
	oauth?: { scopes: string[] };
}

/** A code the pool "sent", shown by the UI in place of a real inbox or phone. */
export interface OutboxMessage {
	at: number;
	username: string;
	medium: 'EMAIL' | 'SMS';
	/** Unmasked destination (the learner's simulated inbox). */
	destination: string;
	code: string;
	purpose: 'SignUp' | 'ResendConfirmationCode';
}

export type UserPoolModel = ReturnType<typeof createUserPoolModel>;

/**
 * The state and the rules that several operations share. Operations live one per file in
 * `operations/`; this holds what they read and change.
 */
export function createUserPoolModel(
	context: ServiceContext,
	options: { keys?: UserPoolKeys | Promise<UserPoolKeys> } = {}
) {
	const { scenario, clock, random } = context;
	const pool = scenario.userPool;
	const region = scenario.region;
	const issuer = `https://cognito-idp.${region}.amazonaws.com/${pool.id}`;
	/** Managed login's prefix domain, an origin: `https://<prefix>.auth.<region>.amazoncognito.com`. */
	const domain = `https://${pool.domainPrefix}.auth.${region}.amazoncognito.com`;
	/** The SRP "pool name": the part of the pool id after `_` (cognito.md §1). */
	const poolName = pool.id.slice(pool.id.indexOf('_') + 1);

	const users = new Map<string, PoolUser>(
		pool.users.map((u) => [u.username.toLowerCase(), structuredClone(u) as PoolUser])
	);
	const sessions = new Map<string, ChallengeSession>();
	/** Session strings already answered, so a second answer gets the "used once" wording. */
	const usedSessions = new Set<string>();
	const secretBlocks = new Map<string, ChallengeSession>();
	const refreshRecords = new Map<string, RefreshRecord>();
	const revokedOrigins = new Set<string>();
	const fakeSrp = new Map<string, { salt: string; userIdForSrp: string; verifier: bigint }>();
	const outbox: OutboxMessage[] = [];
	let keys: Promise<UserPoolKeys> | undefined = options.keys
		? Promise.resolve(options.keys)
		: undefined;

	return {
		pool,
		region,
		issuer,
		domain,
		poolName,
		clock,
		random,
		users,
		refreshRecords,
		revokedOrigins,
		outbox,

		/** The pool's keys: the shipped ones unless the cloud was given others, read on first use. */
		keys(): Promise<UserPoolKeys> {
			keys ??= shippedUserPoolKeys();
			return keys;
		},

		/** The app client, or `ResourceNotFoundException`. */
		client(clientId: string): AppClientScenario {
			const client = pool.clients.find((c) => c.id === clientId);
			if (!client) throw clientNotFound(clientId);
			return client;
		},

		/** Usernames are case-insensitive, as in every pool created since 2020. */
		findUser(username: string): PoolUser | undefined {
			return users.get(username.toLowerCase());
		},

		/** The user's SRP salt and verifier, computed once (3072-bit maths is not free). */
		srpFor(user: PoolUser): Promise<{ salt: string; verifier: bigint }> {
			user.srp ??= srpCreateVerifier({
				poolName,
				username: user.username,
				password: user.password,
				randomBytes: random.bytes
			});
			return user.srp;
		},

		/**
		 * The simulated challenge for an unknown name (prevention ENABLED): the same salt and the
		 * same UUID-style USER_ID_FOR_SRP every time for the same name, as AWS does (§3.3), so
		 * asking twice reveals nothing.
		 */
		fakeSrpFor(name: string) {
			const key = name.toLowerCase();
			let fake = fakeSrp.get(key);
			if (!fake) {
				fake = {
					salt: bytesToHex(random.bytes(16)),
					userIdForSrp: random.uuid(),
					verifier: BigInt(`0x${bytesToHex(random.bytes(384))}`)
				};
				fakeSrp.set(key, fake);
			}
			return fake;
		},

		setPassword(user: PoolUser, password: string): void {
			user.password = password;
			user.srp = undefined;
		},

		/**
		 * Opens a challenge session valid for the client's AuthSessionValidity minutes, or for
		 * `validityMs` when the challenge has its own, shorter limit (PASSWORD_VERIFIER).
		 */
		openSession(
			session: Omit<ChallengeSession, 'expiresAt'>,
			client: AppClientScenario,
			validityMs = client.authSessionValidity * 60_000
		): string {
			const token = base64Encode(random.bytes(96));
			const open = { ...session, expiresAt: clock.now() + validityMs };
			sessions.set(token, open);
			if (open.srp) secretBlocks.set(open.srp.secretBlock, open);
			return token;
		},

		/**
		 * Takes (and so ends) the session a RespondToAuthChallenge names, by `Session` or, for
		 * PASSWORD_VERIFIER, by the SECRET_BLOCK the state is also filed under.
		 */
		takeSession(p: { session?: string; secretBlock?: string; clientId: string }): ChallengeSession {
			const found =
				p.session !== undefined
					? sessions.get(p.session)
					: p.secretBlock !== undefined
						? secretBlocks.get(p.secretBlock)
						: undefined;
			if (!found && p.session !== undefined && usedSessions.has(p.session)) throw reusedSession();
			if (!found || found.clientId !== p.clientId) throw invalidSession();
			for (const [token, s] of sessions)
				if (s === found) {
					sessions.delete(token);
					usedSessions.add(token);
				}
			if (found.srp) secretBlocks.delete(found.srp.secretBlock);
			if (clock.now() >= found.expiresAt) throw expiredSession();
			return found;
		},

		/** A six-digit code from the cloud's randomness. */
		newCode(): string {
			const [a = 0, b = 0, c = 0, d = 0] = random.bytes(4);
			return String((((a << 24) | (b << 16) | (c << 8) | d) >>> 0) % 1_000_000).padStart(6, '0');
		}
	};
}
