import { notAuthorized } from './errors';
import type { PoolUser, UserPoolModel } from './model';

const freeFailures = 5;
const maxLockMs = 15 * 60_000;
const quietResetMs = 15 * 60_000;

/**
 * Cognito's lockout (cognito.md §3.2, AWS authentication-flow guide): after 5 failed sign-ins
 * the user is locked for 1 s, doubling with each further failure up to about 15 minutes; an
 * attempt during the lock, even with the right password, is `Password attempts exceeded` and
 * does not extend it; 15 quiet minutes forget the failures.
 *
 * Wrong MFA codes count too (cognito.md §3.8; AWS MFA guide, user-pool-settings-mfa.html: "after
 * five unsuccessful attempts to present an MFA code" the same lockout begins). ⚠ SIM: AWS does not
 * say whether password and MFA failures share one count; here they do, in `user.lockout`.
 *
 * Call `checkLockout` just before a password or code is checked, `recordFailure` when it is
 * wrong, and `recordSuccess` only when the sign-in ends in tokens: a right password followed by a
 * wrong code is still a failed sign-in, so it must not clear the count.
 */
export function checkLockout(model: UserPoolModel, user: PoolUser): void {
	const now = model.clock.now();
	const state = user.lockout;
	if (!state) return;
	if (now - state.lastFailureAt >= quietResetMs) {
		user.lockout = undefined;
		return;
	}
	if (now < state.lockedUntil) throw notAuthorized('Password attempts exceeded');
}

export function recordFailure(model: UserPoolModel, user: PoolUser): void {
	const now = model.clock.now();
	const failures = (user.lockout?.failures ?? 0) + 1;
	const lockMs =
		failures >= freeFailures ? Math.min(2 ** (failures - freeFailures) * 1000, maxLockMs) : 0;
	user.lockout = { failures, lastFailureAt: now, lockedUntil: now + lockMs };
}

export function recordSuccess(user: PoolUser): void {
	user.lockout = undefined;
}
