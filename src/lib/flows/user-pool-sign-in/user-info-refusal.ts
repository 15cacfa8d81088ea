import { SignInError, type SignInFailure } from '../shared/sign-in-error';

/**
 * Managed login's `/oauth2/userInfo` answered with an error. An OAuth resource server says why in
 * `WWW-Authenticate` (`error="invalid_token", error_description="…"`), not in the body; the
 * endpoint lives on the user pool's own domain, so the failure is the pool's.
 */
export class UserInfoRefusal extends SignInError {
	override readonly code = 'ERR_USER_INFO_REFUSED';

	constructor(
		readonly error: string,
		readonly description: string,
		readonly status: number
	) {
		super(`${error}: ${description}`);
	}

	override toFailure(): SignInFailure {
		return {
			source: 'user-pool',
			__type: this.error,
			message: this.description,
			status: this.status
		};
	}
}
