import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callIdentityPool } from './call-identity-pool';
import { UnexpectedAnswerError } from './sign-in-error';

export interface GetIdInput {
	fetch: CloudFetch;
	region: string;
	identityPoolId: string;
	/**
	 * Provider name to token: `{ "cognito-idp.<region>.amazonaws.com/<poolId>": idToken }` for a
	 * user pool, `{ "accounts.google.com": googleIdToken }` for Google (cognito.md §7.3).
	 */
	logins: Record<string, string>;
}

/**
 * `GetId` with a login: the identity pool checks the provider's token (§7.4, §7.7) and answers the
 * identity already linked to this login, or a new one — `<region>:<GUID>`, the value IAM knows
 * as `${cognito-identity.amazonaws.com:sub}`.
 */
export async function getId(input: GetIdInput): Promise<string> {
	const data = await callIdentityPool<{ IdentityId?: string }>(input.fetch, input.region, 'GetId', {
		IdentityPoolId: input.identityPoolId,
		Logins: input.logins
	});
	if (!data.IdentityId)
		throw new UnexpectedAnswerError('GetId', 'an IdentityId', JSON.stringify(data));
	return data.IdentityId;
}

export const getIdActor = fromPromise<string, GetIdInput>(({ input }) => getId(input));
