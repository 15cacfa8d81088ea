import { beforeAll, describe, expect, it } from 'vitest';
import {
	createCloud,
	defaultScenario,
	type Exchange,
	generateUserPoolKeys,
	type Scenario,
	type UserPoolKeys
} from '$lib/cloud';
import {
	actorOutcomes,
	enumeratePaths,
	seen,
	stepsInMeta,
	untravelledEdges,
	visit,
	type SeenExchange as Seen
} from '../../../../tests/support/machine-paths';
import type { UserPoolSignInMistakeId } from './definition';
import { definition } from './definition';
import { userPoolSignInMachine } from './machine';
import { signInInputFor } from './sign-in-options';
import type { SignInTokens, UserPoolSignInInput } from './sign-in-types';

/*
 * Every path of the machine, enumerated by @xstate/graph, is realised by a real run against the
 * simulated pool. The enumeration is mechanical: every invoked actor is offered every kind of
 * answer it can resolve with, and a rejection. A path no lab input can produce is listed with the
 * reason; anything else without a realisation fails the test, so a new branch needs a new run.
 */

type StateKey =
	| 'initiateAuth'
	| 'passwordVerifier'
	| 'softwareTokenMfa'
	| 'newPasswordRequired'
	| 'verifyIdToken'
	| 'getUser'
	| 'stealTokens'
	| 'attackerGetUser'
	| 'accessTokenExpires'
	| 'refreshTokens'
	| 'globalSignOut'
	| 'refreshAfterSignOut'
	| 'done'
	| 'failed';

// Representative outputs: one per kind of answer each invoked actor can resolve with.
const tokens: SignInTokens = {
	idToken: 'id',
	accessToken: 'access',
	refreshToken: 'refresh',
	expiresIn: 3600,
	tokenType: 'Bearer'
};
const challenge = (challengeName: 'SOFTWARE_TOKEN_MFA' | 'NEW_PASSWORD_REQUIRED') => ({
	kind: 'challenge',
	challengeName,
	session: 'session',
	parameters: {}
});
const refreshed = { tokens, returnedRefreshToken: false };
const outputs: Record<string, unknown[]> = {
	initiateSrpAuth: [
		{ srp: { a: '1', A: '2' }, session: null, parameters: { USER_ID_FOR_SRP: 'u' } }
	],
	answerPasswordVerifier: [
		{ kind: 'tokens', tokens },
		challenge('SOFTWARE_TOKEN_MFA'),
		challenge('NEW_PASSWORD_REQUIRED')
	],
	answerSoftwareTokenMfa: [{ kind: 'tokens', tokens }],
	answerNewPassword: [{ kind: 'tokens', tokens }],
	verifyIdToken: [{ header: { kid: 'k', alg: 'RS256' }, claims: {}, jwksKids: ['k'] }],
	getUser: [{ username: 'u', attributes: {} }],
	stealTokens: [{ 'CognitoIdentityServiceProvider.client.LastAuthUser': 'u' }],
	attackerGetUser: [{ username: 'u', attributes: {} }],
	letAccessTokenExpire: [{ exp: 3600, from: 0, to: 3_601_000 }],
	refreshTokens: [refreshed],
	globalSignOut: [undefined],
	refreshAfterSignOut: [refreshed]
};

const stubInput = (mistakes: UserPoolSignInMistakeId[]): UserPoolSignInInput => ({
	fetch: () => Promise.reject(new Error('the graph never runs actors')),
	attackerFetch: () => Promise.reject(new Error('the graph never runs actors')),
	clock: { now: () => 0, advance: () => {}, offset: 0 },
	region: 'us-east-1',
	userPoolId: 'us-east-1_Graph',
	userInfoUrl: 'https://graph.auth.us-east-1.amazoncognito.com/oauth2/userInfo',
	client: { id: 'client', secret: null },
	user: { username: 'u', password: 'p' },
	mistakes
});

const events = actorOutcomes(outputs, [new Error('refused')]);
// Guards read the mistakes in context, so the graph is explored once with no mistake and once per
// mistake.
const inputs = [[], ...definition.mistakes.map((m) => [m.id])].map(stubInput);

// --- What realises each path -------------------------------------------------------------------

interface Realisation {
	user: 'alice' | 'bob' | 'carol' | 'dave';
	mistakes: UserPoolSignInMistakeId[];
	/** A variant of the default scenario the run needs. */
	scenario?: (s: Scenario) => void;
	newPassword?: string;
	/** For a path ending in `failed`: the refused exchange. */
	error?: { label: string; status: number; __type: string };
}

const notAuthorized = (label: string) => ({ label, status: 400, __type: 'NotAuthorizedException' });

/** The refresh token lives exactly as long as the access token, so both are dead after an hour. */
const shortRefreshToken = (s: Scenario) => {
	for (const client of s.userPool.clients) client.refreshTokenValidity = client.accessTokenValidity;
};

/** The part of a path between the password and the ID token, and who takes it. */
const signIns: { user: 'alice' | 'bob' | 'carol'; via: StateKey[] }[] = [
	{ user: 'alice', via: [] },
	{ user: 'bob', via: ['softwareTokenMfa'] },
	{ user: 'carol', via: ['newPasswordRequired'] }
];

