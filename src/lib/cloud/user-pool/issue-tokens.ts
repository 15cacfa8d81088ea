import { SignJWT } from 'jose';
import { accessTokenHash } from '$lib/crypto';
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
	/** When the user signed in, if earlier than now (a managed-login session); epoch seconds. */
	authTime?: number;
	/**
	 * Tokens from the OAuth endpoints (managed login): the access token carries the granted
	 * scopes, the ID token exists only with `openid`, echoes the app's `nonce` and carries
	 * `at_hash` (cognito.md §2.2, §5.2). Without it, the user-pool API's single scope.
	 */
	oauth?: { scopes: readonly string[]; nonce?: string };
}

/** What the OAuth token endpoint issues: the ID token only when `openid` was granted. */
export interface OAuthTokens {
	accessToken: string;
	idToken?: string;
	refreshToken?: string;
	expiresIn: number;
}

/**
 * Signs a new ID and access token (RS256, header exactly `{kid, alg}`, different keys) and,
 * for a fresh sign-in, a refresh token. Claim sets follow cognito.md §2.2–2.4. The refresh
 * token is a real JWE, `{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}`, encrypted to a key
 * that never leaves the pool; what it stands for is kept in `refreshRecords`.
 */
export async function issueTokens(
	model: UserPoolModel,
	p: Omit<Issue, 'oauth'>
): Promise<AuthenticationResult> {
	const t = await signUserTokens(model, p);
	// Key order as AWS sends it: AccessToken, ExpiresIn, TokenType, RefreshToken, IdToken.
	return {
		AccessToken: t.accessToken,
		ExpiresIn: t.expiresIn,
		TokenType: 'Bearer',
		...(t.refreshToken ? { RefreshToken: t.refreshToken } : {}),
		IdToken: t.idToken!
	};
}

/** The same tokens for the OAuth token endpoint, with the scopes the authorization granted. */
export function issueOAuthTokens(
	model: UserPoolModel,
	p: Issue & { oauth: NonNullable<Issue['oauth']> }
): Promise<OAuthTokens> {
	return signUserTokens(model, p);
}

async function signUserTokens(model: UserPoolModel, p: Issue): Promise<OAuthTokens> {
	const { user, client, oauth } = p;
	const keys = await model.keys();
	const now = Math.floor(model.clock.now() / 1000);
	const authTime = p.refreshOf?.authTime ?? p.authTime ?? now;
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
		scope: oauth ? oauth.scopes.join(' ') : 'aws.cognito.signin.user.admin',
		auth_time: authTime,
		exp: now + client.accessTokenValidity,
		iat: now,
		...(revocation ? { jti: model.random.uuid() } : {}),
		username: user.username,
		version: 2
	};

	const accessToken = await new SignJWT(accessClaims)
		.setProtectedHeader({ kid: keys.accessToken.kid, alg: 'RS256' })
		.sign(keys.accessToken.privateKey);
	const withIdToken = !oauth || oauth.scopes.includes('openid');
	const oauthClaims = oauth
		? {
				at_hash: await accessTokenHash(accessToken),
				...(oauth.nonce !== undefined ? { nonce: oauth.nonce } : {})
			}
		: {};
	const idToken = withIdToken
		? await new SignJWT({ ...oauthClaims, ...idClaims })
				.setProtectedHeader({ kid: keys.idToken.kid, alg: 'RS256' })
				.sign(keys.idToken.privateKey)
		: undefined;
	const result: OAuthTokens = {
		accessToken,
		...(idToken ? { idToken } : {}),
		expiresIn: client.accessTokenValidity
	};
	if (p.refreshOf) return result;

	model.refreshRecords.set(originJti, {
		originJti,
		username: user.username,
		clientId: client.id,
		authTime,
		expiresAt: (now + client.refreshTokenValidity) * 1000,
		revoked: false,
		...(oauth ? { oauth: { scopes: [...oauth.scopes] } } : {})
	});
	const plaintext = new TextEncoder().encode(
		JSON.stringify({ origin_jti: originJti, client_id: client.id, iat: now })
	);
	result.refreshToken = await sealRefreshToken(
		plaintext,
		keys.refreshToken.publicKey,
		model.random.bytes
	);
	return result;
}

/** Attributes as ID-token claims: `*_verified` become JSON booleans, everything else a string. */
function attributeClaims(user: PoolUser): Record<string, unknown> {
	const claims: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(user.attributes)) {
		if (name === 'sub') continue;
		// `identities` (federated users) is stored as JSON text and travels as an array (§5.7).
		if (name === 'identities') claims[name] = JSON.parse(value);
		else claims[name] = name.endsWith('_verified') ? value === 'true' : value;
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

/**
 * A machine-to-machine access token (`client_credentials`): no user, so no username or groups;
 * `sub` and `client_id` are both the app client. ⚠ AWS does not document this claim set; this is
 * the reference's defensible shape (cognito.md §2.3).
 */
export async function issueClientCredentialsToken(
	model: UserPoolModel,
	client: AppClientScenario,
	scopes: readonly string[]
): Promise<OAuthTokens> {
	const keys = await model.keys();
	const now = Math.floor(model.clock.now() / 1000);
	const claims = {
		sub: client.id,
		token_use: 'access',
		scope: scopes.join(' '),
		auth_time: now,
		iss: model.issuer,
		exp: now + client.accessTokenValidity,
		iat: now,
		version: 2,
		jti: model.random.uuid(),
		client_id: client.id
	};
	const accessToken = await new SignJWT(claims)
		.setProtectedHeader({ kid: keys.accessToken.kid, alg: 'RS256' })
		.sign(keys.accessToken.privateKey);
	return { accessToken, expiresIn: client.accessTokenValidity };
}
