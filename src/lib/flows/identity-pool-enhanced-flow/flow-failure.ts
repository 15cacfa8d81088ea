import { AwsJsonCallError } from '$lib/cloud/wire';
import { S3CallError } from '../shared/call-s3';
import { SignInError, toSignInFailure } from '../shared/sign-in-error';

/**
 * What refused a step, as plain data (it lives in machine context and in the `FlowRun`): the
 * service that answered with an error and its code, message and HTTP status, or the app itself
 * (`service: 'app'`, the check that failed).
 */
export interface FlowFailure {
	service: 'user-pool' | 'identity-pool' | 's3' | 'app';
	code: string;
	message: string;
	status?: number;
}

/** Any rejection of a step's actor as the `FlowFailure` the machine stores. */
export function toFlowFailure(error: unknown): FlowFailure {
	if (error instanceof AwsJsonCallError)
		return {
			service: 'identity-pool',
			code: error.type,
			message: error.serviceMessage,
			status: error.status
		};
	if (error instanceof S3CallError)
		return { service: 's3', code: error.s3Code, message: error.s3Message, status: error.status };
	if (error instanceof SignInError) {
		const failure = toSignInFailure(error);
		return {
			service: failure.source === 'user-pool' ? 'user-pool' : 'app',
			code: failure.__type,
			message: failure.message,
			...(failure.status !== undefined && { status: failure.status })
		};
	}
	if (error instanceof Error) return { service: 'app', code: error.name, message: error.message };
	return { service: 'app', code: 'Error', message: String(error) };
}
