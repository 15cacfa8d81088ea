import {
	compactVerify,
	createLocalJWKSet,
	decodeJwt,
	decodeProtectedHeader,
	errors,
	type JWTPayload
} from 'jose';
import type { Account } from '../account';
import type { ExplanationCheck } from '../exchange';
import { expiredToken, invalidIdentityToken } from './errors';

/** What STS accepts (cognito.md §8.1): RSA or ECDSA signatures, nothing symmetric, never `none`. */
const algorithms = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

const notAJwt =
	'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)';
// OBSERVED with its double space (awslabs/aws-sdk-rust#827, aws/aws-sdk-php#1725).
const noKey =
	"Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";
// SIM: STS's message for a signature that does not verify with the provider's key was not observed.
const badSignature = 'The signature of the web identity token could not be verified.';

/** A verified token: its claims, checked for issuer, signature and expiry. */
export interface VerifiedWebIdentity {
	issuer: string;
	claims: JWTPayload & { iss: string };
}

/**
 * Verifies a web identity token as labelled steps (the labels are what the inspector shows):
 * parse, issuer known, algorithm, signature with the issuer's published key, expiry by the
 * simulated clock. Each failure is the STS error a real call gets. `checks` collects the steps.
 *
 * @example const { claims } = await verifyWebIdentityToken(token, account, clock.now(), checks);
 */
export async function verifyWebIdentityToken(
	token: string,
	account: Account,
	nowMs: number,
	checks: ExplanationCheck[]
): Promise<VerifiedWebIdentity> {
	const fail = (label: string, value: string, error: Error): never => {
		checks.push({ label, value, verdict: 'fail', note: error.message });
		throw error;
	};

	// Parse: three base64url parts, JSON header and claims, an issuer, integer timestamps.
	let header: ReturnType<typeof decodeProtectedHeader>;
	let claims: JWTPayload;
	try {
		header = decodeProtectedHeader(token);
		claims = decodeJwt(token);
	} catch {
		return fail('Parse', `${token.slice(0, 40)}…`, invalidIdentityToken(notAJwt));
	}
	const { iss, exp } = claims;
	if (
		typeof iss !== 'string' ||
		!Number.isInteger(exp) ||
		(claims.iat !== undefined && !Number.isInteger(claims.iat))
	)
		return fail('Parse', JSON.stringify(claims), invalidIdentityToken(notAJwt));
	checks.push({ label: 'Parse', value: JSON.stringify(header), verdict: 'pass' });

	// Check issuer: the account must know it (an IAM OIDC provider, or Cognito's own).
	const jwks = account.issuerKeys(iss);
	if (!jwks)
		return fail(
			'Issuer',
			iss,
			invalidIdentityToken(`No OpenIDConnect provider found in your account for ${iss}`)
		);
	checks.push({
		label: 'Issuer',
		value: iss,
		verdict: 'pass',
		note: 'A provider this account trusts.'
	});

	// Check algorithm.
	if (typeof header.alg !== 'string' || !algorithms.includes(header.alg))
		return fail('Algorithm', String(header.alg), invalidIdentityToken(badSignature));

	// Check signature with the issuer's published key (chosen by `kid`).
	try {
		await compactVerify(token, createLocalJWKSet(await jwks), { algorithms });
	} catch (error) {
		const keyMissing =
			error instanceof errors.JWKSNoMatchingKey ||
			error instanceof errors.JWKSInvalid ||
			error instanceof errors.JWKSMultipleMatchingKeys;
		const message = keyMissing || !(error instanceof errors.JOSEError) ? noKey : badSignature;
		return fail(
			'Signature',
			`${header.alg} kid ${String(header.kid)}`,
			invalidIdentityToken(message)
		);
	}
	checks.push({
		label: 'Signature',
		value: `${header.alg} kid ${String(header.kid)}`,
		verdict: 'pass'
	});

	// Check expiry against the simulated clock (OBSERVED message, cognito.md §8.3).
	const now = Math.floor(nowMs / 1000);
	if (now >= exp!)
		return fail(
			'Expiry',
			`exp ${exp}`,
			expiredToken(
				`Token expired: current date/time ${now} must be before the expiration date/time ${exp}`
			)
		);
	checks.push({ label: 'Expiry', value: `exp ${exp}`, verdict: 'pass', note: `Now is ${now}.` });

	return { issuer: iss, claims: { ...claims, iss } };
}
