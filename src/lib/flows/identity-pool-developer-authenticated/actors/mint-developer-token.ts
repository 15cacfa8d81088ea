import { fromPromise } from 'xstate';
import type { Clock, CloudFetch } from '$lib/cloud';
import { signRequest } from '$lib/cloud/sigv4';
import { callIdentityPool } from '../call-identity-pool';
import type { DeveloperToken, LongTermKey } from '../developer-types';

export interface MintDeveloperTokenInput {
	/** Whose network: the app's (the mistake) or the attacker's. */
	fetch: CloudFetch;
	/** Signatures are dated by the simulated clock, as the services check them. */
	clock: Clock;
	region: string;
	identityPoolId: string;
	developerProviderName: string;
	/** The user id the caller vouches for: Cognito takes it at its word. */
	userId: string;
	/** The IAM key that signs the call. */
	key: LongTermKey;
}

/**
 * GetOpenIdTokenForDeveloperIdentity signed with an IAM user's long-term key, from the caller's
 * own lifeline: what only a back end should do, done here by an app that ships the key, or by
 * whoever took it. Resolves with the identity id and token Cognito answered.
 */
export async function mintDeveloperToken(input: MintDeveloperTokenInput): Promise<DeveloperToken> {
	const answer = await callIdentityPool<{ IdentityId: string; Token: string }>(
		input.fetch,
		input.region,
		'GetOpenIdTokenForDeveloperIdentity',
		{
			IdentityPoolId: input.identityPoolId,
			Logins: { [input.developerProviderName]: input.userId }
		},
		(request) =>
			signRequest(request, input.key, {
				service: 'cognito-identity',
				region: input.region,
				now: input.clock.now()
			})
	);
	return { identityId: answer.IdentityId, token: answer.Token };
}

export const mintDeveloperTokenActor = fromPromise<DeveloperToken, MintDeveloperTokenInput>(
	({ input }) => mintDeveloperToken(input)
);
