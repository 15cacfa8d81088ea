import { SignJWT, type JWTPayload } from 'jose';
import type { Cloud } from '$lib/cloud';
import { testKeys } from './test-keys';

/** The identity pool's issuer (cognito.md §7.6). */
export const cognitoIdentityIssuer = 'https://cognito-identity.amazonaws.com';
export const identityPoolId = 'us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a';
export const identityId = 'us-east-1:0f2b6c1e-1111-4222-8333-444455556666';
export const authenticatedRoleArn = 'arn:aws:iam::111122223333:role/FlowLabAuthenticated';
export const guestRoleArn = 'arn:aws:iam::111122223333:role/FlowLabGuest';

/**
 * Registers the file's fixed test key as the identity pool's issuer, standing in for the
 * identity pool service until a test needs the pool itself.
 */
export function trustTestIdentityIssuer(cloud: Cloud): void {
	cloud.account.registerIssuer(cognitoIdentityIssuer, async () => ({
		keys: [testKeys.idToken.publicJwk]
	}));
}

/**
 * An identity-pool OpenID token for an authenticated identity (10 minutes, as AWS issues them),
 * signed with the fixed test key; `claims` override any claim, `key` signs with another key.
 */
export async function webIdentityToken(
	now: number,
	claims: JWTPayload = {},
	key = testKeys.idToken
): Promise<string> {
	const iat = Math.floor(now / 1000);
	return new SignJWT({
		sub: identityId,
		aud: identityPoolId,
		iss: cognitoIdentityIssuer,
		amr: ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01'],
		iat,
		exp: iat + 600,
		...claims
	})
		.setProtectedHeader({ alg: 'RS256', kid: testKeys.idToken.kid, typ: 'JWS' })
		.sign(key.privateKey);
}
