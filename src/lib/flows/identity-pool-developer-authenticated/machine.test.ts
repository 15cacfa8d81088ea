import { describe, expect, it } from 'vitest';
import { createCloud, defaultScenario, type Exchange, type Scenario } from '$lib/cloud';
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
import { testKeys } from '../../../../tests/support/test-keys';
import { definition } from './definition';
import { developerInputFor } from './developer-input';
import type { DeveloperFlowInput, DeveloperMistakeId, DeveloperVariant } from './developer-types';
import { developerFlowMachine } from './machine';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated cloud, or listed with the reason no lab input can produce it. Every invoked actor is
 * offered its one kind of answer and a rejection; the guards read the mistakes, so the graph is
 * explored once with none and once per mistake.
 */

type StateKey =
	| 'start'
	| 'signInToBackEnd'
	| 'getIdentityToken'
	| 'mintTokenInBrowser'
	| 'getCredentials'
	| 'putNote'
	| 'readNote'
	| 'keysStolen'
	| 'attackerMintsToken'
	| 'attackerGetsCredentials'
	| 'attackerReadsNote'
	| 'done'
	| 'failed';

const identity = { identityId: 'us-east-1:id', token: 'token' };
const credentials = { accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration: 0 };
const key = { accessKeyId: 'AKIA', secretAccessKey: 's' };
const outputs: Record<string, unknown[]> = {
	signInToBackEnd: [{ userId: 'user-1001', session: 's' }],
	requestIdentityToken: [identity],
	mintDeveloperToken: [identity],
	getCredentials: [credentials],
	putNote: [undefined],
	readNote: ['note'],
	stealKeys: [key],
	attackerMintsToken: [identity],
	attackerGetsCredentials: [credentials],
	attackerReadsNote: ['note']
};

const stubInput = (mistakes: DeveloperMistakeId[]): DeveloperFlowInput => ({
	fetch: () => Promise.reject(new Error('the graph never runs actors')),
	attackerFetch: () => Promise.reject(new Error('the graph never runs actors')),
	clock: { now: () => 0, advance: () => {}, offset: 0 } as unknown as DeveloperFlowInput['clock'],
	region: 'us-east-1',
	identityPoolId: 'us-east-1:pool',
	developerProviderName: 'login.example',
	authenticatedRoleArn: 'arn:aws:iam::1:role/R',
	bucket: 'b',
	user: { username: 'u', password: 'p', userId: 'user-1' },
	victim: { username: 'v', userId: 'user-2' },
	backEndKey: key,
	variant: 'enhanced',
	mistakes
});

const events = actorOutcomes(outputs, [new Error('refused')]);
const inputs = [[], ...definition.mistakes.map((m) => [m.id])].map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	user?: 'alice' | 'bob';
	variant?: DeveloperVariant;
	mistakes: DeveloperMistakeId[];
	scenario?: (s: Scenario) => void;
	/** Changes to the machine's input a learner cannot make (a mistyped password). */
	input?: (input: DeveloperFlowInput) => DeveloperFlowInput;
	/** For a path ending in `failed`: the refused exchange and its error code. */
	error?: { label: string; status: number; code: string };
	/** The refused call a service made while answering the refused exchange. */
	nested?: [label: string, status: number, code: string];
}

const route = (...keys: StateKey[]) => keys.join(' → ');
const realisations = new Map<string, Realisation[] | { unreachable: string }>();

/** The authenticated role may no longer do `action` in the bucket. */
const withoutAction = (action: string) => (s: Scenario) => {
	const role = s.iam.roles.find((r) => r.name === 'FlowLabAuthenticated')!;
	for (const policy of Object.values(role.policies))
		for (const statement of policy.Statement) {
			const actions = [statement.Action ?? []].flat().filter((a) => a !== action);
			statement.Action = actions;
		}
};
const accessDenied = (label: string) => ({ label, status: 403, code: 'AccessDenied' });
const notAuthorized = (label: string) => ({ label, status: 400, code: 'NotAuthorizedException' });

