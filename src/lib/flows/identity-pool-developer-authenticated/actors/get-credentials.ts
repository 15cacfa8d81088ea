import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { AwsQueryError, callAwsQuery } from '$lib/cloud/wire';
import { callIdentityPool } from '../call-identity-pool';
import { DeveloperFlowError } from '../developer-flow-error';
import type { DeveloperToken, DeveloperVariant, TemporaryCredentials } from '../developer-types';

export interface GetCredentialsInput {
	fetch: CloudFetch;
	region: string;
	identityPoolId: string;
	identity: DeveloperToken;
	/** The role the basic flow names (the enhanced flow lets the pool pick). */
	roleArn: string;
	variant: DeveloperVariant;
	/** Mistake get-id-with-developer-token: GetId with the token first, as for any other login. */
	getIdFirst: boolean;
	/** Mistake identity-id-without-token: GetCredentialsForIdentity with no Logins. */
	withoutToken: boolean;
}

/** The Logins key of a token the identity pool issued itself: its issuer without `https://`. */
export const ownTokenLoginsKey = 'cognito-identity.amazonaws.com';

/** The session name the basic-flow app gives STS (it shows in the assumed role's ARN). */
export const roleSessionName = 'flow-lab-web-app';

/**
 * Trades the identity pool token for temporary credentials, unsigned, the way the learner chose:
 * enhanced, GetCredentialsForIdentity with the identity id and the token under
 * `cognito-identity.amazonaws.com`; basic, STS AssumeRoleWithWebIdentity with the token and a
 * role the app names. The mistakes change what is sent, and the services refuse it.
 */
export async function getCredentials(input: GetCredentialsInput): Promise<TemporaryCredentials> {
	const logins = { [ownTokenLoginsKey]: input.identity.token };
	let identityId = input.identity.identityId;
	if (input.getIdFirst) {
		const { IdentityId } = await callIdentityPool<{ IdentityId: string }>(
			input.fetch,
			input.region,
			'GetId',
			{ IdentityPoolId: input.identityPoolId, Logins: logins }
		);
		identityId = IdentityId;
	}

	if (input.variant === 'basic') return assumeRoleWithWebIdentity(input);

	const { Credentials } = await callIdentityPool<{
		Credentials: {
			AccessKeyId: string;
			SecretKey: string;
			SessionToken: string;
			Expiration: number;
		};
	}>(input.fetch, input.region, 'GetCredentialsForIdentity', {
		IdentityId: identityId,
		...(!input.withoutToken && { Logins: logins })
	});
	// The identity pool names the secret `SecretKey` and dates expiry in epoch seconds (§7.1, §7.4)
	return {
		accessKeyId: Credentials.AccessKeyId,
		secretAccessKey: Credentials.SecretKey,
		sessionToken: Credentials.SessionToken,
		expiration: Credentials.Expiration * 1000
	};
}

async function assumeRoleWithWebIdentity(
	input: GetCredentialsInput
): Promise<TemporaryCredentials> {
	try {
		const result = await callAwsQuery(
			input.fetch,
			'https://sts.amazonaws.com/',
			'AssumeRoleWithWebIdentity',
			{
				RoleArn: input.roleArn,
				RoleSessionName: roleSessionName,
				WebIdentityToken: input.identity.token
			}
		);
		const credentials = result.Credentials as Record<string, string>;
		// STS names the secret `SecretAccessKey` and dates expiry in ISO 8601 (§8.2)
		return {
			accessKeyId: credentials.AccessKeyId!,
			secretAccessKey: credentials.SecretAccessKey!,
			sessionToken: credentials.SessionToken!,
			expiration: Date.parse(credentials.Expiration!)
		};
	} catch (error) {
		if (error instanceof AwsQueryError)
			throw new DeveloperFlowError(error.code, error.message, error.status);
		throw error;
	}
}

export const getCredentialsActor = fromPromise<TemporaryCredentials, GetCredentialsInput>(
	({ input }) => getCredentials(input)
);
