import { describe, expect, it } from 'vitest';
import type { Exchange, Scenario } from '$lib/cloud';
import {
	actorOutcomes,
	enumeratePaths,
	seen,
	stepsInMeta,
	untravelledEdges,
	visit,
	type SeenExchange as Seen
} from '../../../../tests/support/machine-paths';
import { configureForMistakes } from './configure-for-mistakes';
import { definition, type EnhancedFlowMistakeId } from './definition';
import type { EnhancedFlowInput } from './enhanced-flow-types';
import { inputFor } from './flow-input';
import { enhancedFlowMachine } from './machine';
import { testCloud } from './test-cloud';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated cloud, or listed with the reason no run can take it. Every invoked actor is offered
 * each kind of answer it can resolve with, and a rejection; guards read the mistakes, so the graph
 * is explored with no mistake, with each one, and with the pairs that add steps together.
 */

type StateKey =
	| 'signIn'
	| 'editAttribute'
	| 'getId'
	| 'getCredentials'
	| 'putObject'
	| 'getObject'
	| 'listObjects'
	| 'readOtherIdentity'
	| 'credentialsExpire'
	| 'readAfterExpiry'
	| 'done'
	| 'failed';

const tokens = {
	idToken: 'id',
	accessToken: 'access',
	refreshToken: 'refresh',
	expiresIn: 3600,
	tokenType: 'Bearer'
};
const s3 = (operation: string) => ({ operation, key: 'k', status: 200, keys: [] });
const outputs: Record<string, unknown[]> = {
	signIn: [{ tokens, username: 'u', sub: 's' }],
	editAttribute: [tokens],
	getId: ['us-east-1:graph'],
	getCredentials: [{ accessKeyId: 'A', secretKey: 'S', sessionToken: 'T', expiration: 1 }],
	putObject: [s3('PutObject')],
	getObject: [s3('GetObject')],
	listObjects: [s3('ListObjectsV2')],
	readOtherIdentity: [s3('GetObject')],
	letCredentialsExpire: [{ from: 0, to: 1 }],
	readAfterExpiry: [s3('GetObject')]
};

const never = () => Promise.reject(new Error('the graph never runs actors'));
const stubInput = (mistakes: EnhancedFlowMistakeId[]): EnhancedFlowInput => ({
	fetch: never,
	send: never,
	clock: { now: () => 0, advance: () => {}, offset: 0 } as unknown as EnhancedFlowInput['clock'],
	region: 'us-east-1',
	userPoolId: 'us-east-1_Graph',
	client: { id: 'client', secret: null },
	user: { username: 'u', password: 'p' },
	identityPoolId: 'us-east-1:pool',
	providerName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Graph',
	bucket: 'bucket',
	otherIdentityKey: 'private/other/notes.txt',
	mistakes
});

const pairs: EnhancedFlowMistakeId[][] = [
	['read-another-identity', 'expired-credentials'],
	['writable-attribute-role-mapping', 'expired-credentials']
];

const events = actorOutcomes(outputs, [new Error('refused')]);
const inputs = [[], ...definition.mistakes.map((m) => [m.id]), ...pairs].map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	mistakes: EnhancedFlowMistakeId[];
	user?: 'alice' | 'bob';
	/** A variant of the default scenario the run needs, besides what the mistakes configure. */
	scenario?: (s: Scenario) => void;
	/** For a path ending in `failed`: the refused exchange. */
	error?: { label: string; status: number; code: string };
}

const identityPoolError = (label: string, code = 'NotAuthorizedException') => ({
	label,
	status: 400,
	code
});
const s3Error = (label: string, code: string, status: number) => ({ label, status, code });

const realisations = new Map<string, Realisation[] | { unreachable: string }>();
const route = (...keys: StateKey[]) => keys.join(' → ');
const unreachable = (reason: string) => ({ unreachable: reason });

/** The editors' role trusts Cognito with sts:AssumeRole, as the mistake does to the default role. */
const editorsAssumeRole = (s: Scenario) => {
	const role = s.iam.roles.find((r) => r.name === 'FlowLabEditors')!;
	role.assumeRolePolicyDocument.Statement[0]!.Action = 'sts:AssumeRole';
};

