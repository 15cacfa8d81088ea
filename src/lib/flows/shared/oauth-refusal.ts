import * as oauth from 'oauth4webapi';

/** A refusal in a federated sign-in, in its own protocol's terms: who refused, and why. */
export interface FederationFailure {
	/** `app` for a check of the app's own (state, nonce), which no service sent. */
	service: 'managed-login' | 'external-idp' | 'user-pool' | 'app';
	code: string;
	message: string;
	status: number;
}

/** A service refused a request of the flow, or the app's own check failed: thrown by the actors. */
export class SignInRefusal extends Error {
	override name = 'SignInRefusal';

	constructor(readonly failure: FederationFailure) {
		super(`${failure.code}: ${failure.message}`);
	}
}

/** The failure an actor rejected with; anything unforeseen is the app's own failure. */
export function toFederationFailure(error: unknown): FederationFailure {
	if (error instanceof SignInRefusal) return error.failure;
	return {
		service: 'app',
		code: error instanceof Error ? error.name : 'Error',
		message: error instanceof Error ? error.message : String(error),
		status: 0
	};
}

/**
 * What an oauth4webapi rejection becomes: the OAuth error a service answered (the token
 * endpoint's JSON `error`, an error redirect's `error`, userInfo's `WWW-Authenticate`) blamed on
 * `service`; a check oauth4webapi makes itself (state, nonce, an ID token claim) is the app's.
 *
 * @example catch (error) { throw oauthRefusal('managed-login', error); }
 */
export function oauthRefusal(service: FederationFailure['service'], error: unknown): unknown {
	if (error instanceof oauth.ResponseBodyError)
		return refusal(service, error.error, error.error_description, error.status);
	if (error instanceof oauth.AuthorizationResponseError)
		return refusal(service, error.error, error.error_description, 302);
	if (error instanceof oauth.WWWAuthenticateChallengeError) {
		const challenge = error.cause[0]?.parameters ?? {};
		return refusal(
			service,
			challenge.error ?? 'invalid_token',
			challenge.error_description,
			error.status
		);
	}
	if (error instanceof oauth.OperationProcessingError)
		return new SignInRefusal({
			service: 'app',
			code: 'OperationProcessingError',
			message: error.message,
			status: 0
		});
	return error;
}

function refusal(
	service: FederationFailure['service'],
	code: string,
	description: string | undefined,
	status: number
): SignInRefusal {
	return new SignInRefusal({
		service,
		code,
		message: description ?? '',
		status
	});
}
