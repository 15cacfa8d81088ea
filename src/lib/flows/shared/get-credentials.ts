import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callIdentityPool } from './call-identity-pool';
import { UnexpectedAnswerError } from './sign-in-error';

/** `Credentials` of GetCredentialsForIdentity (note `SecretKey`, not STS's `SecretAccessKey`). */
export interface IdentityCredentials {
	accessKeyId: string;
	secretKey: string;
	sessionToken: string;
	/** Epoch seconds, as the JSON answer gives it. */
	expiration: number;
}

export interface GetCredentialsInput {
	fetch: CloudFetch;
	region: string;
	identityId: string;
	/** The same login again: an authenticated identity gets credentials only with it. */
	logins: Record<string, string>;
}

interface GetCredentialsForIdentityResponse {
	IdentityId?: string;
	Credentials?: {
		AccessKeyId?: string;
		SecretKey?: string;
		SessionToken?: string;
		Expiration?: number;
	};
}

/**
 * `GetCredentialsForIdentity`: the identity pool picks the role (§7.8), has it assumed for the
 * app, and answers temporary credentials — `SecretKey` here, where STS says `SecretAccessKey`.
 */
export async function getCredentials(input: GetCredentialsInput): Promise<IdentityCredentials> {
	const data = await callIdentityPool<GetCredentialsForIdentityResponse>(
		input.fetch,
		input.region,
		'GetCredentialsForIdentity',
		{ IdentityId: input.identityId, Logins: input.logins }
	);
	const c = data.Credentials;
	if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || typeof c.Expiration !== 'number')
		throw new UnexpectedAnswerError(
			'GetCredentialsForIdentity',
			'Credentials with AccessKeyId, SecretKey, SessionToken and Expiration',
			JSON.stringify(data)
		);
	return {
		accessKeyId: c.AccessKeyId,
		secretKey: c.SecretKey,
		sessionToken: c.SessionToken,
		expiration: c.Expiration
	};
}

export const getCredentialsActor = fromPromise<IdentityCredentials, GetCredentialsInput>(
	({ input }) => getCredentials(input)
);
