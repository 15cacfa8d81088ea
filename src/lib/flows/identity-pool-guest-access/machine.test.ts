import { describe, expect, it } from 'vitest';
import { createCloud, defaultScenario, type Scenario } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
import {
	actorOutcomes,
	enumeratePaths,
	seen,
	stepsInMeta,
	untravelledEdges,
	visit,
	type SeenExchange as Seen
} from '../../../../tests/support/machine-paths';
import { definition, type GuestAccessMistakeId } from './definition';
import { ServiceRefusal } from './guest-access-failure';
import { guestAccessInputFor } from './guest-access-options';
import type { GuestAccessInput } from './guest-access-types';
import { guestAccessMachine } from './machine';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated cloud (identity pool, IAM, S3, Systems Manager). Every invoked actor is offered each
 * kind of answer it can resolve with, a refusal by IAM (`AccessDenied`) and any other rejection.
 * A path no lab input can produce is listed with the reason; anything else without a realisation
 * fails the test, so a new branch needs a new run.
 */

type StateKey =
	| 'getId'
	| 'getCredentials'
	| 'readPublicObject'
	| 'writeObject'
	| 'getParameter'
	| 'done'
	| 'failed';

const outputs: Record<string, unknown[]> = {
	getId: ['us-east-1:guest'],
	getCredentials: [
		{ AccessKeyId: 'ASIA', SecretKey: 'secret', SessionToken: 'token', Expiration: 3600 }
	],
	readObject: [{ key: 'public/welcome.txt', contentType: 'text/plain', text: 'hi' }],
	writeObject: [undefined],
	getParameter: ['banner']
};

const iamRefusal = new ServiceRefusal({
	service: 's3',
	code: 'AccessDenied',
	message: 'denied',
	status: 403
});

const stubInput = (mistakes: GuestAccessMistakeId[]): GuestAccessInput => ({
	fetch: () => Promise.reject(new Error('the graph never runs actors')),
	now: () => 0,
	region: 'us-east-1',
	identityPoolId: 'us-east-1:graph',
	guestRole: 'Guest',
	bucket: 'bucket',
	readKey: 'public/a',
	writeKey: 'public/b',
	parameterName: '/p',
	mistakes
});

// Each actor is offered two rejections: any error, and IAM's AccessDenied.
const events = actorOutcomes(outputs, [new Error('refused'), iamRefusal]);
const inputs = [[], ...definition.mistakes.map((m) => [m.id])].map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	name: string;
	mistakes: GuestAccessMistakeId[];
	/** A variant of the default scenario the run needs. */
	scenario?: (s: Scenario) => void;
	/** Every exchange of the run, in the order it was sent. */
	exchanges: Seen[];
	/** The error the run ends with, if it fails. */
	failure?: string;
}

const guestRole = (s: Scenario) => s.iam.roles.find((r) => r.name === 'FlowLabGuest')!;
const start = [seen('GetId'), seen('GetCredentialsForIdentity')];
const read = seen('GetObject');
const writeDenied = seen('PutObject', 403, 'AccessDenied');

const realisations = new Map<string, Realisation[] | { unreachable: string }>();
const route = (...keys: StateKey[]) => keys.join(' → ');
const head: StateKey[] = ['getId', 'getCredentials', 'readPublicObject', 'writeObject'];

realisations.set(route('getId', 'failed'), [
	{
		name: 'guests off',
		mistakes: ['guests-off'],
		exchanges: [seen('GetId', 400, 'NotAuthorizedException')],
		failure: 'NotAuthorizedException'
	}
]);
realisations.set(route('getId', 'getCredentials', 'failed'), [
	{
		name: 'a guest role whose trust policy names sts:AssumeRole (reference §11 row 19)',
		mistakes: [],
		scenario: (s) => {
			guestRole(s).assumeRolePolicyDocument.Statement[0]!.Action = 'sts:AssumeRole';
		},
		exchanges: [
			seen('GetId'),
			seen('GetCredentialsForIdentity', 400, 'InvalidIdentityPoolConfigurationException')
		],
		failure: 'InvalidIdentityPoolConfigurationException'
	}
]);
realisations.set(route('getId', 'getCredentials', 'readPublicObject', 'failed'), [
	{
		name: 'a guest role that may not even read the public prefix',
		mistakes: [],
		scenario: (s) => {
			guestRole(s).policies = {};
		},
		exchanges: [...start, seen('GetObject', 403, 'AccessDenied')],
		failure: 'AccessDenied'
	}
]);
realisations.set(route(...head, 'failed'), {
	unreachable:
		'the write is signed with the same fresh credentials as the read a moment earlier: S3 either stores it or IAM refuses it'
});
realisations.set(route(...head, 'done'), [
	{ name: 'the default run', mistakes: [], exchanges: [...start, read, writeDenied] },
	{
		name: 'a guest role that may write under public/',
		mistakes: [],
		scenario: (s) => {
			guestRole(s).policies.write = {
				Version: '2012-10-17',
				Statement: [
					{
						Effect: 'Allow',
						Action: 's3:PutObject',
						Resource: 'arn:aws:s3:::flow-lab-notes/public/*'
					}
				]
			};
		},
		exchanges: [...start, read, seen('PutObject')]
	}
]);
realisations.set(route(...head, 'getParameter', 'failed'), [
	{
		name: 'guest outside the scope-down',
		mistakes: ['guest-outside-scope-down'],
		exchanges: [...start, read, writeDenied, seen('GetParameter', 400, 'AccessDeniedException')],
		failure: 'AccessDeniedException'
	}
]);
realisations.set(route(...head, 'getParameter', 'done'), {
	unreachable:
		"guest credentials from GetCredentialsForIdentity always carry the enhanced flow's session policy, which does not list ssm"
});

// --- The tests -------------------------------------------------------------------------------

const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);

function cloudFor(realisation: Pick<Realisation, 'scenario'>) {
	const scenario = structuredClone(defaultScenario);
	realisation.scenario?.(scenario);
	return createCloud(scenario, {
		clock: { fixed: pinnedAt },
		identityPoolKeys: identityPoolTestKeys
	});
}

const paths = enumeratePaths(guestAccessMachine, inputs, events) as StateKey[][];

describe('guestAccessMachine paths', () => {
	it('every step state names its step in meta, in the order of the definition', () => {
		expect(stepsInMeta(guestAccessMachine)).toEqual(definition.steps.map((s) => s.id));
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
		expect(paths.length).toBe(7);
	});

	it('every transition of the machine lies on an enumerated path', () => {
		// `afterWrite` is passed through without a snapshot: the harness counts its edges as walked
		// when a path goes from the write to where it leads.
		expect(untravelledEdges(guestAccessMachine, paths)).toEqual([]);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});
	const titled = runs.map((r) => [`${r.path.join(' → ')} (${r.realisation.name})`, r] as const);

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const { visited, output } = await visit(
			guestAccessMachine,
			guestAccessInputFor(cloud, realisation.mistakes)
		);
		expect(visited).toEqual(path);
		const actual = cloud.log.entries.map((e): Seen => {
			const outcome = readOutcome(e.response);
			return seen(e.label, e.response.status, outcome.ok ? null : outcome.code);
		});
		expect(actual).toEqual(realisation.exchanges);
		expect(output.failure?.code ?? null).toBe(realisation.failure ?? null);
	});
});
