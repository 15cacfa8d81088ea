import { compactVerify, createLocalJWKSet, decodeJwt } from 'jose';
import type { IdentityPoolScenario } from '../scenario';
import type { CheckTrail } from './check-trail';
import { invalidLoginToken, unsupportedProvider } from './errors';
import { identityPoolIssuer, type IdentityPoolModel } from './model';
import { openOwnToken } from './open-id-token';

/** The Logins key under which an app hands back a token this pool signed (developer flow). */
export const ownTokenProvider = 'cognito-identity.amazonaws.com';

/** One entry of `Logins` after every check passed. */
export interface VerifiedLogin {
	/** The Logins key, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01`. */
	provider: string;
	/** Who signed in at that provider: a user pool `sub`; for the pool's own token its `sub`. */
	loginId: string;
	/** What the login adds to the pool token's `amr` (after `authenticated`). */
	amr: string[];
	/** The token's claims, for role-mapping rules and `cognito:roles`. */
	claims: Record<string, unknown>;
	/** A user pool login: the RoleMappings key, `<provider>:<app client id>` (cognito.md §7.8). */
	roleMappingKey?: string;
	/** The pool's own token: the identity it was issued for (it links nothing new). */
	ownTokenFor?: string;
}

/**
 * Checks every `Logins` entry the way the identity pool does (cognito.md §7.7), in its order,
 * each step recorded on `trail`:
 *
 * 1. the value is a JWT ("Not a valid OpenId Connect identity token", ⚠ observed in a question
 *    title, not in the reference);
 * 2. it has `aud` — an access token has not ("Missing a required claim: aud");
 * 3. `iss` is `https://` + the key ("Issuer doesn't match providerName");
 * 4. the provider and the `aud` client are configured on the pool ("Token is not from a
 *    supported provider of this identity pool.");
 * 5. the signature verifies against the issuer's published keys ("Couldn't verify signed token.");
 * 6. not expired, on the simulated clock ("Token expired: <now> >= <exp>", seconds);
 * 7. ServerSideTokenCheck: the user pool still honours the sign-in.
 *
 * The pool's own token (key `cognito-identity.amazonaws.com`, the developer flow's enhanced
 * half) is checked against the pool's own key and audience instead of a provider.
 */
export async function verifyLogins(
	model: IdentityPoolModel,
	logins: Record<string, string>,
	trail: CheckTrail
): Promise<VerifiedLogin[]> {
	const verified: VerifiedLogin[] = [];
	for (const [provider, token] of Object.entries(logins))
		verified.push(
			provider === ownTokenProvider
				? await verifyOwnToken(model, token, trail)
				: await verifyProviderToken(model, provider, token, trail)
		);
	return verified;
}

async function verifyProviderToken(
	model: IdentityPoolModel,
	provider: string,
	token: string,
	trail: CheckTrail
): Promise<VerifiedLogin> {
	const at = (label: string) => `${provider}: ${label}`;

	// Read the claims (unverified until the signature step)
	const claims = readClaims(token);
	if (!claims)
		trail.fail(
			at('A JWT'),
			shorten(token),
			invalidLoginToken('Not a valid OpenId Connect identity token.')
		);
	trail.pass(at('A JWT'), 'three base64url parts; claims read, not yet trusted');

	// Check the token has an audience: ID tokens have `aud`, access tokens only `client_id`
	const aud = claims.aud;
	if (typeof aud !== 'string' || aud === '')
		trail.fail(
			at('Has aud'),
			`token_use: ${String(claims.token_use ?? '(none)')}; aud: (none)`,
			invalidLoginToken('Missing a required claim: aud'),
			'Only an ID token has aud; an access token has client_id instead.'
		);
	trail.pass(at('Has aud'), aud);

	// Check the issuer is the Logins key with https:// in front
	if (claims.iss !== `https://${provider}`)
		trail.fail(
			at('Issuer is https:// + key'),
			`iss: ${String(claims.iss)}\nexpected: https://${provider}`,
			invalidLoginToken("Issuer doesn't match providerName")
		);
	trail.pass(at('Issuer is https:// + key'), String(claims.iss));

	// Check the provider and the app client are configured on this pool: a user pool and its
	// client (CognitoIdentityProviders), or a social provider and the app's client there
	// (SupportedLoginProviders, e.g. accounts.google.com → the app's Google client id).
	const configured = model.pool.cognitoIdentityProviders.find(
		(p) => p.providerName === provider && p.clientId === aud
	);
	const social = model.pool.supportedLoginProviders?.[provider] === aud;
	if (!configured && !social)
		trail.fail(
			at('Provider and client configured'),
			`${provider} with client ${aud}\nconfigured: ${listProviders(model.pool)}`,
			unsupportedProvider()
		);
	trail.pass(at('Provider and client configured'), `${provider} with client ${aud}`);

	// Check the signature against the issuer's published keys
	const iss = claims.iss as string;
	if (!(await signatureVerifies(model, iss, token)))
		trail.fail(
			at('Signature'),
			`against the keys of ${iss}`,
			invalidLoginToken("Couldn't verify signed token.")
		);
	trail.pass(at('Signature'), `verified with the keys of ${iss}`);

	// Check expiry on the pool's clock
	checkExpiry(model, claims, at('Not expired'), trail);

	// ServerSideTokenCheck: ask the user pool whether the user signed out or was removed
	if (configured?.serverSideTokenCheck) {
		if (!model.signInCheck(iss, claims))
			trail.fail(
				at('ServerSideTokenCheck'),
				`the user pool no longer honours this sign-in (GlobalSignOut, revoked, disabled or deleted)`,
				// ⚠ SIM wording: AWS documents only "400 NotAuthorized" for this case (§7.2).
				invalidLoginToken('Token has been revoked.')
			);
		trail.pass(at('ServerSideTokenCheck'), 'the user pool still honours this sign-in');
	} else
		trail.skip(
			at('ServerSideTokenCheck'),
			configured ? 'off for this provider' : 'a user pool setting'
		);

	const sub = String(claims.sub ?? '');
	return {
		provider,
		loginId: sub,
		// ⚠ inferred (§7.6): the provider, then `<provider>:CognitoSignIn:<sub>` for a user pool
		// or `<provider>:<sub>` for a social provider.
		amr: [provider, configured ? `${provider}:CognitoSignIn:${sub}` : `${provider}:${sub}`],
		claims,
		// Role mappings key a user pool by `<provider>:<client>`, a social provider by its name.
		roleMappingKey: configured ? `${provider}:${aud}` : provider
	};
}

