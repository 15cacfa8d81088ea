import { AwsServiceError } from '../wire';

/**
 * STS's errors, with the codes and statuses of the SDK model's `awsQueryError` traits and the
 * messages STS was observed to send (cognito.md §8.3).
 */
export const invalidIdentityToken = (message: string) =>
	new AwsServiceError('InvalidIdentityToken', message, 400);

export const expiredToken = (message: string) =>
	new AwsServiceError('ExpiredTokenException', message, 400);

/** The trust policy said no (also for a role that does not exist: STS does not say which). */
export const accessDenied = () =>
	new AwsServiceError(
		'AccessDenied',
		'Not authorized to perform sts:AssumeRoleWithWebIdentity',
		403
	);

export const malformedPolicyDocument = (message: string) =>
	new AwsServiceError('MalformedPolicyDocument', message, 400);

/**
 * The generic Query validation error, worded as AWS's request validator words it (OBSERVED, e.g.
 * `1 validation error detected: Value 'PowerUser/hjacobs' at 'roleSessionName' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*`, and `… Value null at
 * 'roleSessionName' failed to satisfy constraint: Member must not be null`).
 */
export function validationError(problems: string[]): AwsServiceError {
	const count = `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected`;
	return new AwsServiceError('ValidationError', `${count}: ${problems.join('; ')}`, 400);
}

/** `DurationSeconds` above the role's `MaxSessionDuration` (OBSERVED, kreuzwerker/awsu#27). */
export const durationTooLong = () =>
	new AwsServiceError(
		'ValidationError',
		'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
		400
	);