realisations.set(
	route('signIn', 'failed'),
	unreachable(
		'the demo users sign in with their own passwords and the app answers each challenge at once; refusals inside sign-in belong to the sign-in lesson'
	)
);
realisations.set(
	route('signIn', 'editAttribute', 'failed'),
	unreachable(
		'UpdateUserAttributes and the refresh get tokens issued a moment earlier, and the pool lets users write their attributes'
	)
);
for (const edited of [false, true]) {
	const head: StateKey[] = edited ? ['signIn', 'editAttribute'] : ['signIn'];
	const writable: EnhancedFlowMistakeId[] = edited ? ['writable-attribute-role-mapping'] : [];
	const main: StateKey[] = [
		...head,
		'getId',
		'getCredentials',
		'putObject',
		'getObject',
		'listObjects'
	];
	realisations.set(
		route(...head, 'getId', 'failed'),
		edited
			? [
					{
						mistakes: [...writable, 'access-token-in-logins'],
						error: identityPoolError('GetId')
					}
				]
			: [
					{ mistakes: ['access-token-in-logins'], error: identityPoolError('GetId') },
					{ mistakes: ['wrong-logins-key'], error: identityPoolError('GetId') },
					{ mistakes: ['client-not-configured'], error: identityPoolError('GetId') }
				]
	);
	const invalidConfig = identityPoolError(
		'GetCredentialsForIdentity',
		'InvalidIdentityPoolConfigurationException'
	);
	realisations.set(
		route(...head, 'getId', 'getCredentials', 'failed'),
		edited
			? [{ mistakes: writable, scenario: editorsAssumeRole, error: invalidConfig }]
			: [
					{ mistakes: ['trust-policy-assume-role'], error: invalidConfig },
					{
						mistakes: ['rules-match-nothing'],
						error: identityPoolError('GetCredentialsForIdentity')
					}
				]
	);
	realisations.set(route(...head, 'getId', 'getCredentials', 'putObject', 'failed'), [
		{
			mistakes: [...writable, 'user-pool-sub-in-policy'],
			error: s3Error('PutObject', 'AccessDenied', 403)
		}
	]);
	realisations.set(
		route(...head, 'getId', 'getCredentials', 'putObject', 'getObject', 'failed'),
		unreachable(
			'the note was written a moment earlier with the same credentials, under a key the role may read'
		)
	);
	realisations.set(
		route(...main, 'failed'),
		unreachable('the listing asks for exactly the prefix the role may list')
	);
	// Editing the attribute always goes on to read another identity's note
	if (!edited)
		realisations.set(route(...main, 'done'), [
			{ mistakes: [], user: 'alice' },
			{ mistakes: [], user: 'bob' }
		]);
	realisations.set(
		route(...main, 'readOtherIdentity', 'done'),
		edited ? [{ mistakes: writable }] : [{ mistakes: ['read-another-identity'] }]
	);
	for (const via of [[], ['readOtherIdentity']] as StateKey[][]) {
		const before = [...main, ...via];
		const expired: EnhancedFlowMistakeId[] = [
			...writable,
			...(via.length && !edited ? (['read-another-identity'] as const) : []),
			'expired-credentials'
		];
		if (edited && via.length === 0) continue;
		realisations.set(
			route(...before, 'credentialsExpire', 'failed'),
			unreachable('letting the clock run never fails')
		);
		realisations.set(route(...before, 'credentialsExpire', 'readAfterExpiry', 'failed'), [
			{ mistakes: expired, error: s3Error('GetObject', 'ExpiredToken', 400) }
		]);
		realisations.set(
			route(...before, 'credentialsExpire', 'readAfterExpiry', 'done'),
			unreachable('S3 refuses credentials past their expiration')
		);
	}
}
realisations.set(route('signIn', 'putObject', 'failed'), [
	{ mistakes: ['jwt-straight-to-s3'], error: s3Error('PutObject', 'InvalidArgument', 400) }
]);
for (const tail of [
	['getObject', 'failed'],
	['getObject', 'listObjects', 'failed'],
	['getObject', 'listObjects', 'done']
] as StateKey[][])
	realisations.set(
		route('signIn', 'putObject', ...tail),
		unreachable('S3 never accepts a bearer token, so the write without credentials always fails')
	);

