import type { Cloud } from '$lib/cloud';
import { otherIdentityNote, webClientOf } from './configure-for-mistakes';
import { definition, type EnhancedFlowMistakeId } from './definition';
import type { EnhancedFlowInput } from './enhanced-flow-types';

/**
 * Turns a learner's choices into the machine's input, from the cloud's scenario. The
 * writable-attribute mistake signs in as bob, a reader who is not an editor, whatever the choice:
 * its harm is a reader gaining the editors' role. Throws a `TypeError` for a mistake this flow does
 * not know, or a user who cannot sign in here (unknown, unconfirmed, or due a new password).
 */
export function inputFor(
	cloud: Cloud,
	choices: Record<string, string>,
	mistakes: readonly string[]
): EnhancedFlowInput {
	const known: readonly string[] = definition.mistakes.map((m) => m.id);
	const unknown = mistakes.find((m) => !known.includes(m));
	if (unknown !== undefined)
		throw new TypeError(`Flow ${definition.id} has no mistake "${unknown}"`);
	const made = [...new Set(mistakes)] as EnhancedFlowMistakeId[];

	const { scenario } = cloud;
	const wanted = made.includes('writable-attribute-role-mapping')
		? 'bob'
		: (choices.user ?? definition.choices[0].default);
	const user = scenario.userPool.users.find(
		(u) => u.username.toLowerCase() === wanted.toLowerCase()
	);
	if (!user || !user.enabled || user.status !== 'CONFIRMED')
		throw new TypeError(`The scenario has no confirmed user "${wanted}" to sign in as`);
	const client = webClientOf(scenario);
	const bucket = scenario.s3.buckets[0];
	if (!bucket) throw new TypeError('The scenario has no bucket');

	return {
		fetch: cloud.fetch,
		send: (request) => cloud.send(request, { from: 'app' }),
		clock: cloud.clock,
		region: scenario.region,
		userPoolId: scenario.userPool.id,
		client: { id: client.id, secret: client.secret },
		user: {
			username: user.username,
			password: user.password,
			...(user.totpSecret !== undefined && { totpSecret: user.totpSecret })
		},
		identityPoolId: scenario.identityPool.id,
		providerName: `cognito-idp.${scenario.region}.amazonaws.com/${scenario.userPool.id}`,
		bucket: bucket.name,
		otherIdentityKey: otherIdentityNote.key,
		mistakes: made
	};
}
