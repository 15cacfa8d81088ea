import { describe, expect, it } from 'vitest';
import { createCloud, defaultScenario, type Scenario } from '$lib/cloud';
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
import { basicFlowInputFor } from './basic-flow-input';
import type { BasicFlowInput } from './basic-flow-types';
import { withoutAmr } from './configure-account';
import { definition, type IdentityPoolBasicFlowMistakeId } from './definition';
import { basicFlowMachine } from './machine';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated identity pool, STS and S3. Every invoked actor is offered a representative answer and
 * a rejection. A path no lab input can produce is listed with the reason; anything else without a
 * realisation fails the test, so a new branch needs a new run.
 */

type StateKey =
	| 'getId'
	| 'getOpenIdToken'
	| 'assumeAuthenticatedRole'
	| 'assumeAuthenticatedRoleAfterFix'
	| 'openIdTokenExpires'
	| 'assumeRoleWithWebIdentity'
	| 'getObject'
	| 'done'
	| 'failed';

const role = {
	accessKeyId: 'ASIA',
	secretAccessKey: 's',
	sessionToken: 't',
	expiration: 0,
	assumedRoleArn: 'arn',
	subjectFromWebIdentityToken: 'sub'
};
const outputs: Record<string, unknown[]> = {
	getId: ['us-east-1:id'],
	getOpenIdToken: [{ token: 'jwt', claims: {} }],
	assumeAuthenticatedRole: [role],
	assumeAuthenticatedRoleAfterFix: [role],
	letOpenIdTokenExpire: [{ from: 0, to: 900_000 }],
	assumeRoleWithWebIdentity: [role],
	getObject: [{ body: 'b', contentType: 'text/plain' }]
};

const never = () => Promise.reject(new Error('the graph never runs actors'));
const stubInput = (mistakes: IdentityPoolBasicFlowMistakeId[]): BasicFlowInput => ({
	fetch: never,
	send: never,
	clock: { now: () => 0, advance: () => {}, offset: 0 },
	region: 'us-east-1',
	identityPoolId: 'us-east-1:pool',
	guestRoleArn: 'arn:guest',
	authenticatedRoleArn: 'arn:authenticated',
	roleSessionName: 'graph',
	durationSeconds: 3600,
	bucket: 'b',
	key: 'k',
	fixTrustPolicy: () => {},
	mistakes
});

const events = actorOutcomes(outputs, [new Error('refused')]);
// Guards read the mistakes, so the graph is explored with none, each one, and the two detours
// together.
const explored: IdentityPoolBasicFlowMistakeId[][] = [
	[],
	...definition.mistakes.map((m) => [m.id]),
	['trust-policy-without-amr', 'open-id-token-expired']
];
const inputs = explored.map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	mistakes: IdentityPoolBasicFlowMistakeId[];
	/** A variant of the default scenario the run needs (settings no mistake of the flow makes). */
	scenario?: (s: Scenario) => void;
	/** For a path ending in `failed`: the exchange that ends it (normally a refusal). */
	error?: Seen;
	/** The failure code the run ends with, when it is not the last exchange's. */
	failure?: string;
}

const roleOf = (s: Scenario, which: 'authenticated' | 'unauthenticated') =>
	s.iam.roles.find((r) => r.arn === s.identityPool.roles[which])!;

/** Guests off: GetId without Logins is refused (cognito.md §7.7). */
const guestsOff = (s: Scenario) => {
	s.identityPool.allowUnauthenticatedIdentities = false;
};
/** The guest role trusts only signed-in users: STS refuses the guest's token. */
const guestRoleForSignedInOnly = (s: Scenario) => {
	const trust = roleOf(s, 'unauthenticated').assumeRolePolicyDocument.Statement[0]!;
	trust.Condition!['ForAnyValue:StringLike'] = {
		'cognito-identity.amazonaws.com:amr': 'authenticated'
	};
};
/** The guest role may read nothing: S3 refuses. */
const guestRoleWithoutPolicy = (s: Scenario) => {
	roleOf(s, 'unauthenticated').policies = {};
};
/** The authenticated role trusts another identity pool: STS refuses even without `amr`. */
const authenticatedRoleForAnotherPool = (s: Scenario) => {
	const trust = roleOf(s, 'authenticated').assumeRolePolicyDocument.Statement[0]!;
	trust.Condition!.StringEquals = {
		'cognito-identity.amazonaws.com:aud': 'us-east-1:00000000-0000-4000-8000-000000000000'
	};
};
/** The account's own policy already lacks `amr`, so "the fix" restores a policy without it. */
const authenticatedRoleWithoutAmrToBeginWith = (s: Scenario) => {
	const r = roleOf(s, 'authenticated');
	r.assumeRolePolicyDocument = withoutAmr(r.assumeRolePolicyDocument);
};

const notAuthorized = seen('GetId', 400, 'NotAuthorizedException');
const classicRefused = seen('GetOpenIdToken', 400, 'InvalidParameterException');
const stsDenied = seen('AssumeRoleWithWebIdentity', 403, 'AccessDenied');
const stsExpired = seen('AssumeRoleWithWebIdentity', 400, 'ExpiredTokenException');
const s3Denied = seen('GetObject', 403, 'AccessDenied');

