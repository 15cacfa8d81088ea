/**
 * A two-word hint of what makes a demo user's sign-in different, from the scenario's description
 * of them: `MFA` for a user with an authenticator app, `new password` for one created with a
 * temporary password, otherwise `password`.
 *
 * @example userTag('Confirmed; TOTP MFA with an authenticator app; groups readers.') // -> 'MFA'
 */
export function userTag(description: string): string {
	if (/temporary password|new one/i.test(description)) return 'new password';
	if (/\bMFA\b/.test(description)) return 'MFA';
	return 'password';
}
