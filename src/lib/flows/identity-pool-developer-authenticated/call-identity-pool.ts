import type { CloudFetch } from '$lib/cloud';
import { AwsJsonCallError, callAwsJson, type WireRequest } from '$lib/cloud/wire';
import { DeveloperFlowError } from './developer-flow-error';

/** The identity pool operations this flow calls. */
export type IdentityPoolOperation =
	'GetId' | 'GetCredentialsForIdentity' | 'GetOpenIdTokenForDeveloperIdentity';

/**
 * One call to the identity pool API (`AWSCognitoIdentityService.<operation>`, AWS JSON 1.1),
 * signed by `sign` when the operation needs IAM credentials. Rejects with `DeveloperFlowError`
 * carrying the service's error type, message and status.
 *
 * @example await callIdentityPool(fetch, 'us-east-1', 'GetId', { IdentityPoolId })
 */
export async function callIdentityPool<T>(
	fetch: CloudFetch,
	region: string,
	operation: IdentityPoolOperation,
	body: Record<string, unknown>,
	sign?: (request: WireRequest) => Promise<WireRequest>
): Promise<T> {
	try {
		return await callAwsJson<T>(fetch, {
			host: `cognito-identity.${region}.amazonaws.com`,
			targetPrefix: 'AWSCognitoIdentityService',
			operation,
			body,
			...(sign && { sign })
		});
	} catch (error) {
		if (error instanceof AwsJsonCallError)
			throw new DeveloperFlowError(error.type, error.serviceMessage, error.status);
		throw error;
	}
}