const realisations = new Map<string, Realisation[] | { unreachable: string }>();
const route = (...keys: StateKey[]) => keys.join(' → ');

realisations.set(route('initiateAuth', 'failed'), [
	{ user: 'alice', mistakes: ['missing-secret-hash'], error: notAuthorized('InitiateAuth') }
]);
realisations.set(route('initiateAuth', 'passwordVerifier', 'failed'), [
	{ user: 'alice', mistakes: ['wrong-password'], error: notAuthorized('RespondToAuthChallenge') },
	{
		user: 'alice',
		mistakes: ['late-password-verifier'],
		error: notAuthorized('RespondToAuthChallenge')
	},
	{
		user: 'dave',
		mistakes: ['unconfirmed-user'],
		error: { label: 'RespondToAuthChallenge', status: 400, __type: 'UserNotConfirmedException' }
	}
]);
realisations.set(route('initiateAuth', 'passwordVerifier', 'softwareTokenMfa', 'failed'), [
	{
		user: 'bob',
		mistakes: ['wrong-mfa-code'],
		error: { label: 'RespondToAuthChallenge', status: 400, __type: 'CodeMismatchException' }
	}
]);
realisations.set(route('initiateAuth', 'passwordVerifier', 'newPasswordRequired', 'failed'), [
	{
		user: 'carol',
		mistakes: [],
		newPassword: 'password',
		error: { label: 'RespondToAuthChallenge', status: 400, __type: 'InvalidPasswordException' }
	}
]);
for (const { user, via } of signIns) {
	const head: StateKey[] = ['initiateAuth', 'passwordVerifier', ...via, 'verifyIdToken'];
	const tail: StateKey[] = ['getUser', 'accessTokenExpires', 'refreshTokens', 'globalSignOut'];
	realisations.set(route(...head, 'failed'), {
		unreachable:
			'the pool signs ID tokens with the keys it publishes at the moment it issues them; the failing checks are covered by verify-id-token.test.ts'
	});
	realisations.set(route(...head, 'getUser', 'failed'), [
		{ user, mistakes: ['id-token-to-getuser'], error: notAuthorized('GetUser') },
		{
			user,
			mistakes: ['api-token-at-userinfo'],
			error: { label: 'GET /oauth2/userInfo', status: 401, __type: 'invalid_token' }
		}
	]);
	realisations.set(route(...head, 'getUser', 'accessTokenExpires', 'failed'), [
		{ user, mistakes: ['expired-access-token'], error: notAuthorized('GetUser') }
	]);
	realisations.set(route(...head, 'getUser', 'accessTokenExpires', 'refreshTokens', 'failed'), [
		{ user, mistakes: [], scenario: shortRefreshToken, error: notAuthorized('InitiateAuth') }
	]);
	realisations.set(route(...head, ...tail, 'failed'), {
		unreachable:
			'GlobalSignOut gets an access token issued by the refresh a moment earlier; nothing revokes or expires it in between'
	});
	realisations.set(route(...head, ...tail, 'done'), [{ user, mistakes: [] }]);
	realisations.set(route(...head, ...tail, 'refreshAfterSignOut', 'failed'), [
		{ user, mistakes: ['refresh-after-sign-out'], error: notAuthorized('InitiateAuth') }
	]);
	realisations.set(route(...head, ...tail, 'refreshAfterSignOut', 'done'), {
		unreachable:
			'GlobalSignOut revoked every refresh token of the user; the pool never accepts one again'
	});

	// With the tokens in localStorage, a script steals them after GetUser; the rest of the flow
	// goes on as before, each of its failures realised with the mistake that causes it.
	const stolen: StateKey[] = [...head, 'getUser', 'stealTokens', 'attackerGetUser'];
	const leaked: UserPoolSignInMistakeId = 'tokens-in-local-storage';
	realisations.set(route(...head, 'getUser', 'stealTokens', 'failed'), {
		unreachable:
			'the script never reads the answer, and the collector answers every request, however malformed'
	});
	realisations.set(route(...stolen, 'failed'), {
		unreachable:
			'the stolen access token was issued moments earlier and nothing revoked it; the pool accepts it from anyone'
	});
	realisations.set(route(...stolen, 'accessTokenExpires', 'failed'), [
		{ user, mistakes: [leaked, 'expired-access-token'], error: notAuthorized('GetUser') }
	]);
	realisations.set(route(...stolen, 'accessTokenExpires', 'refreshTokens', 'failed'), [
		{ user, mistakes: [leaked], scenario: shortRefreshToken, error: notAuthorized('InitiateAuth') }
	]);
	realisations.set(route(...stolen, ...tail.slice(1), 'failed'), {
		unreachable:
			'GlobalSignOut gets an access token issued by the refresh a moment earlier; the attacker used the older one'
	});
	realisations.set(route(...stolen, ...tail.slice(1), 'done'), [{ user, mistakes: [leaked] }]);
}

