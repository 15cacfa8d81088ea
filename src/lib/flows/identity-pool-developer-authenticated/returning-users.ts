import type { Scenario } from '$lib/cloud';
import { backEndUsers, type BackEndUser } from '$lib/cloud/back-end/back-end-users';

/**
 * What each back-end user left in the account on earlier visits: the identity Cognito made for
 * their user id, and a private note under its prefix. Only the shipped-keys mistake needs them:
 * the attacker speaks for a user who is not even on the page, and reads what that user stored.
 */
const returning: Record<string, { identityId: string; note: string }> = {
	'user-1001': {
		identityId: 'us-east-1:3b7e2c14-6a0f-4d8e-9c51-7f2a1e6d4b90',
		note: 'alice’s notes: flight to Lisbon on Friday, seat 14C.\n'
	},
	'user-1002': {
		identityId: 'us-east-1:9d4a6f21-0c3e-4b87-a5d2-1e8f7c6b3a05',
		note: 'bob’s notes: the spare key is under the blue pot.\n'
	}
};

/** The user the attacker impersonates: the back end's other user, not the one on this page. */
export function victimOf(user: { userId: string }): BackEndUser {
	const victim = backEndUsers.find((u) => u.userId !== user.userId);
	if (!victim) throw new TypeError('The back end has no second user to impersonate');
	return victim;
}

/**
 * Adds the victim's returning identity (linked to their developer login) and their private note
 * to the cloud's own copy of the scenario, before the first request (each service reads its part
 * when it first answers).
 *
 * @example addReturningUser(cloud.scenario, victimOf(user))
 */
export function addReturningUser(scenario: Scenario, victim: BackEndUser): void {
	const pool = scenario.identityPool;
	const left = returning[victim.userId];
	const bucket = scenario.s3.buckets[0];
	if (!left || !pool.developerProviderName || !bucket)
		throw new TypeError(`The scenario cannot hold ${victim.username}'s earlier visits`);
	pool.identities = [
		...(pool.identities ?? []).filter((i) => i.id !== left.identityId),
		{ id: left.identityId, logins: { [pool.developerProviderName]: victim.userId } }
	];
	const key = `private/${left.identityId}/notes.txt`;
	bucket.objects = [
		...bucket.objects.filter((o) => o.key !== key),
		{ key, body: left.note, contentType: 'text/plain' }
	];
}
