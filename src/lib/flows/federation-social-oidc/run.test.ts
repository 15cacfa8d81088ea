import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud, type Cloud } from '$lib/cloud';
import { pkceChallenge } from '$lib/crypto';
import { readOutcome } from '$lib/cloud/wire';
import { jwksOverTheNetwork } from '../../../../tests/support';
import { testKeys } from '../../../../tests/support/test-keys';
import type { FlowRun } from '../types';
import { definition } from './definition';
import { run } from './run';

const freshCloud = () => createCloud(undefined, { userPoolKeys: testKeys });
const domain = 'flow-lab.auth.us-east-1.amazoncognito.com';
const googleSub = '110169484474386276334';

/** Each step as [id, outcome, [from, to, label, status, error code][]]. */
const summary = (flowRun: FlowRun) =>
	flowRun.steps.map(
		(s) =>
			[
				s.id,
				s.outcome,
				s.exchanges.map((e) => [
					e.from,
					e.to,
					e.label,
					e.response.status,
					readOutcome(e.response).code
				])
			] as const
	);

async function runWith(
	mistakes: string[],
	choices: Record<string, string> = {}
): Promise<{ cloud: Cloud; flowRun: FlowRun }> {
	const cloud = freshCloud();
	return { cloud, flowRun: await run({ cloud, choices, mistakes }) };
}

const exchange = (flowRun: FlowRun, step: string, index = 0) =>
	flowRun.steps.find((s) => s.id === step)!.exchanges[index]!;
const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('the social sign-in run', () => {
	let cloud: Cloud;
	let flowRun: FlowRun;
	beforeAll(async () => {
		({ cloud, flowRun } = await runWith([]));
	});

	it('follows every redirect as its own exchange, with Cognito calling Google while the browser waits', () => {
		expect(flowRun).toMatchObject({ flowId: definition.id, status: 'done' });
		expect(summary(flowRun)).toEqual([
			[
				'discover',
				'ok',
				[
					[
						'app',
						'user-pool',
						'GET /us-east-1_FlowLab01/.well-known/openid-configuration',
						200,
						null
					]
				]
			],
			[
				'authorize',
				'ok',
				[
					['browser', 'managed-login', 'GET /oauth2/authorize', 302, null],
					['browser', 'external-idp', 'GET /o/oauth2/v2/auth', 200, null]
				]
			],
			[
				'sign-in-at-google',
				'ok',
				[
					['browser', 'external-idp', 'POST /signin', 200, null],
					['browser', 'external-idp', 'POST /consent', 302, null]
				]
			],
			[
				'idp-response',
				'ok',
				[
					['browser', 'managed-login', 'GET /oauth2/idpresponse', 302, null],
					['managed-login', 'external-idp', 'POST /token', 200, null],
					['managed-login', 'external-idp', 'GET /oauth2/v3/certs', 200, null]
				]
			],
			['check-callback', 'ok', []],
			['redeem-code', 'ok', [['app', 'managed-login', 'POST /oauth2/token', 200, null]]],
			['user-info', 'ok', [['app', 'managed-login', 'GET /oauth2/userInfo', 200, null]]]
		]);
	});

	it('redeems the code with the verifier whose S256 challenge went to /oauth2/authorize, and no secret', async () => {
		const authorize = new URL(exchange(flowRun, 'authorize').request.url);
		expect(authorize.host).toBe(domain);
		const sent = form(exchange(flowRun, 'redeem-code').request.body);
		expect(sent).not.toHaveProperty('client_secret');
		expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
		expect(authorize.searchParams.get('code_challenge')).toBe(
			await pkceChallenge(sent.code_verifier!)
		);
		expect(flowRun.steps[1]!.caption).toContain(authorize.searchParams.get('code_challenge')!);
	});

	it("ends with Cognito's own tokens for the federated user, which aws-jwt-verify accepts; Google's token stays between Google and Cognito", async () => {
		const tokens = JSON.parse(exchange(flowRun, 'redeem-code').response.body) as Record<
			string,
			string
		>;
		const id = decodeJwt(tokens.id_token!);
		expect(id).toMatchObject({
			'cognito:username': `Google_${googleSub}`,
			iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01',
			email: 'alice@example.com'
		});
		expect(id.identities).toEqual([
			expect.objectContaining({ userId: googleSub, providerName: 'Google', providerType: 'Google' })
		]);
		const verifier = CognitoJwtVerifier.create({
			userPoolId: 'us-east-1_FlowLab01',
			tokenUse: 'id',
			clientId: cloud.scenario.userPool.clients[0]!.id
		});
		verifier.cacheJwks(await jwksOverTheNetwork(cloud));
		await expect(verifier.verify(tokens.id_token!)).resolves.toMatchObject({ token_use: 'id' });

		const google = JSON.parse(exchange(flowRun, 'idp-response', 1).response.body) as Record<
			string,
			string
		>;
		expect(decodeJwt(google.id_token!)).toMatchObject({
			iss: 'https://accounts.google.com',
			sub: googleSub,
			aud: '123456789012-flowlab.apps.googleusercontent.com'
		});
		// Nothing the app received, or the browser carried, holds Google's token.
		const appSaw = flowRun.steps
			.flatMap((s) => s.exchanges)
			.filter((e) => e.from !== 'managed-login')
			.map((e) => e.response.body + e.request.url);
		expect(appSaw.some((text) => text.includes(google.id_token!))).toBe(false);
	});

	it('says in the caption when Google makes a second user beside a password user with the same email', async () => {
		expect(flowRun.steps[3]!.caption).toContain(
			'It is a second user: alice already has alice@example.com'
		);
		const dana = (await runWith([], { account: 'dana' })).flowRun;
		expect(dana.status).toBe('done');
		expect(dana.steps[3]!.caption).toContain('Google_104712036650935883421');
		expect(dana.steps[3]!.caption).not.toContain('second user');
	});
});

