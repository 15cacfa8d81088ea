import type { AccessKeyOwner } from '../account';
import type { PolicyDecision } from '../iam';
import type { SigV4Failure } from '../sigv4';
import { AwsServiceError } from '../wire';

// Systems Manager speaks AWS JSON 1.1 and answers client errors with status 400, access denials
// included (observed: `AccessDeniedException` with `httpStatusCode: 400` for ssm:GetParameter,
// https://github.com/github-aws-runners/terraform-aws-github-runner/issues/1279).

/** `GetParameter` for a name the store does not hold: no message at all (observed, botocore prints "An error occurred (ParameterNotFound) when calling the GetParameter operation: "). */
export const parameterNotFound = () => new AwsServiceError('ParameterNotFound');

/** Input that fails the model's constraints, in the Coral wording `validateInput` writes. */
export const validationError = (message: string) =>
	new AwsServiceError('ValidationException', message);

/**
 * IAM refused the signed caller. The message names who, what, on which resource and why, as AWS
 * words its denials: `... because no identity-based policy allows the <action> action`, `...
 * because no session policy allows ...` (observed for a Cognito guest calling ssm:GetParameter,
 * https://github.com/aws/aws-sdk-js/issues/4303), or `... with an explicit deny in an
 * identity-based policy`.
 */
export function accessDenied(
	caller: AccessKeyOwner,
	action: string,
	resource: string,
	decision: PolicyDecision
): AwsServiceError {
	const who = caller.kind === 'user' ? caller.user.arn : caller.credentials.assumedRoleArn;
	return new AwsServiceError(
		'AccessDeniedException',
		`User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${reason(action, decision)}`
	);
}

function reason(action: string, decision: PolicyDecision): string {
	const deny = decision.statements.find((s) => s.matched && s.effect === 'Deny');
	if (decision.effect === 'ExplicitDeny' && deny)
		return `with an explicit deny in ${deny.source === 'session' ? 'a session policy' : 'an identity-based policy'}`;
	const roleAllows = decision.statements.some(
		(s) => s.matched && s.effect === 'Allow' && s.source === 'identity'
	);
	return `because no ${roleAllows ? 'session' : 'identity-based'} policy allows the ${action} action`;
}

/**
 * A request whose SigV4 authentication failed, as AWS JSON services answer it. SIM: the types and
 * messages are the ones AWS JSON services (DynamoDB, SSM) are seen to send; the reference does not
 * pin their statuses for JSON services (cognito.md §9.2), and 400 is what these services send for
 * their other client errors.
 */
export function sigV4Error(failure: SigV4Failure): AwsServiceError {
	switch (failure.reason) {
		case 'missing-authentication':
			return new AwsServiceError(
				'MissingAuthenticationTokenException',
				'Request is missing Authentication Token'
			);
		case 'unsupported-authorization-type':
		case 'incomplete-signature':
			return new AwsServiceError('IncompleteSignatureException', failure.detail);
		case 'invalid-access-key':
		case 'invalid-token':
			return new AwsServiceError(
				'UnrecognizedClientException',
				'The security token included in the request is invalid.'
			);
		case 'expired-token':
			return new AwsServiceError(
				'ExpiredTokenException',
				'The security token included in the request is expired'
			);
		case 'signature-mismatch':
			return new AwsServiceError(
				'InvalidSignatureException',
				'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'
			);
		case 'invalid-credential-scope':
		case 'request-time-too-skewed':
		case 'request-expired':
			return new AwsServiceError('InvalidSignatureException', failure.detail);
	}
}
