import type { AccessKeyOwner } from '../account';
import type { ServiceCall, ServiceContext } from '../service';
import { sigv4Explanation, verifySigV4, type SigV4Failure } from '../sigv4';
import { sha256Hex } from '../sigv4/crypto';
import { header, type WireRequest } from '../wire/http-message';
import { S3Error } from './s3-error';

/** Who is calling: nobody (no signature at all), or the owner of a verified access key. */
export type S3Caller = { kind: 'anonymous' } | { kind: 'signed'; owner: AccessKeyOwner };

/** S3 allows 15 minutes of clock skew (`MaxAllowedSkewMilliseconds` 900000, OBSERVED). */
export const s3MaxSkewMs = 15 * 60 * 1000;

/**
 * Authenticates an S3 request as S3 does: Signature Version 4 in the header or a presigned query
 * (explained on the exchange), then, for a signed header, the `x-amz-content-sha256` the
 * signature covered against the body received. Throws the `S3Error` S3 answers; a request with
 * no authentication at all is an anonymous caller, refused later by IAM, not here.
 */
export async function authenticateS3Request(
	request: WireRequest,
	context: ServiceContext,
	call: ServiceCall
): Promise<S3Caller> {
	const result = await verifySigV4(request, {
		service: 's3',
		region: context.scenario.region,
		now: context.clock.now(),
		account: context.account,
		maxSkewMs: s3MaxSkewMs
	});
	call.explain(sigv4Explanation(result));
	if (!result.ok) {
		if (result.reason === 'missing-authentication') return { kind: 'anonymous' };
		throw s3AuthenticationError(request, result, context.clock.now());
	}
	if (result.authorization.location === 'header') await checkContentSha256(request);
	return { kind: 'signed', owner: result.owner };
}

const serverTime = (now: number) => new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
const bytesOf = (text: string) =>
	Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join(' ');

/** The S3 error for each SigV4 failure reason, with the members S3 adds to it. */
function s3AuthenticationError(request: WireRequest, failure: SigV4Failure, now: number): S3Error {
	const { authorization, scope } = failure;
	const token = authorization?.securityToken ?? undefined;
	switch (failure.reason) {
		case 'missing-authentication':
		case 'unsupported-authorization-type':
			// OBSERVED (versity/versitygw#1512, Einstore/Einstore#152): what a Bearer JWT gets.
			return new S3Error('InvalidArgument', 'Unsupported Authorization Type', 400, {
				ArgumentName: 'Authorization',
				ArgumentValue: header(request, 'authorization') ?? ''
			});
		case 'incomplete-signature':
			if (authorization && failure.requestTime === undefined)
				return new S3Error(
					'AccessDenied',
					'AWS authentication requires a valid Date or x-amz-date header',
					403
				);
			// ⚠ SIM: S3's wording for each missing part is not in the reference; the code is.
			return authorization?.location === 'query'
				? new S3Error(
						'AuthorizationQueryParametersError',
						`Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.`,
						400
					)
				: new S3Error(
						'AuthorizationHeaderMalformed',
						`The authorization header is malformed; ${failure.detail}`,
						400
					);
		case 'invalid-credential-scope': {
			const expected = failure.detail.match(/should be '([^']*)'/)?.[1]?.split('/') ?? [];
			if (scope && scope.region !== expected[1])
				return new S3Error(
					'AuthorizationHeaderMalformed',
					`The authorization header is malformed; the region '${scope.region}' is wrong; expecting '${expected[1]}'`,
					400,
					{ Region: expected[1] }
				);
			if (scope && scope.service !== 's3')
				return new S3Error(
					'AuthorizationHeaderMalformed',
					`The authorization header is malformed; incorrect service '${scope.service}'. This endpoint belongs to 's3'.`,
					400
				);
			return new S3Error(
				'AuthorizationHeaderMalformed',
				'The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.',
				400
			);
		}
		case 'invalid-access-key':
			return invalidAccessKey(failure.accessKeyId ?? '');
		case 'request-time-too-skewed':
			return new S3Error(
				'RequestTimeTooSkewed',
				'The difference between the request time and the current time is too large.',
				403,
				{
					RequestTime: authorization?.amzDate ?? '',
					ServerTime: serverTime(now),
					MaxAllowedSkewMilliseconds: s3MaxSkewMs
				}
			);
		case 'request-expired':
			return new S3Error('AccessDenied', 'Request has expired', 403, {
				'X-Amz-Expires': authorization?.expires ?? 0,
				Expires: serverTime((failure.requestTime ?? 0) + (authorization?.expires ?? 0) * 1000),
				ServerTime: serverTime(now)
			});
		case 'expired-token':
			// 400, not 403 (cognito.md §9.2; OBSERVED in HADOOP-18353).
			return new S3Error('ExpiredToken', 'The provided token has expired.', 400, {
				'Token-0': token
			});
		case 'invalid-token':
			// ⚠ SIM: without its session token a temporary key id is unknown to S3.
			if (token === undefined) return invalidAccessKey(failure.accessKeyId ?? '');
			return new S3Error(
				'InvalidToken',
				'The provided token is malformed or otherwise invalid.',
				400,
				{ 'Token-0': token }
			);
		case 'signature-mismatch':
			return new S3Error(
				'SignatureDoesNotMatch',
				'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
				403,
				{
					AWSAccessKeyId: failure.accessKeyId,
					StringToSign: failure.stringToSign,
					SignatureProvided: failure.signature?.received,
					StringToSignBytes: bytesOf(failure.stringToSign ?? ''),
					CanonicalRequest: failure.canonicalRequest?.text,
					CanonicalRequestBytes: bytesOf(failure.canonicalRequest?.text ?? '')
				}
			);
	}
}

function invalidAccessKey(accessKeyId: string): S3Error {
	return new S3Error(
		'InvalidAccessKeyId',
		'The AWS Access Key Id you provided does not exist in our records.',
		403,
		{ AWSAccessKeyId: accessKeyId }
	);
}

/**
 * S3 needs `x-amz-content-sha256` on every header-signed request and checks a hash against the
 * body. ⚠ SIM: the `STREAMING-*` (aws-chunked) variants are not simulated; they are refused as an
 * invalid value rather than decoded.
 */
async function checkContentSha256(request: WireRequest): Promise<void> {
	const declared = header(request, 'x-amz-content-sha256');
	if (declared === null)
		throw new S3Error(
			'InvalidRequest',
			'Missing required header for this request: x-amz-content-sha256',
			400
		);
	if (declared === 'UNSIGNED-PAYLOAD') return;
	if (declared.startsWith('STREAMING-'))
		throw new S3Error(
			'InvalidRequest',
			'The simulator does not decode aws-chunked payloads; sign the body with its SHA-256 or UNSIGNED-PAYLOAD.',
			400
		);
	if (!/^[0-9a-f]{64}$/.test(declared))
		throw new S3Error(
			'InvalidArgument',
			'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
			400,
			{ ArgumentName: 'x-amz-content-sha256', ArgumentValue: declared }
		);
	const computed = await sha256Hex(request.body);
	if (declared !== computed)
		throw new S3Error(
			'XAmzContentSHA256Mismatch',
			"The provided 'x-amz-content-sha256' header does not match what was computed.",
			400,
			{ ClientComputedContentSHA256: declared, S3ComputedContentSHA256: computed }
		);
}
