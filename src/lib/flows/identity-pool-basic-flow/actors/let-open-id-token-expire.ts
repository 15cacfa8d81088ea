import { fromPromise } from 'xstate';
import type { Clock } from '$lib/cloud';

export interface LetOpenIdTokenExpireInput {
	clock: Clock;
}

/**
 * Mistake `open-id-token-expired`: the app keeps its OpenID token and does something else for a
 * quarter of an hour. The token lives ten minutes, so it is five minutes dead when it reaches STS:
 * well past any clock-skew allowance. Nothing is sent.
 */
export const waitMs = 15 * 60_000;

export async function letOpenIdTokenExpire(
	input: LetOpenIdTokenExpireInput
): Promise<{ from: number; to: number }> {
	const from = input.clock.now();
	input.clock.advance(waitMs);
	return { from, to: input.clock.now() };
}

export const letOpenIdTokenExpireActor = fromPromise<
	{ from: number; to: number },
	LetOpenIdTokenExpireInput
>(({ input }) => letOpenIdTokenExpire(input));
