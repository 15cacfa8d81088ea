import { AwsServiceError } from '../wire';

/**
 * The identity pool's errors, named and worded as AWS sends them (cognito.md §7.5, §7.7, §7.10).
 * All are 400: real identity-pool errors arrive as 400 whatever the model says (§7.1).
 */
export const notAuthorized = (message: string) =>
	new AwsServiceError('NotAuthorizedException', message);

export const invalidParameter = (message: string) =>
	new AwsServiceError('InvalidParameterException', message);

/** Every Logins check but the last ones starts with these words (observed, §7.7). */
export const invalidLoginToken = (why: string) => notAuthorized(`Invalid login token. ${why}`);

export const unauthenticatedNotSupported = () =>
	notAuthorized('Unauthenticated access is not supported for this identity pool.');

export const loginsDoNotMatch = () =>
	notAuthorized(
		"Logins don't match. Please include at least one valid login for this identity or identity pool."
	);

export const unsupportedProvider = () =>
	notAuthorized('Token is not from a supported provider of this identity pool.');

export const invalidPoolConfiguration = () =>
	new AwsServiceError(
		'InvalidIdentityPoolConfigurationException',
		'Invalid identity pool configuration. Check assigned IAM roles for this pool.'
	);

/** Observed (amplify-js #3621). */
export const ambiguousRoleDenied = (provider: string) =>
	notAuthorized(`The ambiguous role mapping rules for: ${provider} denied this request.`);

export const classicFlowDisabled = () =>
	invalidParameter('Basic (classic) flow is not enabled, please use enhanced flow.');

/** ⚠ the exception name is not stated by AWS; InvalidParameterException is the plausible one. */
export const classicFlowWithRoleMappings = () =>
	invalidParameter(
		'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.'
	);

/** ⚠ SIM wording (commonly reported, not in the reference): `Identity '<id>' not found.` */
export const identityNotFound = (identityId: string) =>
	new AwsServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`);

/** ⚠ SIM wording (commonly reported, not in the reference): `IdentityPool '<id>' not found.` */
export const identityPoolNotFound = (poolId: string) =>
	new AwsServiceError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`);

/** The documented meaning of the exception, as its message (⚠ exact wording unconfirmed). */
export const developerUserAlreadyRegistered = () =>
	new AwsServiceError(
		'DeveloperUserAlreadyRegisteredException',
		'The provided developer user identifier is already registered with Cognito under a different identity ID.'
	);
