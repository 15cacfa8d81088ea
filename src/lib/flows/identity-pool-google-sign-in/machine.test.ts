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
import { definition, type GoogleFlowMistakeId } from './definition';
import { googleFlowInputFor } from './google-flow-options';
import type { GoogleFlowInput } from './google-flow-types';
import { googleFlowMachine } from './machine';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated cloud (Google, the identity pool, IAM, S3, managed login). Every invoked actor is
 * offered each answer it can resolve with, and a rejection. A path no lab input can produce is
 * listed with the reason; anything else without a realisation fails the test.
 */

type StateKey =
	| 'signInWithGoogle'
	| 'redeemCode'
	| 'askUserPool'
	| 'getId'
	| 'getCredentials'
	| 'putObject'
	| 'getObject'
	| 'done'
	| 'failed';

const outputs: Record<string, unknown[]> = {
	signInWithGoogle: [{ code: 'code', state: 'state', nonce: 'nonce' }],
	redeemCode: [
		{
			idToken: 'eyJ.id.token',
			accessToken: 'ya29.x',
			expiresIn: 3599,
			sub: '1',
			email: 'a@example.com',
			exp: 3600
		}
	],
	askUserPool: [{ sub: '1' }],
	getId: ['us-east-1:graph'],
	getCredentials: [
		{ accessKeyId: 'ASIA', secretKey: 'secret', sessionToken: 'token', expiration: 3600 }
	],
	putObject: [{ operation: 'PutObject', key: 'k', status: 200 }],
	getObject: [{ operation: 'GetObject', key: 'k', status: 200, body: 'note' }]
};

const stubInput = (mistakes: GoogleFlowMistakeId[]): GoogleFlowInput => {
	const input = googleFlowInputFor(createCloud(), {}, mistakes);
	return { ...input, fetch: () => Promise.reject(new Error('the graph never runs actors')) };
};

const events = actorOutcomes(outputs, [new Error('refused')]);
const inputs = [[], ...definition.mistakes.map((m) => [m.id])].map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	name: string;
	mistakes: GoogleFlowMistakeId[];
	choices?: Record<string, string>;
	/** A variant of the default scenario the run needs. */
	scenario?: (s: Scenario) => void;
	/** A change to what the app (or its back end) is configured with. */
	input?: (i: GoogleFlowInput) => void;
	/** Every exchange of the run, in the order it was sent. */
	exchanges: Seen[];
	/** The error code the run ends with, if it fails. */
	failure?: string;
}

const authRole = (s: Scenario) => s.iam.roles.find((r) => r.name === 'FlowLabAuthenticated')!;
const atGoogle = [seen('GET /o/oauth2/v2/auth'), seen('POST /signin'), seen('POST /consent', 302)];
const tokens = [...atGoogle, seen('POST /token')];
const identity = [...tokens, seen('GetId'), seen('GetCredentialsForIdentity')];

const realisations = new Map<string, Realisation[] | { unreachable: string }>();
const route = (...keys: StateKey[]) => keys.join(' → ');
const head: StateKey[] = ['signInWithGoogle', 'redeemCode', 'getId', 'getCredentials'];