// `start` only picks the first step (an eventless transition): no snapshot ever rests there.
const app: StateKey[] = ['signInToBackEnd', 'getIdentityToken'];
const browser: StateKey[] = ['mintTokenInBrowser'];
const keys: DeveloperMistakeId = 'long-term-keys-in-browser';

realisations.set(route('signInToBackEnd', 'failed'), [
	{
		mistakes: [],
		input: (input) => ({ ...input, user: { ...input.user, password: 'Own-Login-Alice-41' } }),
		error: { label: 'POST /sign-in', status: 401, code: 'invalid_credentials' }
	}
]);
realisations.set(route(...app, 'failed'), [
	{
		mistakes: [],
		// The back end's IAM user loses its permission: the identity pool refuses the signed call
		scenario: (s) => (s.iam.users[0]!.policies = {}),
		error: { label: 'POST /identity-token', status: 502, code: 'identity_pool_refused' },
		nested: ['GetOpenIdTokenForDeveloperIdentity', 400, 'AccessDeniedException']
	}
]);
realisations.set(route(...browser, 'failed'), [
	{
		mistakes: [keys],
		scenario: (s) => (s.iam.users[0]!.policies = {}),
		error: {
			label: 'GetOpenIdTokenForDeveloperIdentity',
			status: 400,
			code: 'AccessDeniedException'
		}
	}
]);
for (const [head, extra] of [
	[app, []],
	[browser, [keys]]
] as const) {
	const mistakes = (more: DeveloperMistakeId[] = []) => [...extra, ...more];
	realisations.set(route(...head, 'getCredentials', 'failed'), [
		{
			mistakes: mistakes(['get-id-with-developer-token']),
			error: notAuthorized('GetId')
		},
		{
			mistakes: mistakes(['identity-id-without-token']),
			error: notAuthorized('GetCredentialsForIdentity')
		}
	]);
	for (const variant of ['enhanced', 'basic'] as const) {
		const entry = (r: Omit<Realisation, 'variant' | 'mistakes'>) => ({
			variant,
			mistakes: mistakes(),
			...r
		});
		const list = (k: string) => (realisations.get(k) as Realisation[] | undefined) ?? [];
		const putFailed = route(...head, 'getCredentials', 'putNote', 'failed');
		realisations.set(putFailed, [
			...list(putFailed),
			entry({ scenario: withoutAction('s3:PutObject'), error: accessDenied('PutObject') })
		]);
		const readFailed = route(...head, 'getCredentials', 'putNote', 'readNote', 'failed');
		realisations.set(readFailed, [
			...list(readFailed),
			entry({ scenario: withoutAction('s3:GetObject'), error: accessDenied('GetObject') })
		]);
	}
}
const ownRun: StateKey[] = [...app, 'getCredentials', 'putNote', 'readNote'];
realisations.set(route(...ownRun, 'done'), [
	{ user: 'alice', variant: 'enhanced', mistakes: [] },
	{ user: 'bob', variant: 'enhanced', mistakes: [] },
	{ user: 'alice', variant: 'basic', mistakes: [] },
	{ user: 'bob', variant: 'basic', mistakes: [] }
]);
const stolen: StateKey[] = [...browser, 'getCredentials', 'putNote', 'readNote', 'keysStolen'];
realisations.set(route(...stolen, 'failed'), {
	unreachable: 'the script never reads the answer, and the collector answers every request with 204'
});
realisations.set(route(...stolen, 'attackerMintsToken', 'failed'), {
	unreachable:
		'the attacker signs the very call the same key signed moments earlier, for the same user id'
});
realisations.set(route(...stolen, 'attackerMintsToken', 'attackerGetsCredentials', 'failed'), {
	unreachable: "the token was issued moments earlier for the identity the app's own token named"
});
realisations.set(
	route(...stolen, 'attackerMintsToken', 'attackerGetsCredentials', 'attackerReadsNote', 'failed'),
	{ unreachable: "the same role's policy let the app read this very note moments earlier" }
);
realisations.set(
	route(...stolen, 'attackerMintsToken', 'attackerGetsCredentials', 'attackerReadsNote', 'done'),
	[
		{ user: 'alice', variant: 'enhanced', mistakes: [keys] },
		{ user: 'bob', variant: 'basic', mistakes: [keys] }
	]
);

