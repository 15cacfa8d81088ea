import type { Cloud, PolicyDocument, Scenario } from '$lib/cloud';
import { definition, type GuestAccessMistakeId } from './definition';
import type { GuestAccessInput } from './guest-access-types';

/** Where the app tries to leave a note: under the public prefix, which guests may only read. */
const writeKey = 'public/guestbook.txt';

/**
 * Turns a run's mistakes into the machine's input, from the cloud's scenario, and sets up the
 * account each mistake needs. The cloud must be fresh (its scenario is a copy no other run sees):
 *
 * - `guests-off` turns the pool's `AllowUnauthenticatedIdentities` off;
 * - `guest-outside-scope-down` adds to the guest role a statement that allows
 *   `ssm:GetParameter` on the scenario's first parameter, as a developer who counts on it would.
 *
 * Unknown mistake ids are dropped. Throws a `TypeError` when the scenario has no guest role or no
 * bucket with a public object.
 *
 * @example const input = guestAccessInputFor(createCloud(), ['guests-off']);
 */
export function guestAccessInputFor(cloud: Cloud, mistakes: readonly string[]): GuestAccessInput {
	const { scenario } = cloud;
	const chosen = definition.mistakes
		.map((m): GuestAccessMistakeId => m.id)
		.filter((id) => mistakes.includes(id));
	const bucket = scenario.s3.buckets.find((b) =>
		b.objects.some((o) => o.key.startsWith('public/'))
	);
	if (!bucket) throw new TypeError('The scenario has no bucket with an object under public/');
	const parameterName = scenario.ssm?.parameters[0]?.name ?? '/flow-lab/banner';

	if (chosen.includes('guests-off')) scenario.identityPool.allowUnauthenticatedIdentities = false;
	if (chosen.includes('guest-outside-scope-down'))
		guestRoleOf(scenario).policies['read-banner'] = readParameterPolicy(scenario, parameterName);

	return {
		fetch: cloud.fetch,
		now: () => cloud.clock.now(),
		region: scenario.region,
		identityPoolId: scenario.identityPool.id,
		guestRole: (scenario.identityPool.roles.unauthenticated ?? '').split('/').pop() ?? '',
		bucket: bucket.name,
		readKey: bucket.objects.find((o) => o.key.startsWith('public/'))!.key,
		writeKey,
		parameterName,
		mistakes: chosen
	};
}

function guestRoleOf(scenario: Scenario) {
	const arn = scenario.identityPool.roles.unauthenticated;
	const role = scenario.iam.roles.find((r) => r.arn === arn);
	if (!role)
		throw new TypeError('The scenario has no guest role for mistake guest-outside-scope-down');
	return role;
}

/** The statement a developer adds so that guests can read one parameter. */
function readParameterPolicy(scenario: Scenario, name: string): PolicyDocument {
	const path = name.replace(/^\//, '');
	return {
		Version: '2012-10-17',
		Statement: [
			{
				Sid: 'ReadBanner',
				Effect: 'Allow',
				Action: 'ssm:GetParameter',
				Resource: `arn:aws:ssm:${scenario.region}:${scenario.accountId}:parameter/${path}`
			}
		]
	};
}
