import type { PasswordPolicy } from '../scenario';
import { AwsServiceError } from '../wire';

/**
 * Checks a new password against the pool's policy, in the order Cognito reports problems, and
 * throws `InvalidPasswordException` naming the first one. Wording ⚠ common (cognito.md §3.7):
 * `Password did not conform with policy: Password not long enough`.
 *
 * @example checkPasswordPolicy('short', policy) // throws ... Password not long enough
 */
export function checkPasswordPolicy(password: string, policy: PasswordPolicy): void {
	const fail = (why: string) =>
		new AwsServiceError('InvalidPasswordException', `Password did not conform with policy: ${why}`);
	if ([...password].length < policy.minimumLength) throw fail('Password not long enough');
	if (policy.requireLowercase && !/[a-z]/.test(password))
		throw fail('Password must have lowercase characters');
	if (policy.requireUppercase && !/[A-Z]/.test(password))
		throw fail('Password must have uppercase characters');
	if (policy.requireNumbers && !/[0-9]/.test(password))
		throw fail('Password must have numeric characters');
	// Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space
	if (policy.requireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password))
		throw fail('Password must have symbol characters');
}
