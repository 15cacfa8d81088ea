import { AwsServiceError } from '../wire';

/**
 * The user pool's errors, named and worded as AWS sends them (cognito.md §3.7). Wording marked
 * SIM below has no source and is flagged in the lessons.
 */
export const notAuthorized = (message: string) =>
	new AwsServiceError('NotAuthorizedException', message);

export const invalidParameter = (message: string) =>
	new AwsServiceError('InvalidParameterException', message);

/** Wrong password, and (prevention ENABLED) unknown user: deliberately the same words. */
export const incorrectCredentials = () => notAuthorized('Incorrect username or password.');

/** `Missing required parameter USERNAME` and the like, for AuthParameters/ChallengeResponses. */
export const missingParameter = (name: string) =>
	invalidParameter(`Missing required parameter ${name}`);

/** ⚠ wording from emulators (moto), cognito.md §3.7. */
export const userNotFound = () =>
	new AwsServiceError('UserNotFoundException', 'User does not exist.');

/** ⚠ wording from emulators (moto), cognito.md §3.7. */
export const userDisabled = () => notAuthorized('User is disabled.');

export const userNotConfirmed = () =>
	new AwsServiceError('UserNotConfirmedException', 'User is not confirmed.');

export const passwordResetRequired = () =>
	new AwsServiceError('PasswordResetRequiredException', 'Password reset required for the user');

/** Observed: amplify-js #10959, #5834. */
export const invalidSession = () => notAuthorized('Invalid session for the user.');

/** A Session answered once already (single use). Observed: reapit/foundations#9684, §3.8. */
export const reusedSession = () =>
	notAuthorized('Invalid session for the user, session can only be used once.');

/**
 * Observed as a string real apps compare against (a Flutter Cognito client). ⚠ SIM: also used for
 * a PASSWORD_VERIFIER answered too late, where AWS documents only the type (§3.2).
 */
export const expiredSession = () =>
	notAuthorized('Invalid session for the user, session is expired.');

/** ⚠ SIM wording: the ResourceNotFoundException text for an unknown client is unconfirmed. */
export const clientNotFound = (clientId: string) =>
	new AwsServiceError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);

export const codeMismatch = () =>
	new AwsServiceError(
		'CodeMismatchException',
		'Invalid verification code provided, please try again.'
	);

export const mfaCodeMismatch = () =>
	new AwsServiceError('CodeMismatchException', 'Invalid code or auth state for the user.');

export const expiredCode = () =>
	new AwsServiceError(
		'ExpiredCodeException',
		'Invalid code provided, please request a code again.'
	);

export const invalidRefreshToken = () => notAuthorized('Invalid Refresh Token.');