const realisations = new Map<string, Realisation[] | { unreachable: string }>();
const route = (...keys: StateKey[]) => keys.join(' → ');
const escalation: StateKey[] = ['assumeAuthenticatedRole', 'assumeAuthenticatedRoleAfterFix'];
const amr: IdentityPoolBasicFlowMistakeId = 'trust-policy-without-amr';
const expired: IdentityPoolBasicFlowMistakeId = 'open-id-token-expired';
const head: StateKey[] = ['getId', 'getOpenIdToken'];
const tail: StateKey[] = ['assumeRoleWithWebIdentity', 'getObject'];

realisations.set(route('getId', 'failed'), [
	{ mistakes: [], scenario: guestsOff, error: notAuthorized }
]);
realisations.set(route(...head, 'failed'), [
	{ mistakes: ['classic-flow-off'], error: classicRefused },
	{ mistakes: ['classic-flow-with-role-mappings'], error: classicRefused }
]);
realisations.set(route(...head, 'assumeAuthenticatedRole', 'failed'), [
	{ mistakes: [amr], scenario: authenticatedRoleForAnotherPool, error: stsDenied }
]);
realisations.set(route(...head, ...escalation, 'failed'), [
	{
		mistakes: [amr],
		scenario: authenticatedRoleWithoutAmrToBeginWith,
		error: seen('AssumeRoleWithWebIdentity'),
		failure: 'TrustPolicyStillOpen'
	}
]);
const waits = [
	{ before: [] as StateKey[], mistakes: [expired] },
	{ before: escalation, mistakes: [amr, expired] }
];
for (const { before, mistakes } of waits) {
	const waited: StateKey[] = [...head, ...before, 'openIdTokenExpires'];
	realisations.set(route(...waited, 'failed'), {
		unreachable: 'letting the clock run on cannot fail'
	});
	realisations.set(route(...waited, 'assumeRoleWithWebIdentity', 'failed'), [
		{ mistakes, error: stsExpired }
	]);
	const tooOld =
		'the OpenID token lives ten minutes and the wait is fifteen: STS refuses it every time';
	realisations.set(route(...waited, ...tail, 'failed'), { unreachable: tooOld });
	realisations.set(route(...waited, ...tail, 'done'), { unreachable: tooOld });
}
for (const { before, mistakes } of [
	{ before: [] as StateKey[], mistakes: [] },
	{ before: escalation, mistakes: [amr] }
]) {
	realisations.set(route(...head, ...before, 'assumeRoleWithWebIdentity', 'failed'), [
		{ mistakes, scenario: guestRoleForSignedInOnly, error: stsDenied }
	]);
	realisations.set(route(...head, ...before, ...tail, 'failed'), [
		{ mistakes, scenario: guestRoleWithoutPolicy, error: s3Denied }
	]);
	realisations.set(route(...head, ...before, ...tail, 'done'), [{ mistakes }]);
}

/** The exchanges a state makes when it succeeds (with status and code, if not a plain 200). */
const exchangesOf: Record<StateKey, Seen[]> = {
	getId: [seen('GetId')],
	getOpenIdToken: [seen('GetOpenIdToken')],
	assumeAuthenticatedRole: [seen('AssumeRoleWithWebIdentity')],
	// Its refusal is what this step shows; the run carries on from it.
	assumeAuthenticatedRoleAfterFix: [stsDenied],
	openIdTokenExpires: [],
	assumeRoleWithWebIdentity: [seen('AssumeRoleWithWebIdentity')],
	getObject: [seen('GetObject')],
	done: [],
	failed: []
};

// --- The tests -------------------------------------------------------------------------------

const pinnedAt = Date.UTC(2026, 11, 2, 9, 5, 7);

function cloudFor(realisation: Pick<Realisation, 'scenario'> = {}) {
	const scenario = structuredClone(defaultScenario);
	realisation.scenario?.(scenario);
	return createCloud(scenario, {
		clock: { fixed: pinnedAt },
		identityPoolKeys: identityPoolTestKeys
	});
}

const paths = enumeratePaths(basicFlowMachine, inputs, events) as StateKey[][];

describe('basicFlowMachine paths', () => {
	it('every step state names a step of the definition in meta, in the definition order', () => {
		expect(stepsInMeta(basicFlowMachine, { everyNonFinalState: true })).toEqual(
			definition.steps.map((s) => s.id)
		);
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
		expect(paths.length).toBe(18);
	});

	it('every transition of the machine lies on an enumerated path', () => {
		expect(untravelledEdges(basicFlowMachine, paths)).toEqual([]);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});
	const titled = runs.map((r) => {
		const how = [...r.realisation.mistakes, r.realisation.scenario?.name].filter(Boolean);
		return [`${r.path.join(' → ')} (${how.join(', ') || 'as shipped'})`, r] as const;
	});

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const { visited, output } = await visit(
			basicFlowMachine,
			basicFlowInputFor(cloud, {}, realisation.mistakes)
		);
		expect(visited).toEqual(path);

		// Each step makes its exchanges; the step before `failed` ends with the refused one.
		const expected = path.flatMap((key, i): Seen[] => {
			const error = path[i + 1] === 'failed' ? realisation.error : undefined;
			if (!error) return exchangesOf[key];
			return [...exchangesOf[key].slice(0, -1), error];
		});
		const actual = cloud.log.entries.map((e): Seen =>
			seen(e.label, e.response.status, e.outcome.ok ? null : (e.outcome.code ?? null))
		);
		expect(actual).toEqual(expected);
		expect(output.failure?.code ?? null).toBe(
			realisation.failure ?? realisation.error?.code ?? null
		);
	});
});
