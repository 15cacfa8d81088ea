import { CognitoJwtVerifier } from 'aws-jwt-verify';
import * as errors from 'aws-jwt-verify/error';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
	accessClaims,
	clientId,
	encryptRefreshToken,
	iat,
	idClaims,
	issuer,
	now,
	sign,
	userPoolId
} from './test-tokens.fixture';
import { testPool as pool } from './test-pool.fixture';
import { verifyJwt, type VerificationStepId } from './verify-jwt';

/** Which labelled step each aws-jwt-verify error class corresponds to. */
const stepOf: [new (...args: never[]) => Error, VerificationStepId][] = [
	[errors.JwtParseError, 'structure'],
	[errors.JwtWithoutValidKidError, 'kid'],
	[errors.KidNotFoundInJwksError, 'kid'],
	[errors.JwtInvalidSignatureAlgorithmError, 'signature'],
	[errors.JwtInvalidSignatureError, 'signature'],
	[errors.JwtExpiredError, 'expiry'],
	[errors.JwtNotBeforeError, 'expiry'],
	[errors.JwtInvalidIssuerError, 'issuer'],
	[errors.CognitoJwtInvalidTokenUseError, 'token-use'],
	[errors.CognitoJwtInvalidClientIdError, 'audience'],
	// aws-jwt-verify picks its issuer config by `iss` before it looks at keys, so a foreign issuer
	// fails there ("issuer not configured"); the inspector checks iss later, in the order of AWS's
	// own checklist. Same verdict, same field.
	[errors.ParameterValidationError, 'issuer']
];

let cases: [name: string, token: string, use: 'id' | 'access', at: number][];

beforeAll(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	const id = (o = {}) => sign(idClaims(o), pool.idKey);
	const access = (o = {}) => sign(accessClaims(o), pool.accessKey);
	const valid = await id();
	const [h, , s] = valid.split('.');
	const tampered = `${h}.${Buffer.from(JSON.stringify(idClaims({ email: 'mallory@example.com' }))).toString('base64url')}.${s}`;
	const hs256 = await new SignJWT(idClaims())
		.setProtectedHeader({ kid: pool.idKey.kid, alg: 'HS256' })
		.sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!'));
	const expiredAt = (iat + 3600 + 61) * 1000;
	cases = [
		['a valid ID token', valid, 'id', now],
		['a valid access token', await access(), 'access', now],
		['an ID token an hour later', valid, 'id', expiredAt],
		[
			'an ID token from another issuer',
			await id({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other1' }),
			'id',
			now
		],
		['an ID token for another client', await id({ aud: 'another-client' }), 'id', now],
		[
			'an access token for another client',
			await access({ client_id: 'another-client' }),
			'access',
			now
		],
		['an ID token where an access token is needed', valid, 'access', now],
		['an access token where an ID token is needed', await access(), 'id', now],
		['an edited ID token', tampered, 'id', now],
		['an HS256 token', hs256, 'id', now],
		[
			'a token with an unknown kid',
			await sign(idClaims(), { ...pool.idKey, kid: 'unknown=' }),
			'id',
			now
		],
		['the refresh token (a JWE)', await encryptRefreshToken(pool), 'access', now],
		['a truncated token', valid.slice(0, 60), 'id', now]
	];
});

afterAll(() => {
	vi.useRealTimers();
});

describe('verifyJwt agrees with aws-jwt-verify 5.2.1', () => {
	it('on the verdict and on the step that fails, for every case', async () => {
		for (const [name, token, use, at] of cases) {
			vi.setSystemTime(at);
			const verifier = CognitoJwtVerifier.create({ userPoolId, tokenUse: use, clientId });
			verifier.cacheJwks(pool.jwks as never);
			let theirs: string;
			try {
				verifier.verifySync(token);
				theirs = 'pass';
			} catch (error) {
				const unconfigured =
					error instanceof errors.ParameterValidationError &&
					!String(error).includes('issuer not configured');
				theirs = unconfigured
					? String(error)
					: (stepOf.find(([type]) => error instanceof type)?.[1] ?? String(error));
			}
			const ours = await verifyJwt(token, {
				trusted: [{ issuer, kind: 'user-pool', jwks: pool.jwks, audiences: [clientId] }],
				now: at,
				expectedUse: use
			});
			expect(ours.failure?.id ?? 'pass', name).toBe(theirs);
		}
	});
});
