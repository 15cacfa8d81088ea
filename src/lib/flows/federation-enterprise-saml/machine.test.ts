import { describe, expect, it } from 'vitest';
import { createCloud, defaultScenario, type Scenario } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire';
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
import { definition, type SamlSignInMistakeId } from './definition';
import { samlSignInMachine } from './machine';
import { samlSignInInputFor } from './saml-sign-in-options';
import type { SamlSignInInput } from './saml-sign-in-types';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated cloud (managed login, the simulated SAML IdP, the user pool), or listed with the
 * reason no run can take it. Every invoked actor is offered its output and an error.
 */

type StateKey =
	| 'discover'
	| 'authorize'
	| 'signInAtIdp'
	| 'postSamlResponse'
	| 'checkCallback'
	| 'redeemCode'
	| 'userInfo'
	| 'done'
	| 'failed';

const outputs: Record<string, unknown[]> = {
	discover: [
		{ issuer: 'https://issuer', authorization_endpoint: 'https://domain/oauth2/authorize' }
	],
	authorize: [{ request: { state: 's' }, idpPage: {} }],
	signInAtIdp: [{ action: 'https://domain/saml2/idpresponse', SAMLResponse: 'x', RelayState: 'r' }],
	postSamlResponse: ['https://app.example.com/callback?code=c'],
	checkCallback: [{ params: new URLSearchParams('code=c'), code: 'c' }],
	redeemCode: [
		{ idToken: null, accessToken: 'a', refreshToken: null, expiresIn: 3600, idClaims: null }
	],
	userInfo: [{ sub: 'x' }]
};

const stubInput = (mistakes: SamlSignInMistakeId[]): SamlSignInInput => ({
	...samlSignInInputFor(createCloud(undefined, { userPoolKeys: testKeys }), {}, mistakes),
	fetch: () => Promise.reject(new Error('the graph never runs actors'))
});

const events = actorOutcomes(outputs, [new Error('refused')]);
const inputs = [[], ...definition.mistakes.map((m) => [m.id])].map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	name: string;
	mistakes: SamlSignInMistakeId[];
	choices?: Record<string, string>;
	scenario?: (s: Scenario) => void;
	/** What the user or the app does differently (types another password, another URI). */
	input?: (input: SamlSignInInput) => void;
	exchanges: Seen[];
	failure?: string;
}

const discovery = seen('GET /us-east-1_FlowLab01/.well-known/openid-configuration');
const toIdp = [seen('GET /oauth2/authorize', 302), seen('GET /metadata'), seen('GET /sso')];
const atIdp = seen('POST /sso/login');
const head = [discovery, ...toIdp, atIdp];
const refusedPost = seen('POST /saml2/idpresponse', 302, 'server_error');
const signedIn = [
	...head,
	seen('POST /saml2/idpresponse', 302),
	seen('POST /oauth2/token'),
	seen('GET /oauth2/userInfo')
];

const realisations = new Map<string, Realisation[] | { unreachable: string }>();
const route = (...keys: StateKey[]) => keys.join(' → ');
const upTo: StateKey[] = ['discover', 'authorize', 'signInAtIdp', 'postSamlResponse'];

realisations.set(route('discover', 'failed'), {
	unreachable:
		"the app's issuer is built from the scenario's own pool id and region, and the pool always publishes its discovery document"
});
realisations.set(route('discover', 'authorize', 'failed'), [
	{
		name: 'a redirect URI the client does not list: managed login shows its error page',
		mistakes: [],
		input: (input) => {
			input.redirectUri = `${input.redirectUri}/`;
		},
		exchanges: [discovery, seen('GET /oauth2/authorize', 400, 'redirect_mismatch')],
		failure: 'redirect_mismatch'
	}
]);
realisations.set(route('discover', 'authorize', 'signInAtIdp', 'failed'), [
	{
		name: 'the employee mistypes their password: the IdP shows its form again with 400',
		mistakes: [],
		input: (input) => {
			input.login = { ...input.login, password: 'not-my-password' };
		},
		exchanges: [discovery, ...toIdp, seen('POST /sso/login', 400)],
		failure: 'SamlIdpSignInError'
	}
]);
realisations.set(route(...upTo, 'failed'), [
	{
		name: 'an assertion for another audience',
		mistakes: ['wrong-audience'],
		exchanges: [...head, refusedPost],
		failure: 'server_error'
	},
	{
		name: 'a response edited in the browser',
		mistakes: ['tampered-response'],
		exchanges: [...head, refusedPost],
		failure: 'server_error'
	},
	{
		name: 'a response posted after NotOnOrAfter',
		mistakes: ['assertion-expired'],
		exchanges: [...head, refusedPost],
		failure: 'server_error'
	}
]);
realisations.set(route(...upTo, 'checkCallback', 'failed'), {
	unreachable:
		"Cognito sends the app's own state back with a code; a refusal of the SAML response comes back as error=server_error, which the previous step already reads"
});
realisations.set(route(...upTo, 'checkCallback', 'redeemCode', 'failed'), {
	unreachable:
		'the app redeems the code moments after Cognito issued it, with the redirect URI and the verifier whose challenge it sent'
});
realisations.set(route(...upTo, 'checkCallback', 'redeemCode', 'userInfo', 'failed'), {
	unreachable:
		'userInfo accepts an access token the token endpoint issued moments earlier with the openid scope'
});
realisations.set(route(...upTo, 'checkCallback', 'redeemCode', 'userInfo', 'done'), [
	{ name: 'the default run (jdoe)', mistakes: [], exchanges: signedIn },
	{ name: 'rroe signs in', mistakes: [], choices: { user: 'rroe' }, exchanges: signedIn }
]);

// --- The tests -------------------------------------------------------------------------------

function cloudFor(realisation: Pick<Realisation, 'scenario'>) {
	const scenario = structuredClone(defaultScenario);
	realisation.scenario?.(scenario);
	return createCloud(scenario, { userPoolKeys: testKeys });
}

const paths = enumeratePaths(samlSignInMachine, inputs, events) as StateKey[][];

describe('samlSignInMachine paths', () => {
	it('every step state names its step in meta, in the order of the definition', () => {
		expect(stepsInMeta(samlSignInMachine)).toEqual(definition.steps.map((s) => s.id));
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
	});

	it('every transition of the machine lies on an enumerated path', () => {
		expect(untravelledEdges(samlSignInMachine, paths)).toEqual([]);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});
	const titled = runs.map((r) => [`${r.path.join(' → ')} (${r.realisation.name})`, r] as const);

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const input = samlSignInInputFor(cloud, realisation.choices ?? {}, realisation.mistakes);
		realisation.input?.(input);
		const { visited, output } = await visit(samlSignInMachine, input);
		expect(visited).toEqual(path);
		const actual = cloud.log.entries.map((e): Seen => {
			const outcome = readOutcome(e.response);
			return seen(e.label, e.response.status, outcome.ok ? null : outcome.code);
		});
		expect(actual).toEqual(realisation.exchanges);
		expect(output.failure?.code ?? null).toBe(realisation.failure ?? null);
	});
});
