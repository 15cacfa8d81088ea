import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud, type Cloud } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
import type { FlowRun } from '../types';
import { definition } from './definition';
import { run } from './run';

const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);
const freshCloud = () =>
	createCloud(undefined, { clock: { fixed: pinnedAt }, identityPoolKeys: identityPoolTestKeys });

/** Each step as [id, outcome, [from, label, host, status, error code][]]. */
const summary = (flowRun: FlowRun) =>
	flowRun.steps.map(
		(s) =>
			[
				s.id,
				s.outcome,
				s.exchanges.map((e) => [
					e.from,
					e.label,
					new URL(e.request.url).host,
					e.response.status,
					readOutcome(e.response).code
				])
			] as const
	);

const google = 'accounts.google.com';
const identityHost = 'cognito-identity.us-east-1.amazonaws.com';
const bucketHost = 'flow-lab-notes.s3.us-east-1.amazonaws.com';
const appClient = '123456789012-flowlabwebapp.apps.googleusercontent.com';

const body = (flowRun: FlowRun, step: string) =>
	JSON.parse(flowRun.steps.find((s) => s.id === step)!.exchanges[0]!.request.body) as Record<
		string,
		unknown
	>;
const answer = (flowRun: FlowRun, step: string) =>
	JSON.parse(flowRun.steps.find((s) => s.id === step)!.exchanges[0]!.response.body) as Record<
		string,
		unknown
	>;

