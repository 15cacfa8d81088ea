import type { UserPoolModel } from './model';

/**
 * Whether the pool still honours the sign-in an ID token came from: what an identity pool with
 * ServerSideTokenCheck asks (cognito.md §7.2). Not if the user is gone or disabled, signed out
 * globally after the token was issued, or that sign-in's refresh token was revoked (same
 * `origin_jti`). The token's signature and expiry are the caller's checks.
 *
 * @example signInActive(model, { sub, 'cognito:username': 'alice', iat, origin_jti })
 */
export function signInActive(model: UserPoolModel, claims: Record<string, unknown>): boolean {
	const user = model.findUser(String(claims['cognito:username'] ?? ''));
	if (!user || user.sub !== claims.sub || !user.enabled) return false;
	// As for access tokens (verify-access-token.ts): a token of a client with revocation names its
	// sign-in (`origin_jti`), which GlobalSignOut and RevokeToken end; one without falls back on
	// the time of the last GlobalSignOut.
	const originJti = claims.origin_jti;
	if (typeof originJti === 'string') return !model.revokedOrigins.has(originJti);
	const iat = typeof claims.iat === 'number' ? claims.iat : 0;
	return user.signedOutAt === undefined || iat * 1000 > user.signedOutAt;
}