describe('the social sign-in mistakes', () => {
	it("without PKCE the attacker's code redemption succeeds; with PKCE it is invalid_grant and the run still ends", async () => {
		const open = (await runWith(['code-stolen-without-pkce'])).flowRun;
		const stolen = exchange(open, 'attacker-redeems-code');
		expect(stolen.from).toBe('attacker');
		expect(form(stolen.request.body)).not.toHaveProperty('code_verifier');
		expect(decodeJwt(JSON.parse(stolen.response.body).id_token)['cognito:username']).toBe(
			`Google_${googleSub}`
		);
		expect(
			new URL(exchange(open, 'authorize').request.url).searchParams.has('code_challenge')
		).toBe(false);

		const guarded = (await runWith(['code-stolen-with-pkce'])).flowRun;
		expect(guarded.status).toBe('done');
		expect(guarded.steps.at(-1)).toMatchObject({ id: 'attacker-redeems-code', outcome: 'error' });
		expect(readOutcome(exchange(guarded, 'attacker-redeems-code').response).code).toBe(
			'invalid_grant'
		);
	});

	it('the implicit grant brings the tokens back in the fragment, with no refresh token', async () => {
		const { flowRun } = await runWith(['implicit-grant']);
		const back = exchange(flowRun, 'idp-response').response.headers.find(
			([n]) => n === 'location'
		)![1];
		const fragment = new URLSearchParams(new URL(back).hash.slice(1));
		expect(fragment.get('access_token')).toBeTruthy();
		expect(fragment.has('refresh_token')).toBe(false);
		expect(flowRun.steps.map((s) => s.id)).not.toContain('redeem-code');
	});

	it('the secret a browser app sends is right there in its token request', async () => {
		const { flowRun } = await runWith(['client-secret-in-browser']);
		const basic = exchange(flowRun, 'redeem-code').request.headers.find(
			([n]) => n === 'authorization'
		)![1];
		expect(atob(basic.replace(/^Basic /, ''))).toMatch(/^3n4flowlab5webclient6a7b8c:.{20,}$/);
	});

	it('/logout clears the session cookie, and the access token still answers at userInfo', async () => {
		const { flowRun } = await runWith(['logout-keeps-tokens']);
		const logout = exchange(flowRun, 'log-out');
		expect(logout.response.headers).toContainEqual([
			'set-cookie',
			expect.stringMatching(/^cognito=;.*Max-Age=0/)
		]);
		expect(exchange(flowRun, 'user-info-after-logout').response.status).toBe(200);
		expect(flowRun.steps.at(-1)!.caption).toContain('not the tokens');
	});

	it('without a nonce, the ID token carries none', async () => {
		const { flowRun } = await runWith(['nonce-not-checked']);
		const tokens = JSON.parse(exchange(flowRun, 'redeem-code').response.body);
		expect(decodeJwt(tokens.id_token)).not.toHaveProperty('nonce');
	});
});
