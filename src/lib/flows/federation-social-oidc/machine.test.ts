import { describe, expect, it } from 'vitest';
import { createCloud, defaultScenario, type Scenario } from '$lib/cloud';
import { federationLifetimeMs } from '$lib/cloud/managed-login/managed-login-state';
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
import { definition, type SocialSignInMistakeId } from './definition';
import { SignInRefusal } from '../shared/oauth-refusal';
import { socialSignInInputFor } from './social-sign-in-options';
import type { SocialSignInInput } from './social-sign-in-types';
import { socialSignInMachine } from './machine';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated cloud (managed login, the simulated Google, the user pool), or listed with the reason
 * no run can take it. Every invoked actor is offered each kind of answer: its output, an
 * `invalid_grant` refusal (the only one PKCE's lesson carries on from) and any other error.
 */

type StateKey =
	| 'discover'
	| 'authorize'
	| 'signInAtGoogle'
	| 'idpResponse'
	| 'attackerRedeemsCode'
	| 'checkCallback'
	| 'codeExpires'
	| 'redeemCode'
	| 'redeemAgain'
	| 'userInfo'
	| 'logOut'
	| 'userInfoAfterLogout'
	| 'passwordSignIn'
	| 'done'
	| 'failed';

const tokens = {
	idToken: null,
	accessToken: 'a',
	refreshToken: null,
	expiresIn: 3600,
	idClaims: null
};
const outputs: Record<string, unknown[]> = {
	discover: [
		{ issuer: 'https://issuer', authorization_endpoint: 'https://domain/oauth2/authorize' }
	],
	authorize: [{ request: { state: 's' }, googlePage: {} }],
	signInAtGoogle: ['https://domain/oauth2/idpresponse?code=g'],
	idpResponse: ['https://app.example.com/callback?code=c'],
	attackerRedeemsCode: [tokens],
	checkCallback: [
		{ url: 'https://app.example.com/callback', params: null, code: 'c', tokens: null }
	],
	letCodeExpire: [0],
	redeemCode: [tokens],
	userInfo: [{ sub: 'x' }],
	logOut: ['https://app.example.com/'],
	passwordSignIn: [{ username: 'alice', sub: 'a11ce' }]
};

const invalidGrant = new SignInRefusal({
	service: 'managed-login',
	code: 'invalid_grant',
	message: '',
	status: 400
});

const stubInput = (mistakes: SocialSignInMistakeId[]): SocialSignInInput => ({
	...socialSignInInputFor(createCloud(undefined, { userPoolKeys: testKeys }), {}, mistakes),
	fetch: () => Promise.reject(new Error('the graph never runs actors'))
});

const events = actorOutcomes(outputs, [new Error('refused'), invalidGrant]);
const inputs = [[], ...definition.mistakes.map((m) => [m.id])].map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	name: string;
	mistakes: SocialSignInMistakeId[];
	/** A variant of the default scenario the run needs. */
	scenario?: (s: Scenario) => void;
	/** What the user does differently (types another password, lingers on a page). */
	input?: (input: SocialSignInInput, cloud: ReturnType<typeof createCloud>) => void;
	/** Every exchange of the run, in the order it was sent. */
	exchanges: Seen[];
	/** The error the run ends with, if it fails. */
	failure?: string;
}

const discovery = seen('GET /us-east-1_FlowLab01/.well-known/openid-configuration');
const toGoogle = [seen('GET /oauth2/authorize', 302), seen('GET /o/oauth2/v2/auth')];
const atGoogle = [seen('POST /signin'), seen('POST /consent', 302)];
const googleToken = seen('POST /token');
const googleKeys = seen('GET /oauth2/v3/certs');
const idpResponse = [seen('GET /oauth2/idpresponse', 302), googleToken, googleKeys];
const throughGoogle = [discovery, ...toGoogle, ...atGoogle, ...idpResponse];
const token = seen('POST /oauth2/token');
const userInfo = seen('GET /oauth2/userInfo');
const webClient = (s: Scenario) => s.userPool.clients.find((c) => c.name === 'web-app')!;

const realisations = new Map<string, Realisation[] | { unreachable: string }>();
const route = (...keys: StateKey[]) => keys.join(' → ');
const head: StateKey[] = ['discover', 'authorize', 'signInAtGoogle', 'idpResponse'];

