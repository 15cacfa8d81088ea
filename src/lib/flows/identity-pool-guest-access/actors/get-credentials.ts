import { fromPromise } from 'xstate';
import { callIdentityPool } from '../call-identity-pool';
import type { GuestAccessInput, GuestCredentials } from '../guest-access-types';

/**
 * `GetCredentialsForIdentity` with the guest's `IdentityId` and no `Logins` (a guest has no token
 * to repeat): the enhanced flow, in which Cognito assumes the guest role. Resolves with the
 * `Credentials` as the pool sent them.
 */
export const getCredentialsActor = fromPromise<
	GuestCredentials,
	GuestAccessInput & { identityId: string }
>(async ({ input }) => {
	const { Credentials } = await callIdentityPool<{ Credentials: GuestCredentials }>(
		input,
		'GetCredentialsForIdentity',
		{ IdentityId: input.identityId }
	);
	return Credentials;
});
