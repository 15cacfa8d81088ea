import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callUserPool } from '../../shared/call-user-pool';
import { refreshTokens } from '../../shared/refresh-tokens';
import type { SignInTokens } from '../../shared/sign-in-types';

export interface EditAttributeInput {
	fetch: CloudFetch;
	region: string;
	client: { id: string; secret: string | null };
	username: string;
	tokens: SignInTokens;
	/** The attribute the role-mapping rule reads, and the value that earns the role. */
	attribute: { name: string; value: string };
}

/**
 * Mistake `writable-attribute-role-mapping`: the user sets the attribute a role-mapping rule reads
 * with their own access token (UpdateUserAttributes), then refreshes the tokens: the ID token in
 * hand is a snapshot from sign-in, the refreshed one carries the new value.
 */
export async function editAttribute(input: EditAttributeInput): Promise<SignInTokens> {
	await callUserPool(input.fetch, input.region, 'UpdateUserAttributes', {
		AccessToken: input.tokens.accessToken,
		UserAttributes: [{ Name: input.attribute.name, Value: input.attribute.value }]
	});
	const { tokens } = await refreshTokens({
		fetch: input.fetch,
		region: input.region,
		client: input.client,
		username: input.username,
		refreshToken: input.tokens.refreshToken ?? '',
		omitSecretHash: false
	});
	return tokens;
}

export const editAttributeActor = fromPromise<SignInTokens, EditAttributeInput>(({ input }) =>
	editAttribute(input)
);