realisations.set(route('discover', 'failed'), {
	unreachable:
		"the app's issuer is built from the scenario's own pool id and region, and the pool always publishes its discovery document"
});
realisations.set(route('discover', 'authorize', 'failed'), [
	{
		name: 'redirect URI not listed',
		mistakes: ['redirect-uri-not-listed'],
		exchanges: [discovery, seen('GET /oauth2/authorize', 400, 'redirect_mismatch')],
		failure: 'redirect_mismatch'
	},
	{
		name: 'scopes without openid',
		mistakes: ['scopes-without-openid'],
		exchanges: [discovery, seen('GET /oauth2/authorize', 302, 'invalid_scope')],
		failure: 'invalid_scope'
	}
]);
realisations.set(route('discover', 'authorize', 'signInAtGoogle', 'failed'), [
	{
		name: 'the user mistypes their Google password',
		mistakes: [],
		input: (input) => {
			input.login = { ...input.login, password: 'not-my-password' };
		},
		exchanges: [discovery, ...toGoogle, seen('POST /signin', 400)],
		failure: 'access_denied'
	}
]);
realisations.set(route(...head, 'failed'), [
	{
		name: "the user lingers on Google's pages until Cognito has forgotten the sign-in",
		mistakes: [],
		input: (input, cloud) => {
			const go = input.browser.go.bind(input.browser);
			input.browser = {
				...input.browser,
				go: (url, options) => {
					if (url.includes('/oauth2/idpresponse'))
						cloud.clock.advance(federationLifetimeMs + 60_000);
					return go(url, options);
				}
			};
		},
		exchanges: [discovery, ...toGoogle, ...atGoogle, seen('GET /oauth2/idpresponse', 400)],
		failure: 'HTTP 400'
	}
]);
realisations.set(route(...head, 'attackerRedeemsCode', 'done'), [
	{
		name: 'code stolen without PKCE',
		mistakes: ['code-stolen-without-pkce'],
		exchanges: [...throughGoogle, token]
	},
	{
		name: 'code stolen with PKCE: refused, and the run goes on to its end',
		mistakes: ['code-stolen-with-pkce'],
		exchanges: [...throughGoogle, seen('POST /oauth2/token', 400, 'invalid_grant')]
	}
]);
realisations.set(route(...head, 'attackerRedeemsCode', 'failed'), {
	unreachable:
		'the attacker posts a code of the right client and redirect URI moments after it was issued: Cognito either redeems it or wants the verifier (invalid_grant)'
});
realisations.set(route(...head, 'checkCallback', 'failed'), [
	{
		name: 'state mismatch',
		mistakes: ['state-mismatch'],
		exchanges: throughGoogle,
		failure: 'OperationProcessingError'
	},
	{
		name: "Cognito's client secret at Google is wrong: the federation error comes back to the app",
		mistakes: [],
		scenario: (s) => {
			const google = s.userPool.identityProviders!.find((p) => p.providerType === 'Google');
			if (google?.providerType === 'Google') google.clientSecret = 'GOCSPX-wrong';
		},
		exchanges: [
			discovery,
			...toGoogle,
			...atGoogle,
			seen('GET /oauth2/idpresponse', 302, 'invalid_request'),
			seen('POST /token', 401, 'invalid_client')
		],
		failure: 'invalid_request'
	}
]);
realisations.set(route(...head, 'checkCallback', 'codeExpires', 'failed'), {
	unreachable: 'letting time pass on the simulated clock cannot fail'
});
realisations.set(route(...head, 'checkCallback', 'codeExpires', 'redeemCode', 'failed'), [
	{
		name: 'code expired',
		mistakes: ['code-expired'],
		exchanges: [...throughGoogle, seen('POST /oauth2/token', 400, 'invalid_grant')],
		failure: 'invalid_grant'
	}
]);
for (const tail of [
	['userInfo', 'done'],
	['userInfo', 'failed']
] as StateKey[][])
	realisations.set(route(...head, 'checkCallback', 'codeExpires', 'redeemCode', ...tail), {
		unreachable: 'a code left for six minutes has expired: Cognito never redeems it'
	});
realisations.set(route(...head, 'checkCallback', 'redeemCode', 'failed'), [
	{
		name: 'wrong code verifier',
		mistakes: ['wrong-code-verifier'],
		exchanges: [...throughGoogle, seen('POST /oauth2/token', 400, 'invalid_grant')],
		failure: 'invalid_grant'
	}
]);
realisations.set(route(...head, 'checkCallback', 'redeemCode', 'userInfo', 'done'), [
	{ name: 'the default run', mistakes: [], exchanges: [...throughGoogle, token, userInfo] },
	{
		name: 'no nonce',
		mistakes: ['nonce-not-checked'],
		exchanges: [...throughGoogle, token, userInfo]
	},
	{
		name: 'client secret in the browser',
		mistakes: ['client-secret-in-browser'],
		exchanges: [...throughGoogle, token, userInfo]
	}
]);
const freshToken =
	'userInfo accepts an access token the token endpoint issued moments earlier with the openid scope (without openid, authorize refuses first)';
