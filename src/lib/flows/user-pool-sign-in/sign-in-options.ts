import type { AppClientScenario, Cloud, Scenario, UserScenario } from '$lib/cloud';
import type { UserPoolSignInMistakeId } from './definition';
import type { UserPoolSignInInput } from './sign-in-types';

/** What a learner chooses before a run. */
export interface UserPoolSignInOptions {
	/** A username of the scenario (`alice`, `bob`, `carol` in the default one). */
	user?: string;
	mistakes?: readonly UserPoolSignInMistakeId[];
	/** The answer to NEW_PASSWORD_REQUIRED; by default one that meets the pool's policy. */
	newPassword?: string;
}

/**
 * Turns a learner's choices into the machine's input, from the cloud's scenario. Mistakes that
 * need a particular user or client override the choice: `unconfirmed-user` signs in as the
 * UNCONFIRMED user (and wins over `wrong-mfa-code`, its step comes first), `wrong-mfa-code` as a
 * user with an authenticator app (the chosen one if they have one), `missing-secret-hash` through
 * a client with a secret. Otherwise the browser uses the client without a secret. Throws a
 * `TypeError` when the scenario has no such user or client.
 */
export function signInInputFor(
	cloud: Cloud,
	options: UserPoolSignInOptions = {}
): UserPoolSignInInput {
	const { scenario } = cloud;
	const mistakes = [...new Set(options.mistakes ?? [])];
	const user = pickUser(scenario, options.user, mistakes);
	const client = pickClient(scenario, mistakes.includes('missing-secret-hash'));
	return {
		fetch: cloud.fetch,
		attackerFetch: cloud.fetchAs('attacker'),
		clock: cloud.clock,
		region: scenario.region,
		userPoolId: scenario.userPool.id,
		userInfoUrl: `https://${scenario.userPool.domainPrefix}.auth.${scenario.region}.amazoncognito.com/oauth2/userInfo`,
		client: { id: client.id, secret: client.secret },
		user: {
			username: user.username,
			password: user.password,
			...(user.status === 'FORCE_CHANGE_PASSWORD' && {
				newPassword: options.newPassword ?? newPasswordFor(scenario, user)
			}),
			...(user.totpSecret !== undefined && { totpSecret: user.totpSecret })
		},
		mistakes
	};
}

function pickUser(
	scenario: Scenario,
	username: string | undefined,
	mistakes: readonly UserPoolSignInMistakeId[]
): UserScenario {
	const users = scenario.userPool.users;
	const chosen =
		username === undefined
			? undefined
			: users.find((u) => u.username.toLowerCase() === username.toLowerCase());
	if (username !== undefined && !chosen)
		throw new TypeError(`The scenario has no user "${username}"`);
	const need = (found: UserScenario | undefined, what: string, mistake: string) => {
		if (!found) throw new TypeError(`The scenario has no ${what} for mistake ${mistake}`);
		return found;
	};
	if (mistakes.includes('unconfirmed-user'))
		return need(
			users.find((u) => u.status === 'UNCONFIRMED'),
			'UNCONFIRMED user',
			'unconfirmed-user'
		);
	if (mistakes.includes('wrong-mfa-code'))
		return chosen?.totpSecret
			? chosen
			: need(
					users.find((u) => u.totpSecret && u.status === 'CONFIRMED'),
					'user with an authenticator app',
					'wrong-mfa-code'
				);
	return chosen ?? users.find((u) => u.status === 'CONFIRMED' && !u.totpSecret) ?? users[0]!;
}

function pickClient(scenario: Scenario, withSecret: boolean): AppClientScenario {
	const srp = scenario.userPool.clients.filter((c) =>
		c.explicitAuthFlows.includes('ALLOW_USER_SRP_AUTH')
	);
	const found = srp.find((c) => (c.secret !== null) === withSecret);
	if (!found)
		throw new TypeError(
			withSecret
				? 'The scenario has no SRP client with a secret for mistake missing-secret-hash'
				: 'The scenario has no SRP client without a secret'
		);
	return found;
}

/** A password that meets the pool's policy, e.g. `Chosen-By-Carol-42`. */
function newPasswordFor(scenario: Scenario, user: UserScenario): string {
	const name = user.username.charAt(0).toUpperCase() + user.username.slice(1).toLowerCase();
	return `Chosen-By-${name}-42`.padEnd(scenario.userPool.passwordPolicy.minimumLength, '!');
}
