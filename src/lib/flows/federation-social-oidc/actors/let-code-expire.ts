import { fromPromise } from 'xstate';
import type { SocialSignInInput } from '../social-sign-in-types';

/** An authorization code is good for five minutes (cognito.md §5.2): the clock moves six. */
export const codeWaitMs = 6 * 60 * 1000;

/** Mistake `code-expired`: the app leaves the code unredeemed while six minutes pass. */
export const letCodeExpireActor = fromPromise<number, SocialSignInInput>(async ({ input }) => {
	input.advanceClock(codeWaitMs);
	return input.now();
});