realisations.set(route('signInWithGoogle', 'failed'), [
	{
		name: 'the user mistypes their Google password',
		mistakes: [],
		input: (i) => {
			i.login.password = 'Google-Alice-24';
		},
		// Google shows its form again, saying what was wrong; the user does not retry.
		exchanges: [seen('GET /o/oauth2/v2/auth'), seen('POST /signin', 400)],
		failure: 'GoogleSignInError'
	}
]);
realisations.set(route('signInWithGoogle', 'redeemCode', 'failed'), [
	{
		name: 'a back end still configured with an old client secret',
		mistakes: [],
		input: (i) => {
			i.google.clientSecret = 'GOCSPX-an-old-secret';
		},
		exchanges: [...atGoogle, seen('POST /token', 401, 'invalid_client')],
		failure: 'invalid_client'
	}
]);
realisations.set(route('signInWithGoogle', 'redeemCode', 'askUserPool', 'failed'), [
	{
		name: 'Google’s token shown to the user pool',
		mistakes: ['provider-token-to-user-pool'],
		exchanges: [...tokens, seen('GET /oauth2/userInfo', 401, 'invalid_token')],
		failure: 'invalid_token'
	}
]);
realisations.set(route('signInWithGoogle', 'redeemCode', 'askUserPool', 'done'), {
	unreachable:
		'the user pool honours only tokens signed with its own keys: userInfo never accepts a token Google signed'
});
realisations.set(route('signInWithGoogle', 'redeemCode', 'getId', 'failed'), [
	{
		name: 'wrong Logins key',
		mistakes: ['wrong-logins-key'],
		exchanges: [...tokens, seen('GetId', 400, 'NotAuthorizedException')],
		failure: 'NotAuthorizedException'
	},
	{
		name: 'Google’s access token in Logins',
		mistakes: ['google-access-token-in-logins'],
		exchanges: [...tokens, seen('GetId', 400, 'NotAuthorizedException')],
		failure: 'NotAuthorizedException'
	}
]);
realisations.set(route(...head, 'failed'), [
	{
		name: 'an authenticated role whose trust policy names sts:AssumeRole (reference §11 row 19)',
		mistakes: [],
		scenario: (s) => {
			authRole(s).assumeRolePolicyDocument.Statement[0]!.Action = 'sts:AssumeRole';
		},
		exchanges: [
			...tokens,
			seen('GetId'),
			seen('GetCredentialsForIdentity', 400, 'InvalidIdentityPoolConfigurationException')
		],
		failure: 'InvalidIdentityPoolConfigurationException'
	}
]);
realisations.set(route(...head, 'putObject', 'failed'), [
	{
		name: 'an authenticated role with no S3 permissions',
		mistakes: [],
		scenario: (s) => {
			authRole(s).policies = {};
		},
		exchanges: [...identity, seen('PutObject', 403, 'AccessDenied')],
		failure: 'AccessDenied'
	}
]);
realisations.set(route(...head, 'putObject', 'getObject', 'failed'), [
	{
		name: 'an authenticated role that may write its prefix but not read it',
		mistakes: [],
		scenario: (s) => {
			authRole(s).policies = {
				write: {
					Version: '2012-10-17',
					Statement: [
						{
							Effect: 'Allow',
							Action: 's3:PutObject',
							Resource:
								'arn:aws:s3:::flow-lab-notes/private/${cognito-identity.amazonaws.com:sub}/*'
						}
					]
				}
			};
		},
		exchanges: [...identity, seen('PutObject'), seen('GetObject', 403, 'AccessDenied')],
		failure: 'AccessDenied'
	}
]);
realisations.set(route(...head, 'putObject', 'getObject', 'done'), [
	{
		name: 'the default run',
		mistakes: [],
		exchanges: [...identity, seen('PutObject'), seen('GetObject')]
	},
	{
		name: 'the other Google account',
		mistakes: [],
		choices: { account: 'dana' },
		exchanges: [...identity, seen('PutObject'), seen('GetObject')]
	}
]);

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

const paths = enumeratePaths(googleFlowMachine, inputs, events) as StateKey[][];

describe('googleFlowMachine paths', () => {
	it('every step state names its step in meta, in the order of the definition', () => {
		expect(stepsInMeta(googleFlowMachine)).toEqual(definition.steps.map((s) => s.id));
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
		expect(paths.length).toBe(9);
	});

	it('every transition of the machine lies on an enumerated path', () => {
		expect(untravelledEdges(googleFlowMachine, paths)).toEqual([]);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});
	const titled = runs.map((r) => [`${r.path.join(' → ')} (${r.realisation.name})`, r] as const);

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const input = googleFlowInputFor(cloud, realisation.choices ?? {}, realisation.mistakes);
		realisation.input?.(input);
		const { visited, output } = await visit(googleFlowMachine, input);
		expect(visited).toEqual(path);
		const actual = cloud.log.entries.map((e): Seen => {
			const outcome = readOutcome(e.response);
			return seen(e.label, e.response.status, outcome.ok ? null : outcome.code);
		});
		expect(actual).toEqual(realisation.exchanges);
		expect(output.failure?.code ?? null).toBe(realisation.failure ?? null);
	});
});