async function verifyOwnToken(
	model: IdentityPoolModel,
	token: string,
	trail: CheckTrail
): Promise<VerifiedLogin> {
	const at = (label: string) => `${ownTokenProvider}: ${label}`;
	const unverified = readClaims(token);
	if (!unverified)
		trail.fail(
			at('A JWT'),
			shorten(token),
			invalidLoginToken('Not a valid OpenId Connect identity token.')
		);
	if (unverified.iss !== identityPoolIssuer)
		trail.fail(
			at('Issuer is https:// + key'),
			`iss: ${String(unverified.iss)}\nexpected: ${identityPoolIssuer}`,
			invalidLoginToken("Issuer doesn't match providerName")
		);
	trail.pass(at('Issuer is https:// + key'), identityPoolIssuer);

	const claims = await openOwnToken(model, token);
	if (!claims)
		trail.fail(
			at('Signature'),
			'against this pool’s own key',
			invalidLoginToken("Couldn't verify signed token.")
		);
	trail.pass(at('Signature'), 'verified with this pool’s own key');

	// ⚠ SIM: a token of another identity pool is refused as from an unsupported provider.
	if (claims.aud !== model.pool.id)
		trail.fail(
			at('Audience is this pool'),
			`aud: ${String(claims.aud)}\nexpected: ${model.pool.id}`,
			unsupportedProvider()
		);
	trail.pass(at('Audience is this pool'), model.pool.id);
	checkExpiry(model, claims, at('Not expired'), trail);

	const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
	return {
		provider: ownTokenProvider,
		loginId: String(claims.sub),
		amr: amr.filter((entry) => entry !== 'authenticated' && entry !== 'unauthenticated'),
		claims: { ...claims },
		ownTokenFor: String(claims.sub)
	};
}

function checkExpiry(
	model: IdentityPoolModel,
	claims: Record<string, unknown>,
	label: string,
	trail: CheckTrail
): void {
	const now = Math.floor(model.clock.now() / 1000);
	const exp = typeof claims.exp === 'number' ? claims.exp : 0;
	if (now >= exp)
		trail.fail(
			label,
			`now ${now} >= exp ${exp}`,
			invalidLoginToken(`Token expired: ${now} >= ${exp}`)
		);
	trail.pass(label, `now ${now} < exp ${exp}`);
}

async function signatureVerifies(
	model: IdentityPoolModel,
	issuer: string,
	token: string
): Promise<boolean> {
	try {
		const jwks = await model.account.issuerKeys(issuer);
		if (!jwks) return false;
		await compactVerify(token, createLocalJWKSet(jwks));
		return true;
	} catch {
		return false;
	}
}

function readClaims(token: string): Record<string, unknown> | undefined {
	try {
		return decodeJwt(token) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

function listProviders(pool: IdentityPoolScenario): string {
	const all = [
		...pool.cognitoIdentityProviders.map((p) => `${p.providerName} with client ${p.clientId}`),
		...Object.entries(pool.supportedLoginProviders ?? {}).map(([p, c]) => `${p} with client ${c}`)
	];
	return all.length === 0 ? '(none)' : all.join(', ');
}

const shorten = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);
