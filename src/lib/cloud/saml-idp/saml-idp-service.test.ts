import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCloud } from '../create-cloud';
import { deflateMessage } from '../saml';
import { bodyText, header, utf8Bytes } from '../wire/http-message';

const sso = 'https://idp.example.com/sso';
const acs = 'https://flow-lab.auth.us-east-1.amazoncognito.com/saml2/idpresponse';
const sp = 'urn:amazon:cognito:sp:us-east-1_FlowLab01';

const authnRequest = (issuer = sp, acsUrl = acs, id = '_r1') =>
	`<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" AssertionConsumerServiceURL="${acsUrl}" Destination="${sso}" ID="${id}" IssueInstant="2026-11-03T09:05:07Z" Version="2.0"><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`;

async function get(cloud = createCloud(), xml = authnRequest()) {
	const url = new URL(sso);
	url.searchParams.set('SAMLRequest', await deflateMessage(xml));
	url.searchParams.set('RelayState', 'rs-1');
	const page = await cloud.send({
		method: 'GET',
		url: url.href,
		headers: [],
		body: new Uint8Array()
	});
	return { cloud, url, page };
}

describe('the simulated SAML IdP', () => {
	it('shows its sign-in form for a known service provider', async () => {
		const { page } = await get();
		expect(page.status).toBe(200);
		expect(bodyText(page)).toContain('name="password"');
	});

	it.each([
		['an unknown service provider', authnRequest('urn:amazon:cognito:sp:us-east-1_Other')],
		['an ACS that is not registered', authnRequest(sp, 'https://evil.example/acs')],
		[
			'a request that is not an AuthnRequest',
			'<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'
		]
	])('refuses %s with an error page, never a post', async (_, xml) => {
		const { page } = await get(undefined, xml);
		expect(page.status).toBe(400);
		expect(bodyText(page)).not.toContain('SAMLResponse');
	});

	it('answers a wrong password on its own form, and a right one with the auto-post to the ACS', async () => {
		const { cloud, url } = await get();
		const login = (password: string) =>
			cloud.send({
				method: 'POST',
				url: `https://idp.example.com/sso/login${url.search}`,
				headers: [['content-type', 'application/x-www-form-urlencoded']],
				body: utf8Bytes(new URLSearchParams({ username: 'jdoe@example.com', password }).toString())
			});
		const wrong = await login('nope');
		expect(wrong.status).toBe(400);
		expect(bodyText(wrong)).toContain('Incorrect user ID or password.');
		const right = await login('ExampleCorp-Jdoe-42');
		expect(bodyText(right)).toContain(`<form method="post" action="${acs}">`);
		expect(bodyText(right)).toContain('name="RelayState" value="rs-1"');
		expect(header(right, 'set-cookie')).toMatch(
			/^IDP_SESSION=.+; Secure; HttpOnly; SameSite=None$/
		);
	});

	it('never answers a malformed request with a 5xx, and always with a page or its metadata', async () => {
		const cloud = createCloud();
		const templates = [
			authnRequest(),
			authnRequest('urn:x'),
			authnRequest(sp, 'https://evil.example/'),
			authnRequest(sp, acs, ''),
			'<a/>',
			'<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'
		];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('GET', 'POST', 'PUT'),
				fc.constantFrom('/metadata', '/sso', '/sso/login', '/nope'),
				fc.oneof(
					fc.constant(null),
					fc.string(),
					fc.base64String(),
					fc.record({
						template: fc.constantFrom(...templates),
						at: fc.nat(),
						cut: fc.nat({ max: 8 }),
						insert: fc.string({ maxLength: 8 })
					})
				),
				fc.option(fc.string(), { nil: undefined }),
				fc.dictionary(
					fc.constantFrom('username', 'password'),
					fc.oneof(fc.string(), fc.constant('jdoe@example.com'))
				),
				fc.option(fc.string(), { nil: undefined }),
				async (method, path, samlRequest, relayState, form, cookie) => {
					const url = new URL(`https://idp.example.com${path}`);
					if (typeof samlRequest === 'string') url.searchParams.set('SAMLRequest', samlRequest);
					else if (samlRequest) {
						const { template, at, cut, insert } = samlRequest;
						const i = at % (template.length + 1);
						const xml = template.slice(0, i) + insert + template.slice(i + cut);
						url.searchParams.set('SAMLRequest', await deflateMessage(xml));
					}
					if (relayState !== undefined) url.searchParams.set('RelayState', relayState);
					const headers: [string, string][] = [
						['content-type', 'application/x-www-form-urlencoded']
					];
					if (cookie !== undefined) headers.push(['cookie', cookie]);
					const r = await cloud.send({
						method,
						url: url.href,
						headers,
						body: utf8Bytes(method === 'POST' ? new URLSearchParams(form).toString() : '')
					});
					expect(r.status).toBeLessThan(500);
					expect(header(r, 'content-type')).toMatch(/^(text\/html|application\/samlmetadata\+xml)/);
				}
			),
			{ numRuns: 1500 }
		);
	});
});
