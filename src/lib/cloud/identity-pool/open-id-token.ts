import { compactVerify, decodeProtectedHeader, SignJWT } from 'jose';
import { identityPoolIssuer, type IdentityPoolModel } from './model';

/** The claim authenticated tokens carry naming the pool (observed, cognito.md §7.6). */
export const identityPoolArnClaim = 'https://cognito-identity.amazonaws.com/identity-pool-arn';

export interface OpenIdTokenClaims {
	sub: string;
	aud: string;
	iss: string;
	amr: string[];
	exp: number;
	iat: number;
	[identityPoolArnClaim]?: string;
}

/**
 * Signs the identity pool's own OpenID token (cognito.md §7.6): `sub` = the identity id, `aud` =
 * the pool id, `amr` = `["unauthenticated"]` or `["authenticated", <provider entries>]`, and for
 * authenticated identities the pool's ARN. Header `{kid, typ: 'JWS', alg: 'RS512'}` (observed,
 * not documented). Claim order as in the observed guest token.
 *
 * @example await signOpenIdToken(model, { identityId, amr: ['unauthenticated'], lifetime: 600 })
 */
export async function signOpenIdToken(
	model: IdentityPoolModel,
	p: { identityId: string; amr: string[]; lifetime: number }
): Promise<string> {
	const keys = await model.keys();
	const iat = Math.floor(model.clock.now() / 1000);
	const authenticated = p.amr.includes('authenticated');
	const claims: OpenIdTokenClaims = {
		sub: p.identityId,
		aud: model.pool.id,
		iss: identityPoolIssuer,
		...(authenticated && { [identityPoolArnClaim]: model.poolArn }),
		amr: p.amr,
		exp: iat + p.lifetime,
		iat
	};
	return new SignJWT({ ...claims })
		.setProtectedHeader({ kid: keys.kid, typ: 'JWS', alg: 'RS512' })
		.sign(keys.privateKey);
}

/**
 * The claims of a token this pool signed, or `undefined` when the signature (or the kid) is
 * not its own. Expiry and audience are the caller's checks: they fail with their own messages.
 */
export async function openOwnToken(
	model: IdentityPoolModel,
	token: string
): Promise<Partial<OpenIdTokenClaims> | undefined> {
	const keys = await model.keys();
	try {
		if (decodeProtectedHeader(token).kid !== keys.kid) return undefined;
		const { payload } = await compactVerify(token, keys.publicJwk, { algorithms: ['RS512'] });
		const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
		return typeof claims === 'object' && claims !== null ? claims : undefined;
	} catch {
		return undefined;
	}
}
