import { getSimplePaths, toDirectedGraph, type DirectedGraphNode } from '@xstate/graph';
import {
	__unsafe_getAllOwnEventDescriptors,
	createActor,
	toPromise,
	type AnyEventObject
} from 'xstate';
import { describe, expect, it } from 'vitest';
import { createCloud, defaultScenario, type Scenario } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
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

/** The done event with each representative output, and two error events, for every invoked actor. */
function actorOutcomes(snapshot: Parameters<typeof __unsafe_getAllOwnEventDescriptors>[0]) {
	return __unsafe_getAllOwnEventDescriptors(snapshot).flatMap((type): AnyEventObject[] => {
		const [, kind, actorId] = /^xstate\.(done|error)\.actor\.(.+)$/.exec(type) ?? [];
		if (!kind || !actorId)
			throw new Error(`The machine handles an event the test cannot send: ${type}`);
		if (kind === 'error')
			return [
				{ type, actorId, error: new Error('refused') },
				{ type, actorId, error: iamRefusal }
			];
		const options = outputs[actorId];
		if (!options) throw new Error(`No representative outputs for the invoked actor ${actorId}`);
		return options.map((output) => ({ type, actorId, output }));
	});
}

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

/** Every simple path to a final state, explored once with no mistake and once per mistake. */
function enumeratePaths(): StateKey[][] {
	const inputs: GuestAccessMistakeId[][] = [[], ...definition.mistakes.map((m) => [m.id])];
	const seen = new Map<string, StateKey[]>();
	for (const mistakes of inputs) {
		const paths = getSimplePaths(guestAccessMachine, {
			input: stubInput(mistakes),
			events: actorOutcomes,
			serializeState: (snapshot) => JSON.stringify(snapshot.value)
		});
		for (const path of paths) {
			if (path.state.status !== 'done') continue;
			const keys = path.steps.map((step) => step.state.value as StateKey);
			seen.set(keys.join(' → '), keys);
		}
	}
	return [...seen.values()];
}

// --- What realises each path -------------------------------------------------------------------

interface Seen {
	label: string;
	status: number;
	code: string | null;
}
const seen = (label: string, status = 200, code: string | null = null): Seen => ({
	label,
	status,
	code
});

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

/** Runs the machine to its end, returning the state keys it visited. */
async function visit(input: GuestAccessInput) {
	const actor = createActor(guestAccessMachine, { input });
	const visited: StateKey[] = [];
	actor.subscribe((s) => {
		if (visited.at(-1) !== s.value) visited.push(s.value as StateKey);
	});
	actor.start();
	const output = await toPromise(actor);
	return { visited, output };
}

const paths = enumeratePaths();

describe('guestAccessMachine paths', () => {
	it('every step state names its step in meta, in the order of the definition', () => {
		const steps = Object.values(guestAccessMachine.states).flatMap((node) => {
			const step = (node.meta as { step?: string } | undefined)?.step;
			return step ? [step] : [];
		});
		expect(steps).toEqual(definition.steps.map((s) => s.id));
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
		expect(paths.length).toBe(7);
	});

	it('every transition of the machine lies on an enumerated path', () => {
		const edges = new Set<string>();
		const collect = (node: DirectedGraphNode) => {
			for (const edge of node.edges) edges.add(`${edge.source.key} → ${edge.target.key}`);
			node.children.forEach(collect);
		};
		collect(toDirectedGraph(guestAccessMachine));
		// `afterWrite` is passed through without a snapshot: its edges count as the write's.
		const through = (edge: string) =>
			edge.replace(/writeObject → afterWrite|afterWrite/, 'writeObject');
		const walked = new Set(paths.flatMap((p) => p.slice(1).map((key, i) => `${p[i]} → ${key}`)));
		expect([...edges].map(through).filter((e) => e !== 'writeObject' && !walked.has(e))).toEqual(
			[]
		);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});
	const titled = runs.map((r) => [`${r.path.join(' → ')} (${r.realisation.name})`, r] as const);

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const { visited, output } = await visit(guestAccessInputFor(cloud, realisation.mistakes));
		expect(visited).toEqual(path);
		const actual = cloud.log.entries.map((e): Seen => {
			const outcome = readOutcome(e.response);
			return seen(e.label, e.response.status, outcome.ok ? null : outcome.code);
		});
		expect(actual).toEqual(realisation.exchanges);
		expect(output.failure?.code ?? null).toBe(realisation.failure ?? null);
	});
});
