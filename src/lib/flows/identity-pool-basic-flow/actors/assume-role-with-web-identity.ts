import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callAwsQuery } from '$lib/cloud/wire';
import { refusedBy } from '../basic-flow-failure';
import type { AssumedRole } from '../basic-flow-types';

export interface AssumeRoleWithWebIdentityInput {
	fetch: CloudFetch;
	/** The role the app names: the basic flow's defining choice. */
	roleArn: string;
	roleSessionName: string;
	/** The identity pool's OpenID token. */
	token: string;
	durationSeconds: number;
	/** Done just before the request (the administrator's fix, for the retry after it). */
	before?: () => void;
}

/**
 * STS `AssumeRoleWithWebIdentity` (cognito.md §8.1–8.2), unsigned, Query protocol, to the global
 * endpoint as the JS SDK's web-identity calls reach it. STS verifies the token, evaluates the
 * role's trust policy against its `aud` and `amr`, and answers with temporary credentials.
 */
export async function assumeRoleWithWebIdentity(
	input: AssumeRoleWithWebIdentityInput
): Promise<AssumedRole> {
	input.before?.();
	const result = await refusedBy('sts', () =>
		callAwsQuery(input.fetch, 'https://sts.amazonaws.com/', 'AssumeRoleWithWebIdentity', {
			RoleArn: input.roleArn,
			RoleSessionName: input.roleSessionName,
			WebIdentityToken: input.token,
			DurationSeconds: String(input.durationSeconds)
		})
	);
	return assumedRoleOf(result);
}

export const assumeRoleWithWebIdentityActor = fromPromise<
	AssumedRole,
	AssumeRoleWithWebIdentityInput
>(({ input }) => assumeRoleWithWebIdentity(input));

/** The members of `AssumeRoleWithWebIdentityResult` the app uses. */
function assumedRoleOf(result: unknown): AssumedRole {
	const r = result as {
		Credentials?: Record<string, string>;
		AssumedRoleUser?: Record<string, string>;
		SubjectFromWebIdentityToken?: string;
	};
	const c = r.Credentials ?? {};
	return {
		accessKeyId: c.AccessKeyId ?? '',
		secretAccessKey: c.SecretAccessKey ?? '',
		sessionToken: c.SessionToken ?? '',
		expiration: Date.parse(c.Expiration ?? ''),
		assumedRoleArn: r.AssumedRoleUser?.Arn ?? '',
		subjectFromWebIdentityToken: r.SubjectFromWebIdentityToken ?? ''
	};
}
