import { callAwsJson } from '$lib/cloud/wire';
import { awsJsonRefusal } from './guest-access-failure';
import type { GuestAccessInput } from './guest-access-types';

/**
 * One unsigned identity-pool call, as the SDK sends `GetId` and `GetCredentialsForIdentity`:
 * AWS JSON 1.1 to `cognito-identity.<region>.amazonaws.com`. A refusal rejects as a
 * `ServiceRefusal` naming the identity pool.
 *
 * @example await callIdentityPool(input, 'GetId', { IdentityPoolId: input.identityPoolId })
 */
export async function callIdentityPool<T>(
	input: Pick<GuestAccessInput, 'fetch' | 'region'>,
	operation: 'GetId' | 'GetCredentialsForIdentity',
	body: Record<string, unknown>
): Promise<T> {
	try {
		return await callAwsJson<T>(input.fetch, {
			host: `cognito-identity.${input.region}.amazonaws.com`,
			targetPrefix: 'AWSCognitoIdentityService',
			operation,
			body
		});
	} catch (error) {
		throw awsJsonRefusal('identity-pool', error);
	}
}
