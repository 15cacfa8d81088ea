import { AwsJsonCallError } from '$lib/cloud/wire';
import type { GuestAccessFailure } from './guest-access-types';

/** A service refused a request of the flow: thrown by the actors, read by the machine. */
export class ServiceRefusal extends Error {
	override name = 'ServiceRefusal';

	constructor(readonly failure: GuestAccessFailure) {
		super(`${failure.code}: ${failure.message}`);
	}
}

/**
 * The refusal an actor rejected with. Anything else (a bug in the app's own code, a network that
 * would not connect) is shown as the app's own failure rather than blamed on a service.
 */
export function toGuestAccessFailure(error: unknown): GuestAccessFailure {
	if (error instanceof ServiceRefusal) return error.failure;
	return {
		service: 'app',
		code: error instanceof Error ? error.name : 'Error',
		message: error instanceof Error ? error.message : String(error),
		status: 0
	};
}

/**
 * What an AWS JSON call's rejection becomes: a `ServiceRefusal` naming `service` when the service
 * answered with an error, anything else unchanged.
 *
 * @example catch (error) { throw awsJsonRefusal('identity-pool', error); }
 */
export function awsJsonRefusal(service: GuestAccessFailure['service'], error: unknown): unknown {
	if (!(error instanceof AwsJsonCallError)) return error;
	return new ServiceRefusal({
		service,
		code: error.type,
		message: error.serviceMessage,
		status: error.status
	});
}
