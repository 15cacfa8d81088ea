import { signRequest } from '$lib/cloud/sigv4';
import type { WireRequest } from '$lib/cloud/wire';
import type { GuestAccessInput, GuestCredentials } from './guest-access-types';

/**
 * A signer for one service with the guest's temporary credentials: SigV4 stamped with the
 * simulated clock (`X-Amz-Date`), the session token sent as `X-Amz-Security-Token`.
 *
 * @example const signed = await signWith(input, credentials, 's3')(request);
 */
export function signWith(
	input: Pick<GuestAccessInput, 'region' | 'now'>,
	credentials: GuestCredentials,
	service: 's3' | 'ssm'
): (request: WireRequest) => Promise<WireRequest> {
	return (request) =>
		signRequest(
			request,
			{
				accessKeyId: credentials.AccessKeyId,
				secretAccessKey: credentials.SecretKey,
				sessionToken: credentials.SessionToken
			},
			{ service, region: input.region, now: input.now() }
		);
}
