import type { Cloud } from '$lib/cloud';
import type { BasicFlowInput } from './basic-flow-types';
import { configureAccount } from './configure-account';
import { definition, type IdentityPoolBasicFlowMistakeId } from './definition';

/** The session name the app asks STS for; it ends the assumed role's ARN (`…/flow-lab-app`). */
export const roleSessionName = 'flow-lab-app';

/** The object every guest may read (the guest role allows `public/*`). */
export const publicObject = { bucket: 'flow-lab-notes', key: 'public/welcome.txt' };

/**
 * Turns a learner's picks into the machine's input, from the cloud's scenario, and sets the
 * account up as the mistakes need (see `configureAccount`). Throws a `TypeError` for a mistake or
 * a choice value this flow does not have, or a scenario without the roles or bucket it uses.
 *
 * @example basicFlowInputFor(cloud, { duration: '900' }, ['open-id-token-expired'])
 */
export function basicFlowInputFor(
	cloud: Cloud,
	choices: Record<string, string>,
	mistakes: readonly string[]
): BasicFlowInput {
	const known: readonly string[] = definition.mistakes.map((m) => m.id);
	for (const id of mistakes)
		if (!known.includes(id)) throw new TypeError(`Flow ${definition.id} has no mistake "${id}"`);
	const chosen = [...new Set(mistakes)] as IdentityPoolBasicFlowMistakeId[];

	const [durationChoice] = definition.choices;
	const duration = choices[durationChoice.id] ?? durationChoice.default;
	if (!durationChoice.options.some((o) => o.value === duration))
		throw new TypeError(`Flow ${definition.id} has no ${durationChoice.id} "${duration}"`);

	const { scenario } = cloud;
	const { roles } = scenario.identityPool;
	if (!roles.unauthenticated || !roles.authenticated)
		throw new TypeError('The scenario has no guest and authenticated roles for the identity pool');
	const bucket = scenario.s3.buckets.find((b) => b.name === publicObject.bucket);
	if (!bucket) throw new TypeError(`The scenario has no bucket ${publicObject.bucket}`);

	const { fixTrustPolicy } = configureAccount(scenario, chosen);
	return {
		fetch: cloud.fetch,
		send: (request) => cloud.send(request),
		clock: cloud.clock,
		region: scenario.region,
		identityPoolId: scenario.identityPool.id,
		guestRoleArn: roles.unauthenticated,
		authenticatedRoleArn: roles.authenticated,
		roleSessionName,
		durationSeconds: Number(duration),
		bucket: publicObject.bucket,
		key: publicObject.key,
		fixTrustPolicy,
		mistakes: chosen
	};
}
