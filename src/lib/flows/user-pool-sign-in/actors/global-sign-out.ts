import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callUserPool } from '../../shared/call-user-pool';

export interface GlobalSignOutInput {
	fetch: CloudFetch;
	region: string;
	accessToken: string;
}

/**
 * `GlobalSignOut`: the pool revokes every refresh token of the user and refuses their access
 * tokens from now on. JWTs already handed to other services still verify until `exp`.
 */
export async function globalSignOut(input: GlobalSignOutInput): Promise<void> {
	await callUserPool(input.fetch, input.region, 'GlobalSignOut', {
		AccessToken: input.accessToken
	});
}

export const globalSignOutActor = fromPromise<void, GlobalSignOutInput>(({ input }) =>
	globalSignOut(input)
);
