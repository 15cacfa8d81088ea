import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire';
import { testKeys } from '../../../../tests/support/test-keys';
import type { FlowRun } from '../types';
import { definition } from './definition';
import { run } from './run';

const freshCloud = () => createCloud(undefined, { userPoolKeys: testKeys });
const acs = 'https://flow-lab.auth.us-east-1.amazoncognito.com/saml2/idpresponse';

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

const runWith = (mistakes: string[], choices: Record<string, string> = {}) =>
	run({ cloud: freshCloud(), choices, mistakes });
const exchange = (flowRun: FlowRun, step: string, index = 0) =>
	flowRun.steps.find((s) => s.id === step)!.exchanges[index]!;
const form = (body: string) => Object.fromEntries(new URLSearchParams(body));
const xmlOf = (samlResponse: string) => Buffer.from(samlResponse, 'base64').toString('utf8');

describe('the SAML sign-in run', () => {
	let flowRun: FlowRun;
	beforeAll(async () => {
		flowRun = await runWith([]);
	});

	it('goes through the IdP in the browser, with Cognito reading the metadata while it waits', () => {
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
					['managed-login', 'external-idp', 'GET /metadata', 200, null],
					['browser', 'external-idp', 'GET /sso', 200, null]
				]
			],
			['sign-in-at-idp', 'ok', [['browser', 'external-idp', 'POST /sso/login', 200, null]]],
			[
				'post-saml-response',
				'ok',
				[['browser', 'managed-login', 'POST /saml2/idpresponse', 302, null]]
			],
			['check-callback', 'ok', []],
			['redeem-code', 'ok', [['app', 'managed-login', 'POST /oauth2/token', 200, null]]],
			['user-info', 'ok', [['app', 'managed-login', 'GET /oauth2/userInfo', 200, null]]]
		]);
	});

	it("posts exactly the form the IdP's page holds: the signed response and Cognito's RelayState", () => {
		const page = exchange(flowRun, 'sign-in-at-idp').response.body;
		const posted = exchange(flowRun, 'post-saml-response').request;
		expect(posted.url).toBe(acs);
		const fields = form(posted.body);
		expect(page).toContain(`name="SAMLResponse" value="${fields.SAMLResponse}"`);
		const sso = new URL(exchange(flowRun, 'authorize', 2).request.url);
		expect(fields.RelayState).toBe(sso.searchParams.get('RelayState'));
		expect(xmlOf(fields.SAMLResponse!)).toContain(
			'<saml:Audience>urn:amazon:cognito:sp:us-east-1_FlowLab01</saml:Audience>'
		);
	});

	it("ends with Cognito's own tokens for ExampleCorp_<NameID>, with the mapped attributes", () => {
		const tokens = JSON.parse(exchange(flowRun, 'redeem-code').response.body) as Record<
			string,
			string
		>;
		expect(decodeJwt(tokens.id_token!)).toMatchObject({
			'cognito:username': 'ExampleCorp_jdoe@example.com',
			email: 'jdoe@example.com',
			given_name: 'John',
			family_name: 'Doe'
		});
		expect(flowRun.steps.at(-1)!.caption).toContain('email jdoe@example.com, name John Doe');
	});

	it('signs in the employee picked', async () => {
		const rroe = await runWith([], { user: 'rroe' });
		const tokens = JSON.parse(exchange(rroe, 'redeem-code').response.body) as { id_token: string };
		expect(decodeJwt(tokens.id_token)['cognito:username']).toBe('ExampleCorp_rroe@example.com');
	});
});

describe('the SAML mistakes end where Cognito refuses, with its words', () => {
	it.each([
		[
			'wrong-audience',
			'server_error: Invalid SAML response received: Audience is not urn:amazon:cognito:sp:us-east-1_FlowLab01.'
		],
		[
			'tampered-response',
			'server_error: Invalid SAML response received: SAML Assertion signature is invalid.'
		],
		[
			'assertion-expired',
			'server_error: Invalid SAML response received: no bearer SubjectConfirmation for this Recipient, in time, for this request.'
		]
	])('%s', async (mistake, error) => {
		const flowRun = await runWith([mistake]);
		expect(flowRun).toMatchObject({ status: 'failed', error });
		expect(flowRun.steps.at(-1)).toMatchObject({ id: 'post-saml-response', outcome: 'error' });
		const back = new URL(
			exchange(flowRun, 'post-saml-response').response.headers.find(
				([n]) => n.toLowerCase() === 'location'
			)![1]
		);
		expect(back.searchParams.get('error')).toBe('server_error');
		expect(back.searchParams.get('code')).toBeNull();
	});

	it('tampered-response: the NameID changed in the posted form, and nothing else', async () => {
		const flowRun = await runWith(['tampered-response']);
		const page = exchange(flowRun, 'sign-in-at-idp').response.body;
		const sent = /name="SAMLResponse" value="([^"]+)"/.exec(page)![1]!;
		const posted = form(exchange(flowRun, 'post-saml-response').request.body).SAMLResponse!;
		expect(xmlOf(posted)).toBe(
			xmlOf(sent).replace('>jdoe@example.com</saml:NameID>', '>rroe@example.com</saml:NameID>')
		);
	});
});
