import type { CloudFetch } from '$lib/cloud';
import { AwsJsonCallError, callAwsJson } from '$lib/cloud/wire';
import { UserPoolServiceError } from './sign-in-error';

/** The user pool operations the flows call. */
export type UserPoolOperation =
	'InitiateAuth' | 'RespondToAuthChallenge' | 'GetUser' | 'GlobalSignOut' | 'UpdateUserAttributes';

/**
 * One AWS JSON 1.1 call to the user pool API, sent as amazon-cognito-identity-js's `Client.request`
 * sends it (same headers, `POST /`, JSON body; members left out rather than sent as `null`, as the
 * SDK does). Resolves with the parsed body of a 2xx answer; rejects with `UserPoolServiceError`
 * for an AWS error (read by `callAwsJson`).
 *
 * @example await callUserPool(fetch, 'us-east-1', 'GetUser', { AccessToken })
 */
export async function callUserPool<T>(
	fetch: CloudFetch,
	region: string,
	operation: UserPoolOperation,
	body: Record<string, unknown>
): Promise<T> {
	try {
		return await callAwsJson<T>(fetch, {
			host: `cognito-idp.${region}.amazonaws.com`,
			targetPrefix: 'AWSCognitoIdentityProviderService',
			operation,
			body,
			headers: { 'X-Amz-User-Agent': 'aws-amplify/5.0.4', 'Cache-Control': 'no-store' }
		});
	} catch (error) {
		if (error instanceof AwsJsonCallError)
			throw new UserPoolServiceError(error.type, error.serviceMessage, error.status);
		throw error;
	}
}
