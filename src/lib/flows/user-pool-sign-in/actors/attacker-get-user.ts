import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { storedAccessToken, type TokenStorage } from '../cache-tokens';
import { SignInError } from '../../shared/sign-in-error';
import type { UserAttributes } from '../sign-in-types';
import { getUser } from './get-user';

export interface AttackerGetUserInput {
	/** The attacker's own network: the arrow starts at the attacker, not at the app. */
	fetch: CloudFetch;
	region: string;
	/** The app client the keys name (`CognitoIdentityServiceProvider.<clientId>.…`). */
	clientId: string;
	/** What the collector received. */
	stolen: TokenStorage;
}

/**
 * The attacker, on their own machine, picks the victim's access token out of the stolen keys
 * (through `LastAuthUser`, as the library itself does) and calls GetUser with it. Nothing in the
 * request says who sends it: the access token is a bearer token, and the pool answers whoever
 * presents it.
 */
export async function attackerGetUser(input: AttackerGetUserInput): Promise<UserAttributes> {
	const token = storedAccessToken(input.stolen, input.clientId);
	if (token === undefined) throw new SignInError('The stolen keys hold no access token');
	return getUser({ fetch: input.fetch, region: input.region, token });
}

export const attackerGetUserActor = fromPromise<UserAttributes, AttackerGetUserInput>(({ input }) =>
	attackerGetUser(input)
);
