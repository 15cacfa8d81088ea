import { fromPromise } from 'xstate';
import { callIdentityPool } from '../call-identity-pool';
import type { GuestAccessInput } from '../guest-access-types';

/**
 * `GetId` with the pool id and no `Logins`: asks for a guest identity. Resolves with its
 * `IdentityId` (`<region>:<uuid>`).
 */
export const getIdActor = fromPromise<string, GuestAccessInput>(async ({ input }) => {
	const { IdentityId } = await callIdentityPool<{ IdentityId: string }>(input, 'GetId', {
		IdentityPoolId: input.identityPoolId
	});
	return IdentityId;
});
