import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { CloudFetch } from '$lib/cloud';
import { cloudRequestHandler } from './sdk-request-handler';

/** The scenario back end's long-term key (`flow-lab-back-end`), allowed the developer calls. */
export const backEndCredentials = {
	accessKeyId: 'AKIAFLOWLABBACKEND01',
	secretAccessKey: 'fLowLabDemoBackEndSecret/DoNotUse/000042'
};

/**
 * An identity-pool SDK client wired to the cloud, one attempt. The unsigned operations ignore
 * the credentials; the developer operations are SigV4-signed with them (the back end's key by
 * default).
 */
export function cognitoIdentityClient(
	fetch: CloudFetch,
	credentials: {
		accessKeyId: string;
		secretAccessKey: string;
		sessionToken?: string;
	} = backEndCredentials,
	region = 'us-east-1'
): CognitoIdentityClient {
	return new CognitoIdentityClient({
		region,
		credentials,
		maxAttempts: 1,
		requestHandler: cloudRequestHandler(fetch)
	});
}
