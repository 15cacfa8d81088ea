import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callAwsJson } from '$lib/cloud/wire';
import { refusedBy } from '../basic-flow-failure';

export interface GetIdInput {
	fetch: CloudFetch;
	region: string;
	identityPoolId: string;
}

/**
 * `GetId` without `Logins`: a guest identity (cognito.md §7.4). Unsigned; the pool answers only if
 * it allows unauthenticated identities. Resolves with the `IdentityId`.
 */
export async function getId(input: GetIdInput): Promise<string> {
	const { IdentityId } = await refusedBy('identity-pool', () =>
		callAwsJson<{ IdentityId: string }>(input.fetch, {
			host: `cognito-identity.${input.region}.amazonaws.com`,
			targetPrefix: 'AWSCognitoIdentityService',
			operation: 'GetId',
			body: { IdentityPoolId: input.identityPoolId }
		})
	);
	return IdentityId;
}

export const getIdActor = fromPromise<string, GetIdInput>(({ input }) => getId(input));
