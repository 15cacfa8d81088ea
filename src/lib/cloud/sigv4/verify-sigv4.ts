import type { Account, AccessKeyOwner } from '../account';
import type { Explanation, ExplanationCheck } from '../exchange';
import { header, type WireRequest } from '../wire/http-message';
import { canonicalRequest, type CanonicalRequest } from './canonical-request';
import { constantTimeEqual, hex, hmacSha256, sha256Hex } from './crypto';
import {
	algorithm,
	parseAmzDate,
	parseAuthorization,
	type CredentialScope,
	type SigV4Authorization
} from './parse-authorization';

/**
 * Why a request's SigV4 authentication failed, in no service's terms: each service maps a reason
 * to its own error shape (S3 XML, AWS JSON `__type`, STS query XML).
 */
export type SigV4FailureReason =
	/** No `Authorization` header and no presigned query. */
	| 'missing-authentication'
	/** An `Authorization` header of another scheme, e.g. `Bearer <jwt>`. */
	| 'unsupported-authorization-type'
	/** A part is missing or unreadable: Credential, SignedHeaders, Signature, the date, `host`. */
	| 'incomplete-signature'
	/** The credential scope names another date, region or service, or not `aws4_request`. */
	| 'invalid-credential-scope'
	/** The account does not know the access key id. */
	| 'invalid-access-key'
	/** `X-Amz-Date` more than 5 minutes from the service's clock. */
	| 'request-time-too-skewed'
	/** A presigned URL used after `X-Amz-Date` + `X-Amz-Expires`. */
	| 'request-expired'
	/** Temporary credentials used after their expiration. */
	| 'expired-token'
	/** The session token is missing, foreign, or sent with a long-term key. */
	| 'invalid-token'
	| 'signature-mismatch';

interface SigV4Outcome {
	/** The checks in order, ready for `sigv4Explanation`. */
	steps: ExplanationCheck[];
	/** What the request claimed (unverified on failure). */
	authorization?: SigV4Authorization;
	canonicalRequest?: CanonicalRequest;
	stringToSign?: string;
	/** `X-Amz-Date` as epoch ms. */
	requestTime?: number;
}

export interface SigV4Success extends SigV4Outcome {
	ok: true;
	owner: AccessKeyOwner;
	accessKeyId: string;
	scope: CredentialScope;
	authorization: SigV4Authorization;
	canonicalRequest: CanonicalRequest;
	stringToSign: string;
	requestTime: number;
}

export interface SigV4Failure extends SigV4Outcome {
	ok: false;
	reason: SigV4FailureReason;
	/** One sentence naming the field, the value and what was expected. */
	detail: string;
	owner?: AccessKeyOwner;
	accessKeyId?: string;
	scope?: CredentialScope;
	/** For `signature-mismatch`. */
	signature?: { expected: string; received: string };
}

export type SigV4Result = SigV4Success | SigV4Failure;

export interface VerifySigV4Options {
	/** The signing name the service expects in the scope, e.g. `s3`, `cognito-identity`. */
	service: string;
	region: string;
	/** The simulated clock's time, epoch ms. */
	now: number;
	account: Account;
	/**
	 * How far `X-Amz-Date` may be from `now`: 5 minutes for most services (the default), 15 for
	 * S3 (its `RequestTimeTooSkewed` says `<MaxAllowedSkewMilliseconds>900000`, OBSERVED).
	 */
	maxSkewMs?: number;
}

/** AWS refuses a request stamped more than 5 minutes from its own clock (cognito.md §9.2, 5). */
export const maxSkewMs = 5 * 60 * 1000;

/**
 * Verifies a request's Signature Version 4 as an AWS service does (cognito.md §9.2): reads the
 * authentication data, checks the scope, the key, the time and the session token, rebuilds the
 * canonical request and the string to sign, derives the signing key from the owner's secret and
 * compares signatures in constant time. Never throws; every step is recorded for the inspector.
 *
 * @example
 * const result = await verifySigV4(request, { service: 's3', region: 'us-east-1', now, account });
 * if (!result.ok && result.reason === 'signature-mismatch') ...
 */
