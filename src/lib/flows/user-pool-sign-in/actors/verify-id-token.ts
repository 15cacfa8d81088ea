import { fromPromise } from 'xstate';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Clock, CloudFetch } from '$lib/cloud';
import { SignInError } from '../../shared/sign-in-error';
import type { VerifiedIdToken } from '../sign-in-types';

export interface VerifyIdTokenInput {
	fetch: CloudFetch;
	clock: Clock;
	region: string;
	userPoolId: string;
	clientId: string;
	idToken: string;
}

/** A check of the ID token that jose does not make for us (named like aws-jwt-verify's errors). */
export class IdTokenCheckError extends SignInError {
	override readonly code = 'ERR_ID_TOKEN_CHECK';
}

/**
 * Verifies the ID token as AWS's checklist (and aws-jwt-verify) does, before the app believes a
 * single claim in it. Issuer and JWKS address are derived from the pool id, never read from the
 * token. Rejects with jose's own error (`JWTExpired`, `JWKSNoMatchingKey`,
 * `JWSSignatureVerificationFailed`, `JWTClaimValidationFailed`) or `IdTokenCheckError`.
 */
export async function verifyIdToken(input: VerifyIdTokenInput): Promise<VerifiedIdToken> {
	const issuer = `https://cognito-idp.${input.region}.amazonaws.com/${input.userPoolId}`;

	// Fetch the pool's public keys (JWKS) through the app's network
	const response = await input.fetch(`${issuer}/.well-known/jwks.json`, {
		method: 'GET',
		headers: { accept: 'application/json' }
	});
	if (response.status !== 200)
		throw new IdTokenCheckError(`Expected 200 OK from the JWKS, got ${response.status}`);
	const jwks = (await response.json()) as JSONWebKeySet;
	const jwksKids = jwks.keys.flatMap((k) => (typeof k.kid === 'string' ? [k.kid] : []));

	// Check the header: RS256 and a kid (still unverified: it only says which key to try)
	const unverifiedHeader = decodeProtectedHeader(input.idToken);
	if (typeof unverifiedHeader.kid !== 'string')
		throw new IdTokenCheckError('The ID token header has no kid');

	// Check the signature with the key named by kid, then expiry at the simulated time,
	// issuer and audience (= this app's client id)
	const { payload, protectedHeader } = await jwtVerify(input.idToken, createLocalJWKSet(jwks), {
		algorithms: ['RS256'],
		issuer,
		audience: input.clientId,
		currentDate: new Date(input.clock.now())
	});

	// Check token use: an access token is signed by the same pool but must not pass as an ID token
	if (payload.token_use !== 'id')
		throw new IdTokenCheckError(
			`Token use not allowed: ${String(payload.token_use)}. Expected: id`
		);

	return {
		header: { kid: protectedHeader.kid ?? '', alg: protectedHeader.alg },
		claims: { ...payload },
		jwksKids
	};
}

export const verifyIdTokenActor = fromPromise<VerifiedIdToken, VerifyIdTokenInput>(({ input }) =>
	verifyIdToken(input)
);
