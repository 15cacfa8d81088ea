import type { Cloud } from '$lib/cloud';
import { backEndIamUserName } from '$lib/cloud/back-end/back-end-host';
import { backEndUsers } from '$lib/cloud/back-end/back-end-users';
import type { DeveloperFlowInput, DeveloperMistakeId, DeveloperVariant } from './developer-types';
import { definition } from './definition';
import { addReturningUser, victimOf } from './returning-users';

const variants: readonly string[] = ['enhanced', 'basic'];

/**
 * The machine's input from a cloud and the learner's picks: the back-end user (`choices.user`),
 * the way to trade the token (`choices.variant`) and the mistakes. Ids, role and bucket come from
 * the cloud's scenario, so a variant scenario runs unchanged. With the shipped-keys mistake, the
 * other back-end user's earlier visits go into the cloud's scenario (before its first request),
 * for the attacker to find: here, so the run and the machine's path test set the account up alike.
 * Throws a `TypeError` for a choice or mistake this flow does not know, or a scenario without what
 * the flow needs.
 *
 * @example developerInputFor(cloud, { user: 'bob', variant: 'basic' }, [])
 */
export function developerInputFor(
	cloud: Cloud,
	choices: Record<string, string>,
	mistakes: readonly string[]
): DeveloperFlowInput {
	const known: readonly string[] = definition.mistakes.map((m) => m.id);
	const unknown = mistakes.find((m) => !known.includes(m));
	if (unknown !== undefined)
		throw new TypeError(`Flow ${definition.id} has no mistake "${unknown}"`);

	const username = choices.user ?? defaultOf('user');
	const user = backEndUsers.find((u) => u.username === username);
	if (!user) throw new TypeError(`The back end has no user "${username}"`);
	const variant = choices.variant ?? defaultOf('variant');
	if (!variants.includes(variant)) throw new TypeError(`Flow variant "${variant}" is unknown`);

	const { scenario } = cloud;
	const pool = scenario.identityPool;
	if (!pool.developerProviderName)
		throw new TypeError('The identity pool has no developer provider');
	if (!pool.roles.authenticated) throw new TypeError('The identity pool has no authenticated role');
	const backEnd = scenario.iam.users.find((u) => u.name === backEndIamUserName)?.accessKeys[0];
	if (!backEnd) throw new TypeError(`The scenario has no access key for ${backEndIamUserName}`);
	const bucket = scenario.s3.buckets[0]?.name;
	if (!bucket) throw new TypeError('The scenario has no bucket');

	const victim = victimOf(user);
	if (mistakes.includes('long-term-keys-in-browser')) addReturningUser(scenario, victim);

	return {
		fetch: cloud.fetch,
		attackerFetch: cloud.fetchAs('attacker'),
		clock: cloud.clock,
		region: scenario.region,
		identityPoolId: pool.id,
		developerProviderName: pool.developerProviderName,
		authenticatedRoleArn: pool.roles.authenticated,
		bucket,
		user: { ...user },
		victim: { username: victim.username, userId: victim.userId },
		backEndKey: { ...backEnd },
		variant: variant as DeveloperVariant,
		mistakes: mistakes as DeveloperMistakeId[]
	};
}

function defaultOf(choice: string): string {
	return definition.choices.find((c) => c.id === choice)!.default;
}