describe('the Google-to-identity-pool run', () => {
	let cloud: Cloud;
	let flowRun: FlowRun;
	beforeAll(async () => {
		cloud = freshCloud();
		flowRun = await run({ cloud, choices: {}, mistakes: [] });
	});

	it('signs in at Google, redeems the code from the back end, and reaches S3 through the identity pool alone', () => {
		expect(flowRun).toMatchObject({ flowId: definition.id, mistakes: [], status: 'done' });
		expect(summary(flowRun)).toEqual([
			[
				'sign-in-with-google',
				'ok',
				[
					['browser', 'GET /o/oauth2/v2/auth', google, 200, null],
					['browser', 'POST /signin', google, 200, null],
					['browser', 'POST /consent', google, 302, null]
				]
			],
			['redeem-code', 'ok', [['back-end', 'POST /token', 'oauth2.googleapis.com', 200, null]]],
			['get-id', 'ok', [['app', 'GetId', identityHost, 200, null]]],
			['get-credentials', 'ok', [['app', 'GetCredentialsForIdentity', identityHost, 200, null]]],
			['put-object', 'ok', [['app', 'PutObject', bucketHost, 200, null]]],
			['get-object', 'ok', [['app', 'GetObject', bucketHost, 200, null]]]
		]);
	});

	it("asks Google for the app's own client with state and nonce, and Google sends the browser back to the app's callback", () => {
		const [authorize, , consent] = flowRun.steps[0]!.exchanges;
		const asked = new URL(authorize!.request.url).searchParams;
		expect(Object.fromEntries(asked)).toMatchObject({
			client_id: appClient,
			redirect_uri: 'https://app.example.com/google-callback',
			response_type: 'code',
			scope: 'openid email profile'
		});
		const back = new URL(consent!.response.headers.find(([n]) => n === 'location')![1]);
		expect(back.origin + back.pathname).toBe('https://app.example.com/google-callback');
		expect(back.searchParams.get('state')).toBe(asked.get('state'));
		expect(back.searchParams.get('code')).toBeTruthy();
	});

	it("keeps the client secret on the back end, and sends Google's ID token, whose nonce is the app's, under accounts.google.com", () => {
		const authorize = new URL(flowRun.steps[0]!.exchanges[0]!.request.url).searchParams;
		const token = flowRun.steps[1]!.exchanges[0]!;
		expect(new URLSearchParams(token.request.body).get('client_secret')).toBe(
			'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t-use'
		);
		const appSent = flowRun.steps
			.filter((s) => s.id !== 'redeem-code')
			.flatMap((s) => s.exchanges.map((e) => e.request.url + e.request.body));
		expect(appSent.join('\n')).not.toContain('GOCSPX');

		const { id_token: idToken, access_token: accessToken } = JSON.parse(token.response.body);
		expect(accessToken).toMatch(/^ya29\./);
		expect(decodeJwt(idToken)).toMatchObject({
			iss: 'https://accounts.google.com',
			aud: appClient,
			sub: '110169484474386276334',
			email: 'alice@example.com',
			nonce: authorize.get('nonce')
		});
		expect(body(flowRun, 'get-id')).toEqual({
			IdentityPoolId: cloud.scenario.identityPool.id,
			Logins: { [google]: idToken }
		});
		const { IdentityId } = answer(flowRun, 'get-id');
		expect(body(flowRun, 'get-credentials')).toEqual({ IdentityId, Logins: { [google]: idToken } });
	});

	it("writes and reads under the identity id, signed with the authenticated role's credentials", () => {
		const { IdentityId } = answer(flowRun, 'get-id');
		const { Credentials } = answer(flowRun, 'get-credentials') as {
			Credentials: { AccessKeyId: string; Expiration: number };
		};
		expect(Credentials.Expiration).toBe(pinnedAt / 1000 + 3600);
		const put = flowRun.steps.find((s) => s.id === 'put-object')!.exchanges[0]!;
		expect(decodeURIComponent(new URL(put.request.url).pathname)).toBe(
			`/private/${String(IdentityId)}/notes.txt`
		);
		const authorization = put.request.headers.find(([n]) => n.toLowerCase() === 'authorization');
		expect(authorization?.[1]).toMatch(
			new RegExp(`^AWS4-HMAC-SHA256 Credential=${Credentials.AccessKeyId}/20261103/`)
		);
		const get = flowRun.steps.find((s) => s.id === 'get-object')!;
		expect(get.exchanges[0]!.response.body).toBe(
			'Notes of alice@example.com, written at 2026-11-03T09:05:07.000Z.\n'
		);
		expect(get.caption).toContain('Notes of alice@example.com');
	});

	it('gives the same Google account the same identity again, and another account another one', async () => {
		const { IdentityId } = answer(flowRun, 'get-id');
		const again = await run({ cloud, choices: {}, mistakes: [] });
		expect(answer(again, 'get-id').IdentityId).toBe(IdentityId);
		const dana = await run({ cloud, choices: { account: 'dana' }, mistakes: [] });
		expect(answer(dana, 'get-id').IdentityId).not.toBe(IdentityId);
		expect(dana.steps[0]!.caption).toContain('dana@example.com');
	});

	it.each([
		[
			'provider-token-to-user-pool',
			'ask-user-pool',
			'invalid_token: Access token is expired, disabled, or deleted, or the user has globally signed out.'
		],
		[
			'wrong-logins-key',
			'get-id',
			"NotAuthorizedException: Invalid login token. Issuer doesn't match providerName"
		],
		[
			'google-access-token-in-logins',
			'get-id',
			'NotAuthorizedException: Invalid login token. Not a valid OpenId Connect identity token.'
		]
	])('%s fails at %s with the service’s own error', async (mistake, step, error) => {
		const failed = await run({ cloud: freshCloud(), choices: {}, mistakes: [mistake] });
		expect(failed.status).toBe('failed');
		expect(failed.error).toBe(error);
		const last = failed.steps.at(-1)!;
		expect([last.id, last.outcome]).toEqual([step, 'error']);
		expect(last.caption).toContain(error);
	});

	it('refuses a mistake or an account it does not know', () => {
		expect(() => run({ cloud: freshCloud(), choices: {}, mistakes: ['nope'] })).toThrow(
			'Flow identity-pool-google-sign-in has no mistake "nope"'
		);
		expect(() => run({ cloud: freshCloud(), choices: { account: 'eve' }, mistakes: [] })).toThrow(
			'The scenario has no Google account "eve"'
		);
	});
});
