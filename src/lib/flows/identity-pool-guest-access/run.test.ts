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

/** Each step as [id, outcome, [label, host, status, error code][]]. */
const summary = (flowRun: FlowRun) =>
	flowRun.steps.map(
		(s) =>
			[
				s.id,
				s.outcome,
				s.exchanges.map((e) => {
					const outcome = readOutcome(e.response);
					return [e.label, new URL(e.request.url).host, e.response.status, outcome.code];
				})
			] as const
	);

const identityHost = 'cognito-identity.us-east-1.amazonaws.com';
const bucketHost = 'flow-lab-notes.s3.us-east-1.amazonaws.com';
const guestArn = 'arn:aws:sts::111122223333:assumed-role/FlowLabGuest/CognitoIdentityCredentials';

async function runWith(mistakes: string[]): Promise<{ cloud: Cloud; flowRun: FlowRun }> {
	const cloud = freshCloud();
	return { cloud, flowRun: await run({ cloud, choices: {}, mistakes }) };
}

describe('the guest-access run', () => {
	let cloud: Cloud;
	let flowRun: FlowRun;
	beforeAll(async () => {
		({ cloud, flowRun } = await runWith([]));
	});

	it('gets a guest identity and credentials, reads the public object, and is refused the write without failing', () => {
		expect(flowRun).toMatchObject({ flowId: definition.id, mistakes: [], status: 'done' });
		expect(flowRun.error).toBeUndefined();
		expect(summary(flowRun)).toEqual([
			['get-id', 'ok', [['GetId', identityHost, 200, null]]],
			['get-credentials', 'ok', [['GetCredentialsForIdentity', identityHost, 200, null]]],
			['read-public-object', 'ok', [['GetObject', bucketHost, 200, null]]],
			['write-object', 'error', [['PutObject', bucketHost, 403, 'AccessDenied']]]
		]);
		expect(flowRun.steps.every((s) => s.at === pinnedAt)).toBe(true);
	});

	it('sends GetId and GetCredentialsForIdentity unsigned and without Logins, and signs the S3 requests with the guest credentials', () => {
		const [getId, getCredentials, read, write] = flowRun.steps.map((s) => s.exchanges[0]!);
		expect(JSON.parse(getId!.request.body)).toEqual({
			IdentityPoolId: cloud.scenario.identityPool.id
		});
		const { IdentityId } = JSON.parse(getId!.response.body) as { IdentityId: string };
		expect(IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
		expect(JSON.parse(getCredentials!.request.body)).toEqual({ IdentityId });
		for (const exchange of [getId!, getCredentials!])
			expect(exchange.request.headers.map(([n]) => n.toLowerCase())).not.toContain('authorization');

		const { Credentials } = JSON.parse(getCredentials!.response.body) as {
			Credentials: { AccessKeyId: string; SessionToken: string; Expiration: number };
		};
		expect(Credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
		expect(Credentials.Expiration).toBe(pinnedAt / 1000 + 3600);
		for (const exchange of [read!, write!]) {
			const header = (name: string) =>
				exchange.request.headers.find(([n]) => n.toLowerCase() === name)?.[1];
			expect(header('authorization')).toMatch(
				new RegExp(
					`^AWS4-HMAC-SHA256 Credential=${Credentials.AccessKeyId}/20261103/us-east-1/s3/aws4_request, SignedHeaders=`
				)
			);
			expect(header('x-amz-security-token')).toBe(Credentials.SessionToken);
			expect(header('x-amz-date')).toBe('20261103T090507Z');
		}
		expect(read!.request.url).toBe(`https://${bucketHost}/public/welcome.txt`);
		expect(write!.request).toMatchObject({
			method: 'PUT',
			url: `https://${bucketHost}/public/guestbook.txt`
		});
	});

	it('shows why S3 refused the write: the signature passed, IAM found nothing allowing s3:PutObject', () => {
		const write = flowRun.steps[3]!.exchanges[0]!;
		expect(write.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
			['sigv4', 'pass'],
			['permissions', 'fail']
		]);
	});

	it('captions each step from the values of the run', () => {
		const [getId, getCredentials, read, write] = flowRun.steps;
		const identityId = (JSON.parse(getId!.exchanges[0]!.response.body) as { IdentityId: string })
			.IdentityId;
		const key = (
			JSON.parse(getCredentials!.exchanges[0]!.response.body) as {
				Credentials: { AccessKeyId: string };
			}
		).Credentials.AccessKeyId;
		expect(getId!.caption).toBe(
			`The app sends GetId with IdentityPoolId ${cloud.scenario.identityPool.id} and no Logins, unsigned: nobody has signed in. The pool allows guests and answers with a new guest identity, ${identityId}.`
		);
		expect(getCredentials!.caption).toBe(
			`The app sends GetCredentialsForIdentity for ${identityId}, again with no Logins. Cognito assumes the guest role FlowLabGuest for it and returns temporary credentials: access key ${key}, a SecretKey and a SessionToken, valid until 10:05:07 UTC.`
		);
		expect(read!.caption).toBe(
			`The app signs GET /public/welcome.txt with SigV4, using access key ${key} and the session token, and sends it to flow-lab-notes. S3 verifies the signature and IAM allows s3:GetObject: S3 returns the text/plain object, "Welcome to Flow Lab. Anyone with the guest role may read this."`
		);
		expect(write!.caption).toBe(
			'The app signs PUT /public/guestbook.txt the same way, with the same credentials. S3 refuses with 403: AccessDenied: Access Denied'
		);
	});
});

describe('the guest-access mistakes', () => {
	it('guests-off: the identity pool refuses GetId and the run ends there', async () => {
		const { flowRun } = await runWith(['guests-off']);
		expect(summary(flowRun)).toEqual([
			['get-id', 'error', [['GetId', identityHost, 400, 'NotAuthorizedException']]]
		]);
		expect(flowRun).toMatchObject({
			status: 'failed',
			mistakes: ['guests-off'],
			error:
				'NotAuthorizedException: Unauthenticated access is not supported for this identity pool.'
		});
	});

	it('guest-outside-scope-down: Systems Manager refuses the call the guest role allows, naming the session policy', async () => {
		const { cloud, flowRun } = await runWith(['guest-outside-scope-down']);
		expect(summary(flowRun).slice(3)).toEqual([
			['write-object', 'error', [['PutObject', bucketHost, 403, 'AccessDenied']]],
			[
				'get-parameter',
				'error',
				[['GetParameter', 'ssm.us-east-1.amazonaws.com', 400, 'AccessDeniedException']]
			]
		]);
		const message = `User: ${guestArn} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:111122223333:parameter/flow-lab/banner because no session policy allows the ssm:GetParameter action`;
		expect(flowRun).toMatchObject({ status: 'failed', error: `AccessDeniedException: ${message}` });
		// The role does allow it: the decision names the role's statement and the missing session one.
		const permissions = cloud.log.entries
			.at(-1)!
			.explanations!.find((e) => e.kind === 'permissions')!;
		expect(
			permissions.checks.some((c) => c.label.includes('ReadBanner') && c.verdict === 'pass')
		).toBe(true);
		expect(flowRun.steps.at(-1)!.caption).toBe(
			`The app signs GetParameter for /flow-lab/banner with SigV4 for Systems Manager; the guest role has a statement that allows ssm:GetParameter on it. Systems Manager refuses with 400: AccessDeniedException: ${message}`
		);
	});

	it('drops mistake ids the flow does not know', async () => {
		const { flowRun } = await runWith(['no-such-mistake']);
		expect(flowRun.mistakes).toEqual([]);
		expect(flowRun.status).toBe('done');
	});
});
