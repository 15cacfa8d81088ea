import { decodeToken, type JsonObject } from './decode-jwt';
import { formatUtc } from './format-utc';
import { formatDuration } from './relative-time';

export type VerificationStepId =
	'structure' | 'kid' | 'signature' | 'expiry' | 'issuer' | 'token-use' | 'audience';

export interface VerificationStep {
	id: VerificationStepId;
	/** What the step checks, e.g. `Issuer: iss is this user pool`. */
	label: string;
	/** `not-run`: an earlier step failed, so this one was never reached. */
	status: 'pass' | 'fail' | 'not-run';
	/** One sentence: what was found, or for a failure the field, its value and what was expected. */
	detail: string;
	/** For a failure: the field at fault, its actual value and the expected value(s). */
	error?: { field: string; actual: unknown; expected: unknown };
}

export interface VerificationResult {
	verified: boolean;
	steps: VerificationStep[];
	/** The first failing step, when there is one. */
	failure?: VerificationStep;
}

/** An issuer a flow trusts, with its published keys and the audiences it issues tokens for. */
export interface TrustedIssuer {
	/** The `iss` its tokens carry, e.g. `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
	issuer: string;
	/**
	 * A `user-pool` issues ID and access tokens (checked for `token_use`, and `aud` or `client_id`);
	 * the `identity-pool` issues OpenID tokens whose `aud` is the identity pool id; `google` issues
	 * ID tokens whose `aud` is an OAuth client at Google (no `token_use` on either).
	 */
	kind: 'user-pool' | 'identity-pool' | 'google';
	/** Its JWKS, or `null` while it is not known. */
	jwks: { keys: JsonWebKey[] } | null;
	/** Values its tokens may name as their audience: app client ids, or identity pool ids. */
	audiences: readonly string[];
}

export interface VerifyOptions {
	/**
	 * The issuers the flow trusts. A token is checked against the one its `iss` names; with a single
	 * trusted issuer, against that one whatever `iss` says (as a verifier configured for one user
	 * pool does), so a foreign token fails at its key or its issuer.
	 */
	trusted: readonly TrustedIssuer[];
	/** Simulated time, epoch ms. */
	now: number;
	/** The kind the receiver needs, e.g. `access` for a token sent as GetUser's `AccessToken`. */
	expectedUse?: 'id' | 'access';
}

class StepFailure extends Error {
	constructor(
		readonly detail: string,
		readonly error?: VerificationStep['error']
	) {
		super(detail);
	}
}

/** The algorithms Cognito signs with: RS256 (user pools), RS512 (the identity pool's tokens). */
const algorithms = ['RS256', 'RS512'];

const labels: Record<VerificationStepId, string> = {
	structure: 'Structure: three base64url parts; header and payload must be JSON objects',
	kid: "Key: the header's kid must be in the user pool's JWKS",
	signature: 'Signature: RS256 over header.payload must check out with that key',
	expiry: 'Expiry: exp must not be earlier than the simulated time',
	issuer: 'Issuer: iss must be this user pool',
	'token-use': 'Token use: token_use must be id or access',
	audience: 'Audience: aud (ID token) or client_id (access token) must be an app client of the pool'
};

/** The same checks for the identity pool's OpenID tokens, which have no token_use. */
const identityPoolLabels: Partial<Record<VerificationStepId, string>> = {
	kid: "Key: the header's kid must be in the identity pool's JWKS",
	signature: 'Signature: RS512 over header.payload must check out with that key',
	issuer: 'Issuer: iss must be the identity pool service',
	audience: 'Audience: aud must be the identity pool'
};

/** The same checks for Google's ID tokens (cognito.md §6): RS256, no token_use. */
const googleLabels: Partial<Record<VerificationStepId, string>> = {
	kid: "Key: the header's kid must be in Google's JWKS",
	issuer: 'Issuer: iss must be Google',
	audience: 'Audience: aud must be an OAuth client registered at Google'
};

