import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callBackEnd } from '../call-back-end';
import type { BackEndSession } from '../developer-types';

export interface SignInToBackEndInput {
	fetch: CloudFetch;
	username: string;
	password: string;
}

/**
 * The app signs the user in to its own back end: username and password go to `POST /sign-in`,
 * and the back end answers with its user id and an opaque session. Nothing AWS is involved.
 */
export async function signInToBackEnd(input: SignInToBackEndInput): Promise<BackEndSession> {
	const answer = await callBackEnd<{ userId: string; session: string }>(input.fetch, '/sign-in', {
		username: input.username,
		password: input.password
	});
	return { userId: answer.userId, session: answer.session };
}

export const signInToBackEndActor = fromPromise<BackEndSession, SignInToBackEndInput>(({ input }) =>
	signInToBackEnd(input)
);
