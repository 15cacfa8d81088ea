import type { CloudFetch } from '$lib/cloud';
import { callAwsJson } from '$lib/cloud/wire';

/** The identity pool operations of the enhanced flow, both unsigned (SDK `noAuth`, §7.1). */
export type IdentityPoolOperation = 'GetId' | 'GetCredentialsForIdentity';

/**
 * One AWS JSON 1.1 call to `cognito-identity.<region>.amazonaws.com`, as `CognitoIdentityClient`
 * sends the unsigned operations. Rejects with `AwsJsonCallError` for an AWS error.
 *
 * @example await callIdentityPool(fetch, 'us-east-1', 'GetId', { IdentityPoolId, Logins })
 */
export function callIdentityPool<T>(
	fetch: CloudFetch,
	region: string,
	operation: IdentityPoolOperation,
	body: Record<string, unknown>
): Promise<T> {
	return callAwsJson<T>(fetch, {
		host: `cognito-identity.${region}.amazonaws.com`,
		targetPrefix: 'AWSCognitoIdentityService',
		operation,
		body
	});
}
