import { AwsJsonCallError } from '$lib/cloud/wire';
import { S3CallError } from '../shared/call-s3';
import { GoogleSignInError } from '../shared/google-sign-in';

/**
 * What refused a step, as plain data (it lives in machine context and in the `FlowRun`): the
 * service that answered with an error and its code, message and HTTP status, or the app itself
 * (`service: 'app'`, the check that failed).
 */
export interface GoogleFlowFailure {
	service: 'external-idp' | 'managed-login' | 'identity-pool' | 's3' | 'app';
	code: string;
	message: string;
	status?: number;
}

/** An OAuth endpoint (Google's token endpoint, Cognito's userInfo) answered with an error. */
export class OAuthRefusal extends Error {
	override name = 'OAuthRefusal';

	constructor(readonly failure: GoogleFlowFailure) {
		super(`${failure.code}: ${failure.message}`);
	}
}

/** Any rejection of a step's actor as the failure the machine stores. */
export function toGoogleFlowFailure(error: unknown): GoogleFlowFailure {
	if (error instanceof OAuthRefusal) return error.failure;
	if (error instanceof AwsJsonCallError)
		return {
			service: 'identity-pool',
			code: error.type,
			message: error.serviceMessage,
			status: error.status
		};
	if (error instanceof S3CallError)
		return { service: 's3', code: error.s3Code, message: error.s3Message, status: error.status };
	// Google's own page said no (a wrong password): what it showed the user.
	if (error instanceof GoogleSignInError)
		return { service: 'external-idp', code: error.name, message: error.message };
	if (error instanceof Error) return { service: 'app', code: error.name, message: error.message };
	return { service: 'app', code: 'Error', message: String(error) };
}