/** The labels a state's exchanges carry when it succeeds, with their status (200 unless given). */
const exchangesOf = (key: StateKey, variant: DeveloperVariant): [string, number][] => {
	const trade: [string, number] =
		variant === 'basic' ? ['AssumeRoleWithWebIdentity', 200] : ['GetCredentialsForIdentity', 200];
	const labels: Record<StateKey, [string, number][]> = {
		start: [],
		signInToBackEnd: [['POST /sign-in', 200]],
		getIdentityToken: [
			['POST /identity-token', 200],
			['GetOpenIdTokenForDeveloperIdentity', 200]
		],
		mintTokenInBrowser: [['GetOpenIdTokenForDeveloperIdentity', 200]],
		getCredentials: [trade],
		putNote: [['PutObject', 200]],
		readNote: [['GetObject', 200]],
		keysStolen: [['POST /keys', 204]],
		attackerMintsToken: [['GetOpenIdTokenForDeveloperIdentity', 200]],
		attackerGetsCredentials: [['GetCredentialsForIdentity', 200]],
		attackerReadsNote: [['GetObject', 200]],
		done: [],
		failed: []
	};
	return labels[key];
};

// --- The tests -------------------------------------------------------------------------------

const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);

function cloudFor(realisation: Pick<Realisation, 'scenario'> = {}) {
	const scenario = structuredClone(defaultScenario);
	realisation.scenario?.(scenario);
	return createCloud(scenario, {
		clock: { fixed: pinnedAt },
		userPoolKeys: testKeys,
		identityPoolKeys: identityPoolTestKeys
	});
}

/** The error code of a refused exchange, in whichever shape its service speaks. */
function codeOf(exchange: Exchange): string {
	const body = exchange.response.body;
	if (body.startsWith('{')) {
		const json = JSON.parse(body) as { __type?: string; error?: string };
		return json.__type ?? json.error ?? '';
	}
	return /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? '';
}

const paths = enumeratePaths(developerFlowMachine, inputs, events) as StateKey[][];

describe('developerFlowMachine paths', () => {
	it('every step state names a step of the definition in meta, in the definition order', () => {
		expect(stepsInMeta(developerFlowMachine)).toEqual(definition.steps.map((s) => s.id));
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
	});

	it('every transition of the machine lies on an enumerated path', () => {
		expect(untravelledEdges(developerFlowMachine, paths)).toEqual([]);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});
	const titled = runs.map((r) => {
		const { user = 'alice', variant = 'enhanced', mistakes } = r.realisation;
		return [`${r.path.join(' → ')} (${[user, variant, ...mistakes].join(', ')})`, r] as const;
	});

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const { user = 'alice', variant = 'enhanced' } = realisation;
		const base = developerInputFor(cloud, { user, variant }, realisation.mistakes);
		const { visited, output } = await visit(
			developerFlowMachine,
			realisation.input?.(base) ?? base
		);
		expect(visited).toEqual(path);

		const used: DeveloperVariant = realisation.mistakes.includes('identity-id-without-token')
			? 'enhanced'
			: variant;
		const expected = path.flatMap((key, i): Seen[] => {
			const labels = exchangesOf(key, used).map(([label, status]) => seen(label, status));
			const error = path[i + 1] === 'failed' ? realisation.error : undefined;
			if (!error) return labels;
			// The step before `failed` ends with the refused exchange (and a refused nested call)
			const index = labels.findIndex(({ label }) => label === error.label);
			const ok = labels.slice(0, index === -1 ? labels.length - 1 : index);
			return [
				...ok,
				seen(error.label, error.status, error.code),
				...(realisation.nested ? [seen(...realisation.nested)] : [])
			];
		});
		const actual = [...cloud.log.entries]
			.sort((a, b) => a.id - b.id)
			.map((e): Seen =>
				seen(e.label, e.response.status, e.response.status < 300 ? null : codeOf(e))
			);
		expect(actual).toEqual(expected);
		expect(output.failure?.__type ?? null).toBe(realisation.error?.code ?? null);
	});
});
