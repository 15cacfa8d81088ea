import { SignJWT } from 'jose';
import type { AppClientScenario } from '../scenario';
import type { PoolUser, UserPoolModel } from './model';
import { sealRefreshToken } from './refresh-token-jwe';

/** `AuthenticationResult` as InitiateAuth / RespondToAuthChallenge return it. */
export interface AuthenticationResult {
	AccessToken: string;
	ExpiresIn: number;
	TokenType: 'Bearer';
	/** Left out entirely on refresh (cognito.md §2.6, §4.4b). */
	RefreshToken?: string;
	IdToken: string;
}

/** Claims of a user pool ID token (cognito.md §2.2). */
export type IdTokenClaims = Record<string, unknown>;

interface Issue {
	user: PoolUser;
	client: AppClientScenario;
	/** A refresh continues an earlier sign-in: same `origin_jti` and `auth_time`. */
	refreshOf?: { originJti: string; authTime: number };
}

/**
 * Signs a new ID and access token (RS256, header exactly `{kid, alg}`, different keys) and,
 * for a fresh sign-in, a refresh token. Claim sets follow cognito.md §2.2–2.4. The refresh
 * token is a real JWE, `{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}`, encrypted to a key
 * that never leaves the pool; what it stands for is kept in `refreshRecords`.
 */
export async function issueTokens(model: UserPoolModel, p: Issue): Promise<AuthenticationResult> {
	const { user, client } = p;
	const keys = await model.keys();
	const now = Math.floor(model.clock.now() / 1000);
	const authTime = p.refreshOf?.authTime ?? now;
	const originJti = p.refreshOf?.originJti ?? model.random.uuid();
	// ⚠ whether a refresh gets a new event_id is not documented; each token-issuing event gets one.
	const eventId = model.random.uuid();
	// jti/origin_jti exist only when token revocation is on for the client (§2.2).
	const revocation = client.enableTokenRevocation;
	const groups = groupClaims(model, user);

	const idClaims: IdTokenClaims = {
		sub: user.sub,
		...(groups.groups ? { 'cognito:groups': groups.groups } : {}),
		...attributeClaims(user),
		iss: model.issuer,
		'cognito:username': user.username,
		...(revocation ? { origin_jti: originJti } : {}),
		...(groups.roles ? { 'cognito:roles': groups.roles } : {}),
		...(groups.preferredRole ? { 'cognito:preferred_role': groups.preferredRole } : {}),
		aud: client.id,
		event_id: eventId,
		token_use: 'id',
		auth_time: authTime,
		exp: now + client.idTokenValidity,
		iat: now,
		...(revocation ? { jti: model.random.uuid() } : {})
	};
	const accessClaims = {
		sub: user.sub,
		...(groups.groups ? { 'cognito:groups': groups.groups } : {}),
		iss: model.issuer,
		client_id: client.id,
		...(revocation ? { origin_jti: originJti } : {}),
		event_id: eventId,
		token_use: 'access',
		scope: 'aws.cognito.signin.user.admin',
		auth_time: authTime,
		exp: now + client.accessTokenValidity,
		iat: now,
		...(revocation ? { jti: model.random.uuid() } : {}),
		username: user.username,
		version: 2
	};

	const [IdToken, AccessToken] = await Promise.all([
		new SignJWT(idClaims)
			.setProtectedHeader({ kid: keys.idToken.kid, alg: 'RS256' })
			.sign(keys.idToken.privateKey),
		new SignJWT(accessClaims)
			.setProtectedHeader({ kid: keys.accessToken.kid, alg: 'RS256' })
			.sign(keys.accessToken.privateKey)
	]);
	const result: AuthenticationResult = {
		AccessToken,
		ExpiresIn: client.accessTokenValidity,
		TokenType: 'Bearer',
		IdToken
	};
	if (p.refreshOf) return result;

	model.refreshRecords.set(originJti, {
		originJti,
		username: user.username,
		clientId: client.id,
		authTime,
		expiresAt: (now + client.refreshTokenValidity) * 1000,
		revoked: false
	});
	const plaintext = new TextEncoder().encode(
		JSON.stringify({ origin_jti: originJti, client_id: client.id, iat: now })
	);
	result.RefreshToken = await sealRefreshToken(
		plaintext,
		keys.refreshToken.publicKey,
		model.random.bytes
	);
	// Key order as AWS sends it: AccessToken, ExpiresIn, TokenType, RefreshToken, IdToken.
	return {
		AccessToken,
		ExpiresIn: result.ExpiresIn,
		TokenType: 'Bearer',
		RefreshToken: result.RefreshToken,
		IdToken
	};
}

/** Attributes as ID-token claims: `*_verified` become JSON booleans, everything else a string. */
function attributeClaims(user: PoolUser): Record<string, unknown> {
	const claims: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(user.attributes)) {
		if (name === 'sub') continue;
		claims[name] = name.endsWith('_verified') ? value === 'true' : value;
	}
	return claims;
}

/**
 * `cognito:groups`, `cognito:roles` and `cognito:preferred_role` (§2.2): groups only if the user
 * has any, roles of the groups that have one, and the role of the lowest-precedence group —
 * left out when two groups tie at that precedence with different roles.
 */
function groupClaims(model: UserPoolModel, user: PoolUser) {
	const groups = model.pool.groups.filter((g) => user.groups.includes(g.name));
	if (groups.length === 0) return {};
	const withRole = groups.filter((g) => g.roleArn !== undefined);
	const roles = [...new Set(withRole.map((g) => g.roleArn!))];
	let preferredRole: string | undefined;
	if (withRole.length > 0) {
		const best = Math.min(...withRole.map((g) => g.precedence));
		const top = new Set(withRole.filter((g) => g.precedence === best).map((g) => g.roleArn!));
		if (top.size === 1) preferredRole = [...top][0];
	}
	return {
		groups: groups.map((g) => g.name),
		roles: roles.length > 0 ? roles : undefined,
		preferredRole
	};
}