/**
 * Verifies a Cognito ID or access token as aws-jwt-verify does, as labelled steps that stop at the
 * first failure: structure → kid in JWKS → RS256 signature → not expired at `now` → issuer →
 * token_use → audience; an identity pool OpenID token the same way, RS512 and without token_use.
 * The keys and audiences are those of the trusted issuer the token's `iss` names. jose is imported
 * only here, on first use, so a page that never verifies never loads it. Never throws.
 *
 * @example
 * const { verified, failure } = await verifyJwt(token, { trusted: [{ issuer, kind: 'user-pool', jwks, audiences }], now });
 * failure?.detail // -> 'Token expired at 2026-11-22 01:24:52 UTC (exp 1795310692), 3 min before ...'
 */
export async function verifyJwt(
	token: string,
	options: VerifyOptions
): Promise<VerificationResult> {
	const steps: VerificationStep[] = [];
	let header: JsonObject = {};
	let payload: JsonObject = {};
	let jwk: JsonWebKey | undefined;
	// Chosen once the payload is decoded: the issuer the token names, among those trusted.
	let source: TrustedIssuer | undefined;
	const trustedList = () => list(options.trusted.map((t) => t.issuer));

	const checks: [VerificationStepId, () => string | Promise<string>][] = [
		[
			'structure',
			() => {
				const decoded = decodeToken(token);
				if (decoded.kind === 'jwe') {
					throw new StepFailure(
						'JWT string does not consist of exactly 3 parts (header, payload, signature): it has 5. It is an encrypted JWE, which only its issuer can open, so nobody else can verify it.',
						{ field: 'parts', actual: 5, expected: 3 }
					);
				}
				if (decoded.kind === 'invalid') {
					throw new StepFailure(decoded.error.message, {
						field: decoded.error.part ?? 'parts',
						actual: decoded.parts.length,
						expected: 3
					});
				}
				header = decoded.header;
				payload = decoded.payload;
				source =
					options.trusted.find((t) => t.issuer === payload.iss) ??
					(options.trusted.length === 1 ? options.trusted[0] : undefined);
				return 'Three base64url parts; the header and the payload decode to JSON objects.';
			}
		],
		[
			'kid',
			() => {
				if (!source) {
					throw new StepFailure(
						`Issuer not trusted: iss is ${show(payload.iss)}, and this flow trusts only ${trustedList()}, so there are no keys to check the token against.`,
						{
							field: 'iss',
							actual: payload.iss,
							expected: options.trusted.map((t) => t.issuer)
						}
					);
				}
				const keys = source.jwks?.keys;
				if (!keys) {
					throw new StepFailure(
						`No JWKS to check against: the ${poolName(source)}'s public keys are not loaded yet.`,
						{ field: 'jwks', actual: null, expected: 'the JWKS' }
					);
				}
				const kids = keys.map((k) => (k as { kid?: unknown }).kid).filter(isString);
				const kid = header.kid;
				if (kid === undefined) {
					throw new StepFailure(`Missing kid in the header. Expected one of: ${list(kids)}.`, {
						field: 'kid',
						actual: undefined,
						expected: kids
					});
				}
				jwk = keys.find((k) => (k as { kid?: unknown }).kid === kid);
				if (!jwk) {
					const foreign =
						payload.iss === source.issuer
							? ''
							: ` Its iss ${show(payload.iss)} is not an issuer this flow trusts.`;
					throw new StepFailure(
						`JWK for kid ${show(kid)} not found in the JWKS. Expected one of: ${list(kids)}. A token signed by another ${poolName(source)} fails here.${foreign}`,
						{ field: 'kid', actual: kid, expected: kids }
					);
				}
				return `kid ${show(kid)} is one of the ${keys.length} keys the pool publishes.`;
			}
		],
		['signature', () => checkSignature(token, header, jwk)],
		['expiry', () => checkExpiry(payload, options.now)],
		[
			'issuer',
			() => {
				// Reached only with a source: the key step fails without one.
				const expected = source!.issuer;
				if (payload.iss === undefined) {
					throw new StepFailure(`Missing iss. Expected: ${show(expected)}.`, {
						field: 'iss',
						actual: undefined,
						expected
					});
				}
				if (payload.iss !== expected) {
					throw new StepFailure(
						`Issuer not allowed: iss is ${show(payload.iss)}. Expected: ${show(expected)}.`,
						{ field: 'iss', actual: payload.iss, expected }
					);
				}
				return `iss is ${show(payload.iss)}, this ${poolName(source!)}.`;
			}
		],
		['token-use', () => checkTokenUse(payload, options.expectedUse)],
		['audience', () => checkAudience(payload, source!)]
	];
	const identityPool = () => source?.kind === 'identity-pool';
	const google = () => source?.kind === 'google';

	const labelFor = (id: VerificationStepId): string => {
		if (identityPool()) return identityPoolLabels[id] ?? labels[id];
		if (google()) return googleLabels[id] ?? labels[id];
		if (id === 'token-use' && options.expectedUse) {
			return `Token use: token_use must be ${options.expectedUse}, the kind this field carries`;
		}
		if (id === 'audience' && payload.token_use === 'id') {
			return 'Audience: aud (ID tokens) must be an app client of the pool';
		}
		if (id === 'audience' && payload.token_use === 'access') {
			return 'Audience: client_id (access tokens have no aud) must be an app client of the pool';
		}
		return labels[id];
	};

	for (const [id, check] of checks) {
		// OpenID tokens of the identity pool, and Google's ID tokens, have no token_use to check.
		if (id === 'token-use' && (identityPool() || google())) continue;
		if (steps.some((s) => s.status === 'fail')) {
			steps.push({
				id,
				label: labelFor(id),
				status: 'not-run',
				detail: 'Not checked: verification stops at the first failure, as aws-jwt-verify does.'
			});
			continue;
		}
		try {
			const detail = await check();
			steps.push({ id, label: labelFor(id), status: 'pass', detail });
		} catch (error) {
			const failure =
				error instanceof StepFailure
					? error
					: new StepFailure(
							`Could not check: ${error instanceof Error ? error.message : String(error)}`
						);
			steps.push({
				id,
				label: labelFor(id),
				status: 'fail',
				detail: failure.detail,
				error: failure.error
			});
		}
	}
	const failure = steps.find((s) => s.status === 'fail');
	return { verified: !failure, steps, failure };
}

