import { compactVerify, decodeProtectedHeader } from 'jose';
import { notAuthorized, userDisabled, userNotFound } from './errors';
import type { PoolUser, UserPoolModel } from './model';

/** Claims of a user pool access token, as far as the pool's own checks read them. */
export interface AccessTokenClaims {
	sub: string;
	iss: string;
	client_id: string;
	token_use: string;
	scope: string;
	exp: number;
	iat: number;
	username: string;
	origin_jti?: string;
}

const invalid = () => notAuthorized('Invalid Access Token');

/**
 * What GetUser and GlobalSignOut do with `AccessToken` before anything else, as labelled steps.
 * Messages: `Access Token has been revoked` (observed), `Access Token has expired` and
 * `Invalid Access Token` (⚠ common wording, cognito.md §3.7), `Access Token does not have
 * required scopes` (⚠ SIM: the wording real apps report for OAuth tokens without the admin
 * scope; not in the reference). An ID token is `Invalid Access Token` (⚠ SIM choice: the
 * reference gives no message for it; the key lookup fails first because ID tokens are signed
 * by the other key).
 */
export async function verifyAccessToken(
	model: UserPoolModel,
	token: string,
	/** The self-service API needs the admin scope; managed login's userInfo needs `openid`. */
	requiredScope = 'aws.cognito.signin.user.admin'
): Promise<{ claims: AccessTokenClaims; user: PoolUser }> {
	const keys = await model.keys();

	// Pick the key by kid: only the access-token key may have signed an access token
	let kid: unknown;
	try {
		kid = decodeProtectedHeader(token).kid;
	} catch {
		throw invalid();
	}
	if (kid !== keys.accessToken.kid) throw invalid();

	// Check the signature
	let claims: AccessTokenClaims;
	try {
		const { payload } = await compactVerify(token, keys.accessToken.publicJwk, {
			algorithms: ['RS256']
		});
		claims = JSON.parse(new TextDecoder().decode(payload));
	} catch {
		throw invalid();
	}

	// Check issuer and token use
	if (claims.iss !== model.issuer || claims.token_use !== 'access') throw invalid();

	// Check expiry against the pool's clock
	if (typeof claims.exp !== 'number' || model.clock.now() >= claims.exp * 1000)
		throw notAuthorized('Access Token has expired');

	// Check revocation: RevokeToken / GlobalSignOut end every token of that sign-in
	const user = model.findUser(String(claims.username));
	const signedOut =
		user?.signedOutAt !== undefined && claims.origin_jti === undefined
			? claims.iat * 1000 <= user.signedOutAt
			: false;
	if ((claims.origin_jti && model.revokedOrigins.has(claims.origin_jti)) || signedOut)
		throw notAuthorized('Access Token has been revoked');

	// Check scope: the self-service API needs aws.cognito.signin.user.admin
	if (
		!String(claims.scope ?? '')
			.split(' ')
			.includes(requiredScope)
	)
		throw notAuthorized('Access Token does not have required scopes');

	// Check the user still exists and may act
	if (!user || user.sub !== claims.sub) throw userNotFound();
	if (!user.enabled) throw userDisabled();
	return { claims, user };
}
