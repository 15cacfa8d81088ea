import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callUserPool } from '../../shared/call-user-pool';
import type { UserAttributes } from '../sign-in-types';

export interface GetUserInput {
	fetch: CloudFetch;
	region: string;
	/** The access token — or, with mistake `id-token-to-getuser`, the ID token. */
	token: string;
}

interface GetUserResponse {
	Username?: string;
	UserAttributes?: { Name: string; Value?: string }[];
}

/**
 * `GetUser`: the token is the only credential. The call is unsigned; the pool accepts an access
 * token carrying `aws.cognito.signin.user.admin`, and refuses an ID token, an expired token or a
 * revoked one.
 */
export async function getUser(input: GetUserInput): Promise<UserAttributes> {
	const data = await callUserPool<GetUserResponse>(input.fetch, input.region, 'GetUser', {
		AccessToken: input.token
	});
	return {
		username: data.Username ?? '',
		attributes: Object.fromEntries((data.UserAttributes ?? []).map((a) => [a.Name, a.Value ?? '']))
	};
}

export const getUserActor = fromPromise<UserAttributes, GetUserInput>(({ input }) =>
	getUser(input)
);