async function checkSignature(
	token: string,
	header: JsonObject,
	jwk: JsonWebKey | undefined
): Promise<string> {
	const alg = header.alg;
	if (typeof alg !== 'string' || !algorithms.includes(alg)) {
		throw new StepFailure(
			`Signature algorithm not allowed: alg is ${show(alg)}. Expected one of: ${list(algorithms)}.`,
			{ field: 'alg', actual: alg, expected: algorithms }
		);
	}
	if (!jwk) throw new StepFailure('No key to check the signature with.');
	if (jwk.use !== undefined && jwk.use !== 'sig') {
		throw new StepFailure(`JWK use not allowed: use is ${show(jwk.use)}. Expected: "sig".`, {
			field: 'use',
			actual: jwk.use,
			expected: 'sig'
		});
	}
	if (jwk.alg !== undefined && jwk.alg !== header.alg) {
		throw new StepFailure(
			`JWK alg ${show(jwk.alg)} does not match the header alg ${show(header.alg)}.`,
			{ field: 'alg', actual: header.alg, expected: jwk.alg }
		);
	}
	const { compactVerify, importJWK } = await import('jose');
	let key: Awaited<ReturnType<typeof importJWK>>;
	try {
		key = await importJWK(jwk as Parameters<typeof importJWK>[0], alg);
	} catch (error) {
		throw new StepFailure(
			`The JWKS entry for kid ${show(header.kid)} is not a usable RSA public key (${errorText(error)}).`
		);
	}
	try {
		await compactVerify(token, key, { algorithms: [alg] });
	} catch {
		throw new StepFailure(
			`Invalid signature: header.payload was not signed by the private half of key ${show(header.kid)}, or was changed after signing.`,
			{
				field: 'signature',
				actual: 'does not match',
				expected: `a signature by kid ${String(header.kid)}`
			}
		);
	}
	return `The signature matches: key ${show(header.kid)} signed exactly these header and payload bytes.`;
}

