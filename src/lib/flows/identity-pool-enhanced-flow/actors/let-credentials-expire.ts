import { fromPromise } from 'xstate';
import type { Clock } from '$lib/cloud';

export interface LetCredentialsExpireInput {
	clock: Clock;
	/** The credentials' `Expiration`, epoch seconds. */
	expiration: number;
}

/**
 * An hour passes: the clock moves just past the credentials' `Expiration` (one hour after they
 * were issued, §8.5). Nothing is sent; the app simply carries on with what it holds.
 */
export async function letCredentialsExpire(
	input: LetCredentialsExpireInput
): Promise<{ from: number; to: number }> {
	const from = input.clock.now();
	const past = input.expiration * 1000 + 1000;
	if (past > from) input.clock.advance(past - from);
	return { from, to: input.clock.now() };
}

export const letCredentialsExpireActor = fromPromise<
	{ from: number; to: number },
	LetCredentialsExpireInput
>(({ input }) => letCredentialsExpire(input));
