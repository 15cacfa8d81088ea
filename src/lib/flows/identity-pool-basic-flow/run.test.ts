import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud, type Exchange } from '$lib/cloud';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
import type { FlowRun } from '../types';
import { definition } from './definition';
import { run } from './run';

const pinnedAt = Date.UTC(2026, 11, 2, 9, 5, 7);
const poolId = 'us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a';

const cloud = () =>
	createCloud(undefined, { clock: { fixed: pinnedAt }, identityPoolKeys: identityPoolTestKeys });

/** Each step as id, outcome and its exchanges as `label status [code]`. */
const summary = (r: FlowRun) =>
	r.steps.map((s) => [s.id, s.outcome, s.exchanges.map(brief)] as const);
const brief = (e: Exchange) =>
	[e.label, e.response.status, e.outcome.ok ? '' : e.outcome.code].join(' ').trim();
const exchange = (r: FlowRun, step: string) => r.steps.find((s) => s.id === step)!.exchanges[0]!;
const form = (e: Exchange) => Object.fromEntries(new URLSearchParams(e.request.body));

describe('the basic flow as shipped (a guest, DurationSeconds 3600)', () => {
	let c: ReturnType<typeof cloud>;
	let guest: FlowRun;
	beforeAll(async () => {
		c = cloud();
		guest = await run({ cloud: c, choices: {}, mistakes: [] });
	});

	it('takes GetId, GetOpenIdToken, AssumeRoleWithWebIdentity and GetObject, each answered 200', () => {
		expect(guest).toMatchObject({ flowId: definition.id, status: 'done', mistakes: [] });
		expect(guest.error).toBeUndefined();
		expect(summary(guest)).toEqual([
			['get-id', 'ok', ['GetId 200']],
			['get-open-id-token', 'ok', ['GetOpenIdToken 200']],
			['assume-role-with-web-identity', 'ok', ['AssumeRoleWithWebIdentity 200']],
			['get-object', 'ok', ['GetObject 200']]
		]);
		const hosts = guest.steps.flatMap((s) => s.exchanges.map((e) => new URL(e.request.url).host));
		expect(hosts).toEqual([
			'cognito-identity.us-east-1.amazonaws.com',
			'cognito-identity.us-east-1.amazonaws.com',
			'sts.amazonaws.com',
			'flow-lab-notes.s3.us-east-1.amazonaws.com'
		]);
		expect(guest.steps.flatMap((s) => s.exchanges.map((e) => [e.from, e.to]))).toEqual([
			['app', 'identity-pool'],
			['app', 'identity-pool'],
			['app', 'sts'],
			['app', 's3']
		]);
	});

	it('sends no AWS credentials until S3, and signs the S3 request with the STS credentials', () => {
		const [getId, getToken, sts, s3] = guest.steps.map((s) => s.exchanges[0]!);
		for (const e of [getId!, getToken!, sts!])
			expect(e.request.headers.map(([n]) => n)).not.toContain('authorization');
		expect(JSON.parse(getId!.request.body)).toEqual({ IdentityPoolId: poolId });
		const { IdentityId } = JSON.parse(getId!.response.body) as { IdentityId: string };
		expect(IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
		expect(JSON.parse(getToken!.request.body)).toEqual({ IdentityId });

		const sent = form(sts!);
		expect(sent).toMatchObject({
			Action: 'AssumeRoleWithWebIdentity',
			Version: '2011-06-15',
			RoleArn: 'arn:aws:iam::111122223333:role/FlowLabGuest',
			RoleSessionName: 'flow-lab-app',
			DurationSeconds: '3600'
		});
		const accessKeyId = /<AccessKeyId>(ASIA[A-Z0-9]{16})<\/AccessKeyId>/.exec(
			sts!.response.body
		)?.[1];
		expect(accessKeyId).toBeDefined();
		expect(sts!.response.body).toContain(
			'<Arn>arn:aws:sts::111122223333:assumed-role/FlowLabGuest/flow-lab-app</Arn>'
		);
		expect(sts!.response.body).toContain(
			`<SubjectFromWebIdentityToken>${IdentityId}</SubjectFromWebIdentityToken>`
		);

		const header = (name: string) => s3!.request.headers.find(([n]) => n === name)?.[1];
		expect(s3!.request.method).toBe('GET');
		expect(new URL(s3!.request.url).pathname).toBe('/public/welcome.txt');
		expect(header('authorization')).toMatch(
			new RegExp(`^AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261202/us-east-1/s3/aws4_request, `)
		);
		expect(header('x-amz-security-token')).toBeTruthy();
		expect(s3!.response.body).toBe(
			'Welcome to Flow Lab. Anyone with the guest role may read this.\n'
		);
	});

	it("gets an OpenID token that verifies against the pool's published JWKS, for ten minutes", async () => {
		const { Token } = JSON.parse(exchange(guest, 'get-open-id-token').response.body) as {
			Token: string;
		};
		// The keys as a verifier fetches them: from the published address, through the cloud.
		const published = await c.fetch('https://cognito-identity.amazonaws.com/.well-known/jwks_uri');
		const jwks = createLocalJWKSet((await published.json()) as JSONWebKeySet);
		const { payload, protectedHeader } = await jwtVerify(Token, jwks, {
			issuer: 'https://cognito-identity.amazonaws.com',
			audience: poolId,
			currentDate: new Date(pinnedAt)
		});
		expect(protectedHeader.alg).toBe('RS512');
		expect(payload.amr).toEqual(['unauthenticated']);
		expect(payload.exp! - payload.iat!).toBe(600);
	});

	it("explains STS's trust-policy decision beside its answer", () => {
		const kinds = exchange(guest, 'assume-role-with-web-identity').explanations?.map((x) => [
			x.kind,
			x.verdict
		]);
		expect(kinds).toContainEqual(['trust-policy', 'pass']);
	});

	it('captions every step from the values of the run', () => {
		const captions = Object.fromEntries(guest.steps.map((s) => [s.id, s.caption]));
		const { IdentityId } = JSON.parse(exchange(guest, 'get-id').response.body) as {
			IdentityId: string;
		};
		expect(captions['get-id']).toBe(
			`The app sends GetId with IdentityPoolId ${poolId} and no Logins: nobody has signed in, so it asks for a guest identity. The pool allows guests and answers IdentityId ${IdentityId}.`
		);
		expect(captions['get-open-id-token']).toBe(
			`The app sends GetOpenIdToken with that IdentityId and nothing else. The pool answers with its own OpenID token: sub ${IdentityId}, aud ${poolId}, amr ["unauthenticated"], valid until 09:15:07 UTC (600 s).`
		);
		expect(captions['assume-role-with-web-identity']).toMatch(
			/^The app calls AssumeRoleWithWebIdentity naming FlowLabGuest, with the OpenID token and DurationSeconds 3600\. STS verifies the token, the trust policy's aud and amr conditions hold, and it answers with credentials for assumed-role\/FlowLabGuest\/flow-lab-app \(AccessKeyId ASIA…\), valid until 10:05:07 UTC\.$/
		);
		expect(captions['get-object']).toBe(
			'The app signs GET /public/welcome.txt with SigV4, using the temporary credentials and their session token. S3 checks the signature and FlowLabGuest\'s policy, and answers with the 63-byte file: "Welcome to Flow Lab. Anyone with the guest role may read this."'
		);
	});
});

describe('the DurationSeconds choice', () => {
	it('asks STS for 900 seconds and gets credentials that end 15 minutes later', async () => {
		const r = await run({ cloud: cloud(), choices: { duration: '900' }, mistakes: [] });
		const sts = exchange(r, 'assume-role-with-web-identity');
		expect(form(sts).DurationSeconds).toBe('900');
		expect(sts.response.body).toContain('<Expiration>2026-12-02T09:20:07Z</Expiration>');
	});

	it('refuses a value the flow does not offer, and a mistake it does not know', async () => {
		await expect(
			run({ cloud: cloud(), choices: { duration: '60' }, mistakes: [] })
		).rejects.toThrow(new TypeError('Flow identity-pool-basic-flow has no duration "60"'));
		await expect(run({ cloud: cloud(), choices: {}, mistakes: ['nope'] })).rejects.toThrow(
			new TypeError('Flow identity-pool-basic-flow has no mistake "nope"')
		);
	});
});

describe('each mistake fails at the right hop with the real error, or shows the harm', () => {
	it('classic-flow-off: the pool refuses GetOpenIdToken', async () => {
		const r = await run({ cloud: cloud(), choices: {}, mistakes: ['classic-flow-off'] });
		expect(r.status).toBe('failed');
		expect(r.error).toBe(
			'InvalidParameterException: Basic (classic) flow is not enabled, please use enhanced flow.'
		);
		expect(summary(r)).toEqual([
			['get-id', 'ok', ['GetId 200']],
			['get-open-id-token', 'error', ['GetOpenIdToken 400 InvalidParameterException']]
		]);
		expect(r.steps[1]!.caption).toBe(
			'The app sends GetOpenIdToken with that IdentityId and nothing else. The identity pool refuses: InvalidParameterException: Basic (classic) flow is not enabled, please use enhanced flow.'
		);
	});

	it('classic-flow-with-role-mappings: the pool refuses GetOpenIdToken', async () => {
		const r = await run({
			cloud: cloud(),
			choices: {},
			mistakes: ['classic-flow-with-role-mappings']
		});
		expect(r.status).toBe('failed');
		expect(r.error).toBe(
			'InvalidParameterException: Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.'
		);
		expect(summary(r).at(-1)).toEqual([
			'get-open-id-token',
			'error',
			['GetOpenIdToken 400 InvalidParameterException']
		]);
	});

	it('trust-policy-without-amr: a guest gets the authenticated role, and after the fix is refused', async () => {
		const r = await run({ cloud: cloud(), choices: {}, mistakes: ['trust-policy-without-amr'] });
		expect(r.status).toBe('done');
		expect(summary(r)).toEqual([
			['get-id', 'ok', ['GetId 200']],
			['get-open-id-token', 'ok', ['GetOpenIdToken 200']],
			['assume-authenticated-role', 'ok', ['AssumeRoleWithWebIdentity 200']],
			[
				'assume-authenticated-role-after-fix',
				'error',
				['AssumeRoleWithWebIdentity 403 AccessDenied']
			],
			['assume-role-with-web-identity', 'ok', ['AssumeRoleWithWebIdentity 200']],
			['get-object', 'ok', ['GetObject 200']]
		]);
		const harm = exchange(r, 'assume-authenticated-role');
		expect(form(harm).RoleArn).toBe('arn:aws:iam::111122223333:role/FlowLabAuthenticated');
		expect(harm.response.body).toContain('assumed-role/FlowLabAuthenticated/flow-lab-app');
		const fixed = exchange(r, 'assume-authenticated-role-after-fix');
		expect(form(fixed)).toEqual(form(harm));
		expect(fixed.outcome).toMatchObject({
			code: 'AccessDenied',
			message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
		});
		expect(fixed.explanations?.map((x) => [x.kind, x.verdict])).toContainEqual([
			'trust-policy',
			'fail'
		]);
		const captions = Object.fromEntries(r.steps.map((s) => [s.id, s.caption]));
		expect(captions['assume-authenticated-role']).toMatch(
			/^Still a guest, the app calls AssumeRoleWithWebIdentity naming FlowLabAuthenticated, the signed-in users' role, with its guest token \(amr \["unauthenticated"\]\)\. That role's trust policy checks only aud, which matches, so STS answers with credentials for assumed-role\/FlowLabAuthenticated\/flow-lab-app /
		);
		expect(captions['assume-authenticated-role-after-fix']).toBe(
			"The administrator adds the amr condition to FlowLabAuthenticated's trust policy, and the guest sends the same request with the same token. STS refuses: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity"
		);
	});

	it('open-id-token-expired: fifteen minutes pass, and STS refuses the dead token', async () => {
		const r = await run({ cloud: cloud(), choices: {}, mistakes: ['open-id-token-expired'] });
		expect(r.status).toBe('failed');
		expect(summary(r)).toEqual([
			['get-id', 'ok', ['GetId 200']],
			['get-open-id-token', 'ok', ['GetOpenIdToken 200']],
			['open-id-token-expires', 'ok', []],
			[
				'assume-role-with-web-identity',
				'error',
				['AssumeRoleWithWebIdentity 400 ExpiredTokenException']
			]
		]);
		const wait = r.steps[2]!;
		expect(wait).toMatchObject({ actor: 'app', at: pinnedAt + 15 * 60_000 });
		const exp = Math.floor(pinnedAt / 1000) + 600;
		expect(r.error).toBe(
			`ExpiredTokenException: Token expired: current date/time ${exp + 300} must be before the expiration date/time ${exp}`
		);
		expect(wait.caption).toBe(
			"The app keeps the OpenID token while the clock moves 15 minutes to 09:20:07 UTC, past the token's exp (09:15:07 UTC). Nothing is sent; the app still holds the dead token."
		);
	});
});
