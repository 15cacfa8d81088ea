import type { IdentityPoolScenario } from '../scenario';
import type { ServiceContext } from '../service';
import { identityNotFound, identityPoolNotFound } from './errors';
import { shippedIdentityPoolKeys, type IdentityPoolKeys } from './keys';

/** The issuer of every identity-pool OpenID token, in every commercial region (cognito.md §7.6). */
export const identityPoolIssuer = 'https://cognito-identity.amazonaws.com';

/**
 * An identity as the pool keeps it: its id and the logins linked to it, by provider key
 * (`cognito-idp.<region>.amazonaws.com/<poolId>` → the user's `sub`, the developer provider
 * name → your user identifier). No logins: a guest identity.
 */
export interface Identity {
	id: string;
	logins: Map<string, string>;
	createdAt: number;
}

/** Asks the user pool whether the sign-in behind an ID token still stands (ServerSideTokenCheck). */
export type SignInCheck = (issuer: string, claims: Record<string, unknown>) => boolean;

export interface IdentityPoolModelOptions {
	/** Fixed keys (tests); otherwise generated on the first token the pool signs. */
	keys?: IdentityPoolKeys | Promise<IdentityPoolKeys>;
	/** How the pool asks a user pool about GlobalSignOut / revocation; absent: every sign-in stands. */
	signInCheck?: SignInCheck;
}

export type IdentityPoolModel = ReturnType<typeof createIdentityPoolModel>;

/**
 * The identity pool's state and the rules its operations share: identities, the logins linked
 * to them, and the signing key (made on first need, never while a cloud is created).
 */
export function createIdentityPoolModel(
	context: ServiceContext,
	options: IdentityPoolModelOptions = {}
) {
	const { scenario, clock, random, account } = context;
	const pool: IdentityPoolScenario = scenario.identityPool;
	const region = scenario.region;
	const identities = new Map<string, Identity>();
	/** `<provider>\n<login id>` → identity id: one identity per login, as AWS keeps them. */
	const byLogin = new Map<string, string>();
	const loginKey = (provider: string, loginId: string) => `${provider}\n${loginId}`;
	const link = (identity: Identity, provider: string, loginId: string): void => {
		identity.logins.set(provider, loginId);
		byLogin.set(loginKey(provider, loginId), identity.id);
	};
	// Identities from earlier visits (the scenario's returning users) exist before any request.
	for (const seeded of pool.identities ?? []) {
		const identity: Identity = { id: seeded.id, logins: new Map(), createdAt: clock.now() };
		identities.set(identity.id, identity);
		for (const [provider, loginId] of Object.entries(seeded.logins))
			link(identity, provider, loginId);
	}
	let keys: Promise<IdentityPoolKeys> | undefined = options.keys
		? Promise.resolve(options.keys)
		: undefined;

	return {
		pool,
		region,
		clock,
		random,
		account,
		signInCheck: options.signInCheck ?? (() => true),
		/** `arn:aws:cognito-identity:<region>:<account>:identitypool/<poolId>`, what IAM authorizes. */
		poolArn: `arn:aws:cognito-identity:${region}:${scenario.accountId}:identitypool/${pool.id}`,

		keys(): Promise<IdentityPoolKeys> {
			keys ??= shippedIdentityPoolKeys(region);
			return keys;
		},

		/** The pool named by `IdentityPoolId`, or `ResourceNotFoundException`. */
		requirePool(poolId: string): IdentityPoolScenario {
			if (poolId !== pool.id) throw identityPoolNotFound(poolId);
			return pool;
		},

		/** The identity named by `IdentityId`, or `ResourceNotFoundException`. */
		requireIdentity(identityId: string): Identity {
			const identity = identities.get(identityId);
			if (!identity) throw identityNotFound(identityId);
			return identity;
		},

		/** A new identity, `<region>:<uuid>` (cognito.md §1). */
		createIdentity(): Identity {
			const identity: Identity = {
				id: `${region}:${random.uuid()}`,
				logins: new Map(),
				createdAt: clock.now()
			};
			identities.set(identity.id, identity);
			return identity;
		},

		/** The identity a login is linked to, if any. */
		identityForLogin(provider: string, loginId: string): Identity | undefined {
			const id = byLogin.get(loginKey(provider, loginId));
			return id === undefined ? undefined : identities.get(id);
		},

		/** Links a login to an identity (a guest identity becomes authenticated). */
		link
	};
}
