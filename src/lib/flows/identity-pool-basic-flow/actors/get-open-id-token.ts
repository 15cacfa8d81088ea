import { fromPromise } from 'xstate';
import { decodeJwt } from 'jose';
import type { CloudFetch } from '$lib/cloud';
import { callAwsJson } from '$lib/cloud/wire';
import { refusedBy } from '../basic-flow-failure';
import type { OpenIdToken } from '../basic-flow-types';

export interface GetOpenIdTokenInput {
	fetch: CloudFetch;
	region: string;
	identityId: string;
}

/**
 * `GetOpenIdToken` for a guest identity: only the `IdentityId` (cognito.md §7.4–7.5). Unsigned;
 * refused unless the pool allows the classic flow and has no role mappings. The token's claims are
 * decoded, not verified: the app only passes it on, and STS verifies it.
 */
export async function getOpenIdToken(input: GetOpenIdTokenInput): Promise<OpenIdToken> {
	const { Token } = await refusedBy('identity-pool', () =>
		callAwsJson<{ IdentityId: string; Token: string }>(input.fetch, {
			host: `cognito-identity.${input.region}.amazonaws.com`,
			targetPrefix: 'AWSCognitoIdentityService',
			operation: 'GetOpenIdToken',
			body: { IdentityId: input.identityId }
		})
	);
	return { token: Token, claims: decodeJwt(Token) };
}

export const getOpenIdTokenActor = fromPromise<OpenIdToken, GetOpenIdTokenInput>(({ input }) =>
	getOpenIdToken(input)
);