/** The labels a state's own exchanges carry when it succeeds (nested service calls excluded). */
const exchangesOf: Record<StateKey, string[]> = {
	signIn: ['InitiateAuth', 'RespondToAuthChallenge'],
	editAttribute: ['UpdateUserAttributes', 'InitiateAuth'],
	getId: ['GetId'],
	getCredentials: ['GetCredentialsForIdentity'],
	putObject: ['PutObject'],
	getObject: ['GetObject'],
	listObjects: ['ListObjectsV2'],
	readOtherIdentity: ['GetObject'],
	credentialsExpire: [],
	readAfterExpiry: ['GetObject'],
	done: [],
	failed: []
};

/** The error code of a refused exchange, in its protocol's own shape (JSON `__type`, XML `<Code>`). */
function codeOf(exchange: Exchange): string | null {
	const { status, body } = exchange.response;
	if (status < 300) return null;
	const xml = /<Code>([^<]+)<\/Code>/.exec(body);
	if (xml) return xml[1]!;
	return String((JSON.parse(body) as { __type?: string }).__type);
}

const paths = enumeratePaths(enhancedFlowMachine, inputs, events) as StateKey[][];

describe('enhancedFlowMachine paths', () => {
	it('every step state names its step in meta, in the definition’s order', () => {
		expect(stepsInMeta(enhancedFlowMachine, { everyNonFinalState: true })).toEqual(
			definition.steps.map((s) => s.id)
		);
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
	});

	it('every transition of the machine lies on an enumerated path', () => {
		expect(untravelledEdges(enhancedFlowMachine, paths)).toEqual([]);
	});

	it('every mistake realises at least one path', () => {
		const used = new Set(
			[...realisations.values()].flatMap((r) =>
				Array.isArray(r) ? r.flatMap((x) => x.mistakes) : []
			)
		);
		expect([...used].sort()).toEqual(definition.mistakes.map((m) => m.id).sort());
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((realisation) => ({ path, realisation })) : [];
	});
	const titled = runs.map((r) => {
		const user = r.realisation.mistakes.includes('writable-attribute-role-mapping')
			? 'bob'
			: 'alice';
		const who = [r.realisation.user ?? user, ...r.realisation.mistakes].join(', ');
		return [`${r.path.join(' → ')} (${who})`, r] as const;
	});

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = await testCloud(realisation.scenario);
		const input = inputFor(
			cloud,
			realisation.user ? { user: realisation.user } : {},
			realisation.mistakes
		);
		configureForMistakes(cloud.scenario, input.mistakes);
		const { visited, output } = await visit(enhancedFlowMachine, input);
		expect(visited).toEqual(path);

		// Each state makes its exchanges; the one before `failed` ends with the refused one. The
		// read of another identity's note is refused with read-another-identity and goes on.
		const expected = path.flatMap((key, i): Seen[] => {
			const error = path[i + 1] === 'failed' ? realisation.error : undefined;
			// bob answers a SOFTWARE_TOKEN_MFA challenge too
			const labels =
				key === 'signIn' && input.user.totpSecret
					? [...exchangesOf.signIn, 'RespondToAuthChallenge']
					: exchangesOf[key];
			const ok = (error ? labels.slice(0, -1) : labels).map((label) => seen(label));
			if (key === 'readOtherIdentity' && realisation.mistakes.includes('read-another-identity'))
				return [seen('GetObject', 403, 'AccessDenied')];
			return error ? [...ok, seen(error.label, error.status, error.code)] : ok;
		});
		const actual = cloud.log.entries
			.filter((e) => e.parent === undefined)
			.map((e): Seen => seen(e.label, e.response.status, codeOf(e)));
		expect(actual).toEqual(expected);
		expect(output.failure?.code ?? null).toBe(realisation.error?.code ?? null);
	});
});