realisations.set(route(...head, 'checkCallback', 'redeemCode', 'userInfo', 'failed'), {
	unreachable: freshToken
});
realisations.set(route(...head, 'checkCallback', 'userInfo', 'done'), [
	{
		name: 'implicit grant',
		mistakes: ['implicit-grant'],
		exchanges: [
			discovery,
			...toGoogle,
			...atGoogle,
			seen('GET /oauth2/idpresponse', 302),
			googleToken,
			googleKeys,
			userInfo
		]
	}
]);
realisations.set(route(...head, 'checkCallback', 'userInfo', 'failed'), {
	unreachable: freshToken
});
realisations.set(route(...head, 'checkCallback', 'redeemCode', 'redeemAgain', 'failed'), [
	{
		name: 'code reused',
		mistakes: ['code-reused'],
		exchanges: [...throughGoogle, token, seen('POST /oauth2/token', 400, 'invalid_grant')],
		failure: 'invalid_grant'
	}
]);
for (const tail of [
	['userInfo', 'done'],
	['userInfo', 'failed']
] as StateKey[][])
	realisations.set(route(...head, 'checkCallback', 'redeemCode', 'redeemAgain', ...tail), {
		unreachable: 'a code is single-use: the second redemption is always invalid_grant'
	});
realisations.set(route(...head, 'checkCallback', 'redeemCode', 'userInfo', 'logOut', 'failed'), [
	{
		name: 'a client with no sign-out URL: /logout shows its error page',
		mistakes: ['logout-keeps-tokens'],
		scenario: (s) => {
			webClient(s).logoutUrls = [];
		},
		exchanges: [...throughGoogle, token, userInfo, seen('GET /logout', 400)],
		failure: 'HTTP 400'
	}
]);
realisations.set(
	route(
		...head,
		'checkCallback',
		'redeemCode',
		'userInfo',
		'logOut',
		'userInfoAfterLogout',
		'done'
	),
	[
		{
			name: '/logout believed to revoke tokens',
			mistakes: ['logout-keeps-tokens'],
			exchanges: [...throughGoogle, token, userInfo, seen('GET /logout', 302), userInfo]
		}
	]
);
realisations.set(
	route(
		...head,
		'checkCallback',
		'redeemCode',
		'userInfo',
		'logOut',
		'userInfoAfterLogout',
		'failed'
	),
	{
		unreachable:
			'/logout ends the managed-login session and leaves issued tokens valid (cognito.md §5.6)'
	}
);

const passwordSignIn = [
	seen('GET /oauth2/authorize', 302),
	seen('GET /login'),
	seen('POST /login', 302),
	token
];
realisations.set(
	route(...head, 'checkCallback', 'redeemCode', 'userInfo', 'passwordSignIn', 'done'),
	[
		{
			name: 'same email, two users',
			mistakes: ['duplicate-users'],
			exchanges: [...throughGoogle, token, userInfo, ...passwordSignIn]
		}
	]
);
realisations.set(
	route(...head, 'checkCallback', 'redeemCode', 'userInfo', 'passwordSignIn', 'failed'),
	[
		{
			name: "the pool user with the same email is disabled: managed login's form refuses her",
			mistakes: ['duplicate-users'],
			scenario: (s) => {
				s.userPool.users.find((u) => u.username === 'alice')!.enabled = false;
			},
			exchanges: [
				...throughGoogle,
				token,
				userInfo,
				seen('GET /oauth2/authorize', 302),
				seen('GET /login'),
				seen('POST /login', 400)
			],
			failure: 'HTTP 400'
		}
	]
);

// --- The tests -------------------------------------------------------------------------------

function cloudFor(realisation: Pick<Realisation, 'scenario'>) {
	const scenario = structuredClone(defaultScenario);
	realisation.scenario?.(scenario);
	return createCloud(scenario, { userPoolKeys: testKeys });
}

const paths = enumeratePaths(socialSignInMachine, inputs, events) as StateKey[][];

describe('socialSignInMachine paths', () => {
	it('every step state names its step in meta, in the order of the definition', () => {
		expect(stepsInMeta(socialSignInMachine)).toEqual(definition.steps.map((s) => s.id));
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
	});

	it('every transition of the machine lies on an enumerated path', () => {
		expect(untravelledEdges(socialSignInMachine, paths)).toEqual([]);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});
	const titled = runs.map((r) => [`${r.path.join(' → ')} (${r.realisation.name})`, r] as const);

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const input = socialSignInInputFor(cloud, {}, realisation.mistakes);
		realisation.input?.(input, cloud);
		const { visited, output } = await visit(socialSignInMachine, input);
		expect(visited).toEqual(path);
		const actual = cloud.log.entries.map((e): Seen => {
			const outcome = readOutcome(e.response);
			return seen(e.label, e.response.status, outcome.ok ? null : outcome.code);
		});
		expect(actual).toEqual(realisation.exchanges);
		expect(output.failure?.code ?? null).toBe(realisation.failure ?? null);
	});
});
