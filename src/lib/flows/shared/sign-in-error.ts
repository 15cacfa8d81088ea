/**
 * What ends a run in `failed`, as plain data (it lives in machine context and in the `FlowRun`).
 * `source` says who refused: the user pool answered with an AWS error (`__type` is the AWS error
 * name, `status` the HTTP status), or the app itself refused something it received (`__type` is
 * the name of the check that failed, e.g. jose's `JWTExpired`).
 */
export interface SignInFailure {
	source: 'user-pool' | 'app';
	__type: string;
	message: string;
	status?: number;
}

/** Base of this flow's errors: each carries the `SignInFailure` it becomes in machine context. */
export class SignInError extends Error {
	readonly code: string = 'ERR_SIGN_IN';

	constructor(message: string) {
		super(message);
		this.name = new.target.name;
	}

	toFailure(): SignInFailure {
		return { source: 'app', __type: this.name, message: this.message };
	}
}

/** The user pool answered with an AWS JSON 1.1 error (`{"__type": ..., "message": ...}`). */
export class UserPoolServiceError extends SignInError {
	override readonly code = 'ERR_USER_POOL_SERVICE';

	constructor(
		readonly type: string,
		readonly serviceMessage: string,
		readonly status: number
	) {
		super(`${type}: ${serviceMessage}`);
	}

	override toFailure(): SignInFailure {
		return {
			source: 'user-pool',
			__type: this.type,
			message: this.serviceMessage,
			status: this.status
		};
	}
}

/** The pool answered 200 with something this app does not handle (e.g. another challenge). */
export class UnexpectedAnswerError extends SignInError {
	override readonly code = 'ERR_UNEXPECTED_ANSWER';

	constructor(
		readonly operation: string,
		readonly expected: string,
		readonly actual: string
	) {
		super(`${operation} answered ${actual}; this app expected ${expected}`);
	}
}

/**
 * Any rejection as the plain `SignInFailure` the machine stores. jose's errors keep their own
 * names (`JWTExpired`, `JWKSNoMatchingKey`, ...), which the lesson can explain.
 */
export function toSignInFailure(error: unknown): SignInFailure {
	if (error instanceof SignInError) return error.toFailure();
	if (error instanceof Error) return { source: 'app', __type: error.name, message: error.message };
	return { source: 'app', __type: 'Error', message: String(error) };
}
