import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callBackEnd } from '../call-back-end';
import type { DeveloperToken } from '../developer-types';

export interface RequestIdentityTokenInput {
	fetch: CloudFetch;
	/** The back end's session from the sign-in. */
	session: string;
}

/**
 * The app shows its session to `POST /identity-token`; the back end, while answering, makes the
 * signed GetOpenIdTokenForDeveloperIdentity call (a nested exchange) and passes on the identity id
 * and token. The app never holds an AWS key.
 */
export async function requestIdentityToken(
	input: RequestIdentityTokenInput
): Promise<DeveloperToken> {
	const answer = await callBackEnd<{ identityId: string; token: string }>(
		input.fetch,
		'/identity-token',
		{},
		input.session
	);
	return { identityId: answer.identityId, token: answer.token };
}

export const requestIdentityTokenActor = fromPromise<DeveloperToken, RequestIdentityTokenInput>(
	({ input }) => requestIdentityToken(input)
);
