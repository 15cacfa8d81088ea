import type { Scenario, UserScenario } from '$lib/cloud';

/** A user the learner can sign in as, with what makes the run different. */
export interface DemoUser {
	username: string;
	/** One line, from the scenario: status, MFA, groups. */
	description: string;
	/** A word or two for what makes their sign-in different: `password`, `MFA`, `new password`. */
	tag: string;
}

/**
 * The users a learner can pick for a sign-in run: enabled users who can finish signing in
 * (CONFIRMED, or FORCE_CHANGE_PASSWORD with its new-password step). The UNCONFIRMED user is not
 * offered: the `unconfirmed-user` mistake signs in as them.
 *
 * @example demoUsers(defaultScenario) // [{ username: 'alice', description: 'Confirmed; ...', tag: 'password' }, ...]
 */
export function demoUsers(scenario: Scenario): DemoUser[] {
	return scenario.userPool.users
		.filter((u) => u.enabled && (u.status === 'CONFIRMED' || u.status === 'FORCE_CHANGE_PASSWORD'))
		.map((u) => ({ username: u.username, description: describe(u), tag: tag(u) }));
}

function tag(user: UserScenario): string {
	if (user.status === 'FORCE_CHANGE_PASSWORD') return 'new password';
	return user.totpSecret ? 'MFA' : 'password';
}

function describe(user: UserScenario): string {
	const status =
		user.status === 'FORCE_CHANGE_PASSWORD'
			? 'Created by an administrator with a temporary password: must choose a new one'
			: 'Confirmed';
	const mfa = user.totpSecret ? 'TOTP MFA with an authenticator app' : 'password only';
	const groups = user.groups.length ? `groups ${user.groups.join(', ')}` : 'no groups';
	return `${status}; ${mfa}; ${groups}.`;
}