function checkExpiry(payload: JsonObject, now: number): string {
	const { exp, nbf } = payload;
	if (exp === undefined) {
		throw new StepFailure(
			'Missing exp. Expected: a time in seconds since 1970 (Cognito always sets one).',
			{
				field: 'exp',
				actual: undefined,
				expected: 'a number'
			}
		);
	}
	if (typeof exp !== 'number' || !Number.isFinite(exp)) {
		throw new StepFailure(`exp is not a number: ${show(exp)}. Expected: seconds since 1970.`, {
			field: 'exp',
			actual: exp,
			expected: 'a number'
		});
	}
	// As aws-jwt-verify: expired once exp is in the past at whole-second precision.
	const nowSeconds = Math.floor(now / 1000);
	if (exp < nowSeconds) {
		throw new StepFailure(
			`Token expired at ${formatUtc(exp * 1000)} (exp ${exp}), ${formatDuration(now - exp * 1000)} before the simulated time ${formatUtc(now)}. Expected: exp at or after ${nowSeconds}.`,
			{ field: 'exp', actual: exp, expected: `>= ${nowSeconds}` }
		);
	}
	if (typeof nbf === 'number' && nbf > nowSeconds) {
		throw new StepFailure(
			`Token not valid yet: nbf is ${nbf} (${formatUtc(nbf * 1000)}). Expected: at or before ${nowSeconds}.`,
			{ field: 'nbf', actual: nbf, expected: `<= ${nowSeconds}` }
		);
	}
	return `exp ${formatUtc(exp * 1000)} is ${formatDuration(exp * 1000 - now)} after the simulated time.`;
}

function checkTokenUse(payload: JsonObject, expected: 'id' | 'access' | undefined): string {
	const use = payload.token_use;
	const allowed = expected ? [expected] : ['id', 'access'];
	const want = expected ? `Expected: ${show(expected)}` : 'Expected one of: "id", "access"';
	if (use === undefined) {
		throw new StepFailure(`Missing token_use. ${want}.`, {
			field: 'token_use',
			actual: undefined,
			expected: allowed
		});
	}
	if (typeof use !== 'string' || !allowed.includes(use)) {
		throw new StepFailure(`Token use not allowed: token_use is ${show(use)}. ${want}.`, {
			field: 'token_use',
			actual: use,
			expected: allowed
		});
	}
	return expected
		? `token_use is ${show(use)}, the kind this field needs.`
		: `token_use is ${show(use)}: ${use === 'id' ? 'an ID token' : 'an access token'}.`;
}

function checkAudience(payload: JsonObject, source: TrustedIssuer): string {
	const clientIds = source.audiences;
	// ID tokens name their client in aud; access tokens have no aud and use client_id; the identity
	// pool's tokens name the identity pool in aud, Google's the app's client there.
	const field = source.kind !== 'user-pool' || payload.token_use === 'id' ? 'aud' : 'client_id';
	const value = payload[field];
	const want =
		clientIds.length === 1
			? `Expected: ${show(clientIds[0])}`
			: `Expected one of: ${list(clientIds)}`;
	if (value === undefined) {
		const other = field === 'aud' ? 'client_id' : 'aud';
		const hint =
			payload[other] !== undefined
				? ` (it has ${other}, which this kind of token does not use)`
				: '';
		throw new StepFailure(`Missing ${field}${hint}. ${want}.`, {
			field,
			actual: undefined,
			expected: clientIds
		});
	}
	if (typeof value !== 'string' || !clientIds.includes(value)) {
		throw new StepFailure(`Client ID not allowed: ${field} is ${show(value)}. ${want}.`, {
			field,
			actual: value,
			expected: clientIds
		});
	}
	if (source.kind === 'identity-pool') return `aud is ${show(value)}, the identity pool.`;
	if (source.kind === 'google') return `aud is ${show(value)}, an OAuth client at Google.`;
	return `${field} is ${show(value)}, an app client of this pool.`;
}

function poolName(source: TrustedIssuer): string {
	if (source.kind === 'google') return 'provider';
	return source.kind === 'identity-pool' ? 'identity pool' : 'user pool';
}

function isString(value: unknown): value is string {
	return typeof value === 'string';
}

function show(value: unknown): string {
	if (value === undefined) return 'missing';
	try {
		const text = JSON.stringify(value) ?? String(value);
		return text.length > 120 ? `${text.slice(0, 117)}...` : text;
	} catch {
		return String(value);
	}
}

function list(values: readonly string[]): string {
	return values.length === 0 ? '(none)' : values.map(show).join(', ');
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