export async function verifySigV4(
	request: WireRequest,
	options: VerifySigV4Options
): Promise<SigV4Result> {
	const steps: ExplanationCheck[] = [];
	const fail = (
		reason: SigV4FailureReason,
		detail: string,
		extra: Partial<SigV4Failure> = {}
	): SigV4Failure => {
		steps.push({ label: labels[reason], value: detail, verdict: 'fail' });
		return { ok: false, reason, detail, steps, ...extra };
	};

	// Read the authentication data (header or presigned query)
	const authorization = parseAuthorization(request);
	if ('problem' in authorization) {
		if (authorization.problem === 'missing')
			return fail('missing-authentication', 'Neither an Authorization header nor X-Amz-Signature.');
		if (authorization.problem === 'unsupported')
			return fail(
				'unsupported-authorization-type',
				`Authorization scheme '${authorization.scheme}' is not ${algorithm}.`
			);
		return fail('incomplete-signature', authorization.detail);
	}
	const { accessKeyId, scope } = authorization;
	const known = { authorization, accessKeyId, scope };
	steps.push({
		label: 'Authorization',
		value: `${algorithm} from the ${authorization.location === 'header' ? 'Authorization header' : 'query string'}\nCredential=${accessKeyId}/${scope.text}\nSignedHeaders=${authorization.signedHeaders.join(';')}\nSignature=${authorization.signature}`,
		verdict: 'pass'
	});

	// Check the date and the signed headers are there
	const requestTime = authorization.amzDate === null ? null : parseAmzDate(authorization.amzDate);
	if (requestTime === null)
		return fail(
			'incomplete-signature',
			authorization.amzDate === null
				? "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
				: `X-Amz-Date '${authorization.amzDate}' is not YYYYMMDD'T'HHMMSS'Z'.`,
			known
		);
	if (!authorization.signedHeaders.includes('host'))
		return fail(
			'incomplete-signature',
			`'Host' must be a 'SignedHeader' in the AWS Authorization.`,
			known
		);

	// Check the credential scope: the request's date, this region, this service
	const amzDate = authorization.amzDate!;
	const expectedScope = `${amzDate.slice(0, 8)}/${options.region}/${options.service}/aws4_request`;
	if (scope.text !== expectedScope)
		return fail(
			'invalid-credential-scope',
			`Credential scope '${scope.text}' should be '${expectedScope}'.`,
			{ ...known, requestTime }
		);
	steps.push({ label: 'Credential scope', value: scope.text, verdict: 'pass' });

	// Look up the access key
	const owner = options.account.accessKeyOwner(accessKeyId);
	if (!owner)
		return fail(
			'invalid-access-key',
			`Access key id '${accessKeyId}' does not exist in this account.`,
			{ ...known, requestTime }
		);
	const withOwner = { ...known, owner, requestTime };
	steps.push({
		label: 'Access key',
		value: `${accessKeyId} → ${owner.kind === 'user' ? owner.user.arn : owner.credentials.assumedRoleArn}`,
		verdict: 'pass'
	});

	// Check the request time against the service's clock
	const skew = requestTime - options.now;
	const allowedSkew = options.maxSkewMs ?? maxSkewMs;
	if (authorization.location === 'header' || skew > 0) {
		if (Math.abs(skew) > allowedSkew)
			return fail(
				'request-time-too-skewed',
				`X-Amz-Date ${new Date(requestTime).toISOString()} is ${Math.round(Math.abs(skew) / 1000)} s from the service's time ${new Date(options.now).toISOString()} (at most ${allowedSkew / 1000} s allowed).`,
				withOwner
			);
	}
	if (authorization.location === 'query') {
		const expiresAt = requestTime + (authorization.expires ?? 0) * 1000;
		if (authorization.expires === undefined || options.now > expiresAt)
			return fail(
				'request-expired',
				`The presigned URL expired at ${new Date(expiresAt).toISOString()}; it is now ${new Date(options.now).toISOString()}.`,
				withOwner
			);
	}
	steps.push({
		label: 'Request time',
		value: `X-Amz-Date ${new Date(requestTime).toISOString()}, service time ${new Date(options.now).toISOString()}`,
		verdict: 'pass'
	});

	// Check the session token belongs to the key and has not expired
	const token = authorization.securityToken;
	if (owner.kind === 'user') {
		if (token !== null)
			return fail(
				'invalid-token',
				'A session token was sent with a long-term access key, which has none.',
				withOwner
			);
	} else {
		if (token === null || !constantTimeEqual(token, owner.credentials.sessionToken))
			return fail(
				'invalid-token',
				token === null
					? `Temporary access key '${accessKeyId}' needs its X-Amz-Security-Token.`
					: `X-Amz-Security-Token is not the session token issued with '${accessKeyId}'.`,
				withOwner
			);
		if (options.now >= owner.credentials.expiration)
			return fail(
				'expired-token',
				`The credentials expired at ${new Date(owner.credentials.expiration).toISOString()}; it is now ${new Date(options.now).toISOString()}.`,
				withOwner
			);
		steps.push({
			label: 'Security token',
			value: `issued with ${accessKeyId}, valid until ${new Date(owner.credentials.expiration).toISOString()}`,
			verdict: 'pass'
		});
	}

	// Rebuild the canonical request
	const payloadHash =
		header(request, 'x-amz-content-sha256') ??
		(authorization.location === 'query' && options.service === 's3'
			? 'UNSIGNED-PAYLOAD'
			: await sha256Hex(request.body));
	const canonical = canonicalRequest(request, {
		service: options.service,
		signedHeaders: authorization.signedHeaders,
		payloadHash,
		omitQuery: authorization.location === 'query' ? 'X-Amz-Signature' : undefined
	});
	steps.push({ label: 'Canonical request', value: canonical.text, verdict: 'pass' });

	// Build the string to sign
	const stringToSign = [algorithm, amzDate, scope.text, await sha256Hex(canonical.text)].join('\n');
	steps.push({ label: 'String to sign', value: stringToSign, verdict: 'pass' });

	// Derive the signing key from the owner's secret (never shown)
	const secret = owner.kind === 'user' ? owner.secretAccessKey : owner.credentials.secretAccessKey;
	const kDate = await hmacSha256(`AWS4${secret}`, scope.date);
	const kRegion = await hmacSha256(kDate, scope.region);
	const kService = await hmacSha256(kRegion, scope.service);
	const kSigning = await hmacSha256(kService, scope.terminator);
	steps.push({
		label: 'Signing key',
		value: `HMAC(HMAC(HMAC(HMAC("AWS4" + secret of ${accessKeyId}, "${scope.date}"), "${scope.region}"), "${scope.service}"), "aws4_request")`,
		verdict: 'pass'
	});

	// Compare the signatures in constant time
	const expected = hex(await hmacSha256(kSigning, stringToSign));
	const received = authorization.signature;
	const built = { ...withOwner, canonicalRequest: canonical, stringToSign };
	if (!constantTimeEqual(expected, received))
		return fail('signature-mismatch', `expected ${expected}\nreceived ${received}`, {
			...built,
			signature: { expected, received }
		});
	steps.push({
		label: 'Signature',
		value: `expected ${expected}\nreceived ${received}`,
		verdict: 'pass'
	});
	return { ok: true, ...built, steps };
}

const labels: Record<SigV4FailureReason, string> = {
	'missing-authentication': 'Authorization',
	'unsupported-authorization-type': 'Authorization',
	'incomplete-signature': 'Authorization',
	'invalid-credential-scope': 'Credential scope',
	'invalid-access-key': 'Access key',
	'request-time-too-skewed': 'Request time',
	'request-expired': 'Request time',
	'expired-token': 'Security token',
	'invalid-token': 'Security token',
	'signature-mismatch': 'Signature'
};

/** The verification as an `Explanation` for `call.explain`. */
export function sigv4Explanation(result: SigV4Result): Explanation {
	return {
		kind: 'sigv4',
		title: 'Signature Version 4',
		verdict: result.ok ? 'pass' : 'fail',
		checks: result.steps
	};
}
