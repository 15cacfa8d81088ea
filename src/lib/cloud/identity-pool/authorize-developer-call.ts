import type { AccessKeyOwner } from '../account';
import type { Explanation } from '../exchange';
import { authorizeCaller, explainDecision } from '../iam';
import {
	formatAmzDate,
	maxSkewMs,
	sigv4Explanation,
	verifySigV4,
	type SigV4Failure
} from '../sigv4';
import { AwsServiceError, type WireRequest } from '../wire';
import type { IdentityPoolModel } from './model';

/**
 * Checks the Signature Version 4 of a developer call (service `cognito-identity`) and returns
 * who signed it. A failure becomes the AWS JSON common error an AWS JSON service sends
 * (cognito.md §9.2; statuses from the AWS common-errors pages, which disagree between 400 and
 * 403 for IncompleteSignature and ExpiredToken — the reference's 403 is used).
 */
export async function verifyDeveloperSignature(
	model: IdentityPoolModel,
	request: WireRequest,
	explain: (explanation: Explanation) => void
): Promise<AccessKeyOwner> {
	const now = model.clock.now();
	const result = await verifySigV4(request, {
		service: 'cognito-identity',
		region: model.region,
		now,
		account: model.account
	});
	explain(sigv4Explanation(result));
	if (!result.ok) throw signatureError(result, now);
	return result.owner;
}

/**
 * Asks IAM whether the signer may call `action` on the pool (resource
 * `arn:aws:cognito-identity:<region>:<account>:identitypool/<poolId>`); a denial is
 * `AccessDeniedException` with the standard "User: … is not authorized to perform: … on
 * resource: …" message.
 */
export function authorizeDeveloperCall(
	model: IdentityPoolModel,
	owner: AccessKeyOwner,
	action: string,
	poolId: string,
	explain: (explanation: Explanation) => void
): void {
	const resource = `arn:aws:cognito-identity:${model.region}:${model.account.id}:identitypool/${poolId}`;
	const decision = authorizeCaller(owner, { action, resource, context: {} });
	const principal = owner.kind === 'user' ? owner.user.arn : owner.credentials.assumedRoleArn;
	explain(explainDecision(`May ${principal} call ${action}?`, decision));
	if (decision.effect !== 'Allow')
		throw new AwsServiceError(
			'AccessDeniedException',
			`User: ${principal} is not authorized to perform: ${action} on resource: ${resource}`
		);
}

const invalidToken = 'The security token included in the request is invalid.';

function signatureError(failure: SigV4Failure, now: number): AwsServiceError {
	switch (failure.reason) {
		case 'missing-authentication':
			return new AwsServiceError(
				'MissingAuthenticationTokenException',
				'Missing Authentication Token',
				403
			);
		case 'unsupported-authorization-type':
		case 'incomplete-signature':
			return new AwsServiceError('IncompleteSignatureException', failure.detail, 403);
		case 'invalid-access-key':
		case 'invalid-token':
			return new AwsServiceError('UnrecognizedClientException', invalidToken);
		case 'expired-token':
			return new AwsServiceError(
				'ExpiredTokenException',
				'The security token included in the request is expired',
				403
			);
		case 'request-time-too-skewed':
		case 'request-expired': {
			// The wording AWS JSON services use for a stale or future X-Amz-Date.
			const stamped = formatAmzDate(failure.requestTime ?? now);
			const late = (failure.requestTime ?? now) < now;
			const message = late
				? `Signature expired: ${stamped} is now earlier than ${formatAmzDate(now - maxSkewMs)} (${formatAmzDate(now)} - 5 min.)`
				: `Signature not yet current: ${stamped} is still later than ${formatAmzDate(now + maxSkewMs)} (${formatAmzDate(now)} + 5 min.)`;
			return new AwsServiceError('InvalidSignatureException', message);
		}
		case 'invalid-credential-scope':
			return new AwsServiceError('InvalidSignatureException', failure.detail);
		case 'signature-mismatch':
			return new AwsServiceError(
				'InvalidSignatureException',
				'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
			);
	}
}
