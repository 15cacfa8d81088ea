import type { CloudFetch } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire';
import { UserInfoRefusal } from '../user-info-refusal';
import type { UserAttributes } from '../sign-in-types';

export interface GetUserInfoInput {
	fetch: CloudFetch;
	/** `https://<domain>/oauth2/userInfo` of the pool's managed login. */
	userInfoUrl: string;
	/** The token the app presents as a bearer token. */
	token: string;
}

/**
 * Mistake `api-token-at-userinfo`: the app asks managed login's OIDC `GET /oauth2/userInfo` for
 * the profile, with `Authorization: Bearer <token>`, as an OIDC tutorial would. userInfo takes
 * only access tokens from the token endpoint with `openid` (cognito.md §5.4); one from InitiateAuth
 * is refused, with the reason in `WWW-Authenticate` (read, as every answer, by `readOutcome`).
 * Resolves with the claims, as GetUser's attributes.
 *
 * @example await getUserInfo({ fetch, userInfoUrl, token: tokens.accessToken })
 */
export async function getUserInfo(input: GetUserInfoInput): Promise<UserAttributes> {
	const response = await input.fetch(input.userInfoUrl, {
		headers: { authorization: `Bearer ${input.token}` }
	});
	const body = await response.text();
	if (!response.ok) {
		const outcome = readOutcome({ status: response.status, headers: [...response.headers], body });
		throw new UserInfoRefusal(
			outcome.code ?? String(response.status),
			outcome.message ?? '',
			response.status
		);
	}
	const { username, ...claims } = JSON.parse(body) as Record<string, string>;
	return { username: username ?? '', attributes: claims };
}
