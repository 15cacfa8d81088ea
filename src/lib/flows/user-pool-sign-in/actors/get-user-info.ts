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
 * is refused. The reason comes in `WWW-Authenticate`, which `readOutcome` does not read, so the
 * challenge's `error` and `error_description` are read here; anything else it names (a JSON or
 * page error) comes from `readOutcome`. Resolves with the claims, as GetUser's attributes.
 *
 * @example await getUserInfo({ fetch, userInfoUrl, token: tokens.accessToken })
 */
export async function getUserInfo(input: GetUserInfoInput): Promise<UserAttributes> {
	const response = await input.fetch(input.userInfoUrl, {
		headers: { authorization: `Bearer ${input.token}` }
	});
	const body = await response.text();
	if (!response.ok) {
		const challenge = response.headers.get('www-authenticate') ?? '';
		const outcome = readOutcome({ status: response.status, headers: [...response.headers], body });
		throw new UserInfoRefusal(
			challengeParam(challenge, 'error') ?? outcome.code ?? String(response.status),
			challengeParam(challenge, 'error_description') ?? outcome.message ?? '',
			response.status
		);
	}
	const { username, ...claims } = JSON.parse(body) as Record<string, string>;
	return { username: username ?? '', attributes: claims };
}

/** One quoted parameter of a `WWW-Authenticate` challenge (RFC 6750 §3), e.g. `error`. */
function challengeParam(challenge: string, name: string): string | undefined {
	return new RegExp(`(?:^|[\\s,])${name}="([^"]*)"`).exec(challenge)?.[1];
}
