import { fromPromise } from 'xstate';
import { decodeJwt } from 'jose';
import type { Clock, CloudFetch } from '$lib/cloud';
import { SignInError } from '../../shared/sign-in-error';
import type { AccessTokenExpiry } from '../sign-in-types';
import { getUser } from './get-user';

export interface LetAccessTokenExpireInput {
	fetch: CloudFetch;
	clock: Clock;
	region: string;
	accessToken: string;
	/** Mistake `expired-access-token`: call GetUser with the token anyway. */
	useExpiredToken: boolean;
}

/**
 * An hour passes: the clock moves to one second past the access token's `exp`. A careful app
 * reads `exp` (decoded, not verified — the pool verifies it on every call) and refreshes without
 * trying the dead token, so it makes no request here. With the mistake it calls GetUser anyway and
 * the pool refuses.
 */
export async function letAccessTokenExpire(
	input: LetAccessTokenExpireInput
): Promise<AccessTokenExpiry> {
	// Read exp (unverified: the app only schedules its refresh with it)
	const { exp } = decodeJwt(input.accessToken);
	if (typeof exp !== 'number') throw new SignInError('The access token has no exp claim');

	// Move the clock just past exp (never backwards)
	const from = input.clock.now();
	input.clock.advance(Math.max(0, exp * 1000 + 1000 - from));
	const to = input.clock.now();

	if (input.useExpiredToken)
		await getUser({ fetch: input.fetch, region: input.region, token: input.accessToken });
	return { exp, from, to };
}

export const letAccessTokenExpireActor = fromPromise<AccessTokenExpiry, LetAccessTokenExpireInput>(
	({ input }) => letAccessTokenExpire(input)
);
