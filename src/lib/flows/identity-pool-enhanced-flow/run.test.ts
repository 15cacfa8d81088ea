import { beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/cloud';
import type { FlowRun } from '../types';
import { definition, type EnhancedFlowMistakeId } from './definition';
import { run } from './run';
import { pinnedAt, testCloud } from './test-cloud';

const hosts = {
	'user-pool': 'cognito-idp.us-east-1.amazonaws.com',
	'identity-pool': 'cognito-identity.us-east-1.amazonaws.com',
	s3: 'flow-lab-notes.s3.us-east-1.amazonaws.com'
} as const;

/** An exchange as the lesson names it: who it went to, which host, what, and what came back. */
function seen(e: Exchange) {
	const body = e.response.body;
	const code =
		e.response.status < 300
			? null
			: (/<Code>([^<]+)<\/Code>/.exec(body)?.[1] ??
				(JSON.parse(body) as { __type?: string }).__type ??
				null);
	return {
		to: e.to,
		host: new URL(e.request.url).host,
		label: e.label,
		status: e.response.status,
		code
	};
}

const ok = (to: keyof typeof hosts, label: string) => ({
	to,
	host: hosts[to],
	label,
	status: 200,
	code: null
});
const refused = (to: keyof typeof hosts, label: string, status: number, code: string) => ({
	to,
	host: hosts[to],
	label,
	status,
	code
});

const signIn = [ok('user-pool', 'InitiateAuth'), ok('user-pool', 'RespondToAuthChallenge')];
const credentials = [
	ok('identity-pool', 'GetId'),
	ok('identity-pool', 'GetCredentialsForIdentity')
];
const s3Steps = [ok('s3', 'PutObject'), ok('s3', 'GetObject'), ok('s3', 'ListObjectsV2')];

const runs = new Map<string, FlowRun>();
const runWith = async (mistakes: EnhancedFlowMistakeId[], user?: string) => {
	const key = [user ?? '', ...mistakes].join(',');
	if (!runs.has(key))
		runs.set(
			key,
			await run({
				cloud: await testCloud(),
				choices: user ? { user } : {},
				mistakes
			})
		);
	return runs.get(key)!;
};
const exchanges = (r: FlowRun) =>
	r.steps.flatMap((s) => s.exchanges.filter((e) => !e.parent).map(seen));
const stepOutcomes = (r: FlowRun) => r.steps.map((s) => [s.id, s.outcome]);

describe('the enhanced flow, run against the cloud', () => {
	let alice: FlowRun;
	beforeAll(async () => {
		alice = await runWith([]);
	});

	it('signs alice in, gets an identity and credentials, and writes, reads and lists her note', () => {
		expect(alice).toMatchObject({
			flowId: definition.id,
			user: 'alice',
			status: 'done',
			mistakes: []
		});
		expect(alice.error).toBeUndefined();
		expect(stepOutcomes(alice)).toEqual([
			['sign-in', 'ok'],
			['get-id', 'ok'],
			['get-credentials', 'ok'],
			['put-object', 'ok'],
			['get-object', 'ok'],
			['list-objects', 'ok']
		]);
		expect(exchanges(alice)).toEqual([...signIn, ...credentials, ...s3Steps]);
	});

	it('sends the ID token under the provider name, unsigned, and keeps the note under the identity ID', () => {
		const [getId, getCredentials] = alice.steps[1]!.exchanges.concat(alice.steps[2]!.exchanges);
		const body = JSON.parse(getId!.request.body) as {
			IdentityPoolId: string;
			Logins: Record<string, string>;
		};
		expect(body.IdentityPoolId).toBe('us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a');
		const [key, token] = Object.entries(body.Logins)[0]!;
		expect(key).toBe('cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01');
		expect(
			JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')))
		).toMatchObject({
			token_use: 'id'
		});
		expect(getId!.request.headers.some(([n]) => n === 'authorization')).toBe(false);
		const identityId = (JSON.parse(getId!.response.body) as { IdentityId: string }).IdentityId;
		expect(identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);

		const answer = JSON.parse(getCredentials!.response.body) as {
			Credentials: Record<string, unknown>;
		};
		expect(answer.Credentials).toMatchObject({
			AccessKeyId: expect.stringMatching(/^ASIA[A-Z0-9]{16}$/),
			SecretKey: expect.any(String),
			SessionToken: expect.any(String),
			Expiration: pinnedAt / 1000 + 3600
		});
		const put = alice.steps[3]!.exchanges[0]!;
		expect(decodeURIComponent(new URL(put.request.url).pathname)).toBe(
			`/private/${identityId}/notes.txt`
		);
		const authorization = put.request.headers.find(([n]) => n === 'authorization')![1];
		expect(authorization).toMatch(
			new RegExp(
				`^AWS4-HMAC-SHA256 Credential=${String(answer.Credentials.AccessKeyId)}/\\d{8}/us-east-1/s3/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$`
			)
		);
		expect(put.request.headers.find(([n]) => n === 'x-amz-security-token')?.[1]).toBe(
			answer.Credentials.SessionToken
		);
	});

	it('explains the trust policy, the role choice, the signature and the permission decisions', () => {
		const kinds = (step: number) =>
			alice.steps[step]!.exchanges.flatMap((e) =>
				(e.explanations ?? []).map((x) => [x.kind, x.verdict])
			);
		expect(kinds(2)).toEqual(
			expect.arrayContaining([
				['role-selection', 'pass'],
				['trust-policy', 'pass']
			])
		);
		expect(kinds(3)).toEqual([
			['sigv4', 'pass'],
			['permissions', 'pass']
		]);
	});

	it('captions each step with the run’s own values', () => {
		const identityId = (
			JSON.parse(alice.steps[1]!.exchanges[0]!.response.body) as { IdentityId: string }
		).IdentityId;
		expect(alice.steps[1]!.caption).toContain(identityId);
		expect(alice.steps[2]!.caption).toMatch(/access key ASIA[A-Z0-9]{16}.*until 10:05:07 UTC/);
		expect(alice.steps[5]!.caption).toContain('S3 lists 1 key.');
	});

	it('signs bob in with his authenticator code inside the one sign-in step', async () => {
		const bob = await runWith([], 'bob');
		expect(bob).toMatchObject({ user: 'bob', status: 'done' });
		expect(bob.steps[0]!.exchanges.map((e) => e.label)).toEqual([
			'InitiateAuth',
			'RespondToAuthChallenge',
			'RespondToAuthChallenge'
		]);
	});
});

describe('each mistake fails at the hop that checks it, with the real error', () => {
	const cases: {
		mistakes: EnhancedFlowMistakeId[];
		last: ReturnType<typeof refused>;
		before: ReturnType<typeof ok>[];
		error: string;
	}[] = [
		{
			mistakes: ['access-token-in-logins'],
			before: signIn,
			last: refused('identity-pool', 'GetId', 400, 'NotAuthorizedException'),
			error: 'NotAuthorizedException: Invalid login token. Missing a required claim: aud'
		},
		{
			mistakes: ['wrong-logins-key'],
			before: signIn,
			last: refused('identity-pool', 'GetId', 400, 'NotAuthorizedException'),
			error: "NotAuthorizedException: Invalid login token. Issuer doesn't match providerName"
		},
		{
			mistakes: ['client-not-configured'],
			before: signIn,
			last: refused('identity-pool', 'GetId', 400, 'NotAuthorizedException'),
			error: 'NotAuthorizedException: Token is not from a supported provider of this identity pool.'
		},
		{
			mistakes: ['trust-policy-assume-role'],
			before: [...signIn, ok('identity-pool', 'GetId')],
			last: refused(
				'identity-pool',
				'GetCredentialsForIdentity',
				400,
				'InvalidIdentityPoolConfigurationException'
			),
			error:
				'InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool.'
		},
		{
			mistakes: ['rules-match-nothing'],
			before: [...signIn, ok('identity-pool', 'GetId')],
			last: refused('identity-pool', 'GetCredentialsForIdentity', 400, 'NotAuthorizedException'),
			error:
				'NotAuthorizedException: The ambiguous role mapping rules for: cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01:3n4flowlab5webclient6a7b8c denied this request.'
		},
		{
			mistakes: ['jwt-straight-to-s3'],
			before: signIn,
			last: refused('s3', 'PutObject', 400, 'InvalidArgument'),
			error: 'InvalidArgument: Unsupported Authorization Type'
		},
		{
			mistakes: ['user-pool-sub-in-policy'],
			before: [...signIn, ...credentials],
			last: refused('s3', 'PutObject', 403, 'AccessDenied'),
			error: 'AccessDenied: Access Denied'
		},
		{
			mistakes: ['expired-credentials'],
			before: [...signIn, ...credentials, ...s3Steps],
			last: refused('s3', 'GetObject', 400, 'ExpiredToken'),
			error: 'ExpiredToken: The provided token has expired.'
		}
	];

	it.each(cases.map((c) => [c.mistakes.join(', '), c] as const))('%s', async (_, c) => {
		const r = await runWith(c.mistakes);
		expect(r.status).toBe('failed');
		expect(r.error).toBe(c.error);
		expect(exchanges(r)).toEqual([...c.before, c.last]);
		const last = r.steps.at(-1)!;
		expect(last.outcome).toBe('error');
		expect(last.id).toBe(definition.mistakes.find((m) => m.id === c.mistakes[0])!.step);
		expect(last.caption).toContain(c.error);
		expect(r.steps.slice(0, -1).every((s) => s.outcome === 'ok')).toBe(true);
	});

	it('user-pool-sub-in-policy writes under the user pool sub, which the policy never matches', async () => {
		const r = await runWith(['user-pool-sub-in-policy']);
		const put = r.steps.at(-1)!.exchanges[0]!;
		expect(decodeURIComponent(new URL(put.request.url).pathname)).toBe(
			'/private/a11ce000-1111-4aaa-8aaa-000000000001/notes.txt'
		);
		expect(put.explanations?.map((x) => [x.kind, x.verdict])).toEqual([
			['sigv4', 'pass'],
			['permissions', 'fail']
		]);
	});

	it('jwt-straight-to-s3 never calls the identity pool and sends the ID token as a bearer token', async () => {
		const r = await runWith(['jwt-straight-to-s3']);
		expect(r.steps.map((s) => s.id)).toEqual(['sign-in', 'put-object']);
		const put = r.steps[1]!.exchanges[0]!;
		expect(put.request.headers.find(([n]) => n === 'authorization')?.[1]).toMatch(/^Bearer eyJ/);
	});

	it('expired-credentials lets an hour pass on the clock, then signs with the old credentials', async () => {
		const r = await runWith(['expired-credentials']);
		const expire = r.steps.find((s) => s.id === 'credentials-expire')!;
		expect(expire).toMatchObject({
			actor: 'app',
			exchanges: [],
			outcome: 'ok',
			at: pinnedAt + 3_601_000
		});
		const read = r.steps.at(-1)!.exchanges[0]!;
		expect(read.request.headers.find(([n]) => n === 'x-amz-date')?.[1]).toBe('20261103T100508Z');
	});
});

describe('the mistakes that go on after a refusal, or that nothing refuses', () => {
	it('read-another-identity: S3 denies another identity’s prefix, and the run carries on', async () => {
		const r = await runWith(['read-another-identity']);
		expect(r.status).toBe('done');
		expect(stepOutcomes(r).at(-1)).toEqual(['read-other-identity', 'error']);
		expect(exchanges(r).at(-1)).toEqual(refused('s3', 'GetObject', 403, 'AccessDenied'));
		expect(r.steps.at(-1)!.caption).toContain('S3 refuses (403): AccessDenied');
	});

	it('writable-attribute-role-mapping: bob edits custom:team, gets the editors’ role and reads another identity’s note', async () => {
		const r = await runWith(['writable-attribute-role-mapping']);
		expect(r).toMatchObject({ status: 'done', user: 'bob' });
		expect(stepOutcomes(r).every(([, outcome]) => outcome === 'ok')).toBe(true);
		const edit = r.steps.find((s) => s.id === 'edit-attribute')!;
		expect(edit.exchanges.map((e) => e.label)).toEqual(['UpdateUserAttributes', 'InitiateAuth']);
		expect(JSON.parse(edit.exchanges[0]!.request.body)).toMatchObject({
			UserAttributes: [{ Name: 'custom:team', Value: 'editors' }]
		});
		const read = r.steps.at(-1)!;
		expect(read.id).toBe('read-other-identity');
		expect(read.exchanges[0]!.response).toMatchObject({ status: 200 });
		expect(read.exchanges[0]!.response.body).toContain('door code');
		const roleChoice = r.steps
			.find((s) => s.id === 'get-credentials')!
			.exchanges[0]!.explanations?.find((x) => x.kind === 'role-selection');
		expect(JSON.stringify(roleChoice)).toContain('FlowLabEditors');
	});
});

it('refuses a mistake it does not know and a user who cannot sign in here', async () => {
	const cloud = await testCloud();
	await expect(run({ cloud, choices: {}, mistakes: ['nope'] })).rejects.toThrow(
		'Flow identity-pool-enhanced-flow has no mistake "nope"'
	);
	await expect(run({ cloud, choices: { user: 'dave' }, mistakes: [] })).rejects.toThrow(
		'The scenario has no confirmed user "dave" to sign in as'
	);
});