/** The labels a state's exchanges carry when it succeeds (with their status, if not 200). */
const exchangesOf = (key: StateKey, poolId: string): (string | [string, number])[] => {
	const labels: Record<StateKey, (string | [string, number])[]> = {
		initiateAuth: ['InitiateAuth'],
		passwordVerifier: ['RespondToAuthChallenge'],
		softwareTokenMfa: ['RespondToAuthChallenge'],
		newPasswordRequired: ['RespondToAuthChallenge'],
		verifyIdToken: [`GET /${poolId}/.well-known/jwks.json`],
		getUser: ['GetUser'],
		stealTokens: [['POST /tokens', 204]],
		attackerGetUser: ['GetUser'],
		accessTokenExpires: [],
		refreshTokens: ['InitiateAuth'],
		globalSignOut: ['GlobalSignOut'],
		refreshAfterSignOut: ['InitiateAuth'],
		done: [],
		failed: []
	};
	return labels[key];
};

/** The error a refused exchange names, as the one outcome reader read it. */
function errorName(exchange: Exchange): string | null {
	return exchange.outcome.code;
}

// --- The tests -------------------------------------------------------------------------------

const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);
let keys: UserPoolKeys;
beforeAll(async () => {
	keys = await generateUserPoolKeys();
});

function cloudFor(realisation: Pick<Realisation, 'scenario'> = {}) {
	const scenario = structuredClone(defaultScenario);
	realisation.scenario?.(scenario);
	return createCloud(scenario, { clock: { fixed: pinnedAt }, userPoolKeys: keys });
}

const paths = enumeratePaths(userPoolSignInMachine, inputs, events) as StateKey[][];

describe('userPoolSignInMachine paths', () => {
	it('every step state names its step in meta', () => {
		expect(stepsInMeta(userPoolSignInMachine, { everyNonFinalState: true })).toEqual([
			'initiate-auth',
			'password-verifier',
			'software-token-mfa',
			'new-password-required',
			'verify-id-token',
			'get-user',
			'steal-tokens',
			'attacker-get-user',
			'access-token-expires',
			'refresh-tokens',
			'global-sign-out',
			'refresh-after-sign-out'
		]);
	});

	it('every enumerated path has a realisation or a stated reason, and no other is listed', () => {
		expect(paths.map((p) => p.join(' → ')).sort()).toEqual([...realisations.keys()].sort());
		expect(paths.length).toBe(46);
	});

	it('every transition of the machine lies on an enumerated path', () => {
		expect(untravelledEdges(userPoolSignInMachine, paths)).toEqual([]);
	});

	const runs = paths.flatMap((path) => {
		const entry = realisations.get(path.join(' → '));
		return Array.isArray(entry) ? entry.map((r) => ({ path, realisation: r })) : [];
	});

	const titled = runs.map((r) => {
		const who = [r.realisation.user, ...r.realisation.mistakes].join(', ');
		return [`${r.path.join(' → ')} (${who})`, r] as const;
	});

	it.each(titled)('%s is what a real run does', async (_, { path, realisation }) => {
		const cloud = cloudFor(realisation);
		const { visited, output } = await visit(
			userPoolSignInMachine,
			signInInputFor(cloud, {
				user: realisation.user,
				mistakes: realisation.mistakes,
				...(realisation.newPassword && { newPassword: realisation.newPassword })
			})
		);
		expect(visited).toEqual(path);

		const poolId = cloud.scenario.userPool.id;
		// Each step makes its exchanges; the step before `failed` ends with the refused one
		// (the expiry step makes its GetUser only to be refused).
		const expected = path.flatMap((key, i): Seen[] => {
			const error = path[i + 1] === 'failed' ? realisation.error : undefined;
			const labels = exchangesOf(key, poolId);
			const ok = (error ? labels.slice(0, -1) : labels).map((label) =>
				typeof label === 'string' ? seen(label) : seen(...label)
			);
			return error ? [...ok, seen(error.label, error.status, error.__type)] : ok;
		});
		// The error each exchange names goes where the shared shape keeps it (`code`).
		const actual = cloud.log.entries.map((e): Seen =>
			seen(e.label, e.response.status, e.response.status < 300 ? null : errorName(e))
		);
		expect(actual).toEqual(expected);
		expect(output.failure?.__type ?? null).toBe(realisation.error?.__type ?? null);
	});

	it('a client with a secret signs every call with SECRET_HASH and gets through', async () => {
		const cloud = cloudFor();
		const server = cloud.scenario.userPool.clients.find((c) => c.secret !== null)!;
		const { visited, output } = await visit(userPoolSignInMachine, {
			...signInInputFor(cloud, { user: 'alice' }),
			client: { id: server.id, secret: server.secret }
		});
		expect(output.failure).toBeNull();
		expect(visited.at(-1)).toBe('done');
		const bodies = cloud.log.entries
			.filter((e) => e.label === 'InitiateAuth' || e.label === 'RespondToAuthChallenge')
			.map((e) => JSON.parse(e.request.body) as Record<string, Record<string, string>>);
		for (const body of bodies)
			expect(body.AuthParameters?.SECRET_HASH ?? body.ChallengeResponses?.SECRET_HASH).toMatch(
				/^[A-Za-z0-9+/]{43}=$/
			);
	});
});
