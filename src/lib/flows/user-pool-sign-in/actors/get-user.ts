import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callUserPool } from '../../shared/call-user-pool';
import { getUserInfo } from './get-user-info';
import type { UserAttributes } from '../sign-in-types';

export interface GetUserInput {
	fetch: CloudFetch;
	region: string;
	/** The access token — or, with mistake `id-token-to-getuser`, the ID token. */
	token: string;
	/**
	 * With mistake `api-token-at-userinfo`: managed login's `/oauth2/userInfo`, which the app asks
	 * instead of calling GetUser.
	 */
	userInfoUrl?: string;
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

/** The get-user step: GetUser, or userInfo when the app asks there by mistake. */
export const getUserActor = fromPromise<UserAttributes, GetUserInput>(({ input }) =>
	input.userInfoUrl === undefined
		? getUser(input)
		: getUserInfo({ fetch: input.fetch, userInfoUrl: input.userInfoUrl, token: input.token })
);
