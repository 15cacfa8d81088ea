import { describe, expect, it } from 'vitest';
import { createCloud, type Exchange } from '$lib/cloud';
import { parseXmlTree } from '$lib/cloud/saml';
import { findFlow } from '$lib/flows';
import { testKeys } from '../../../tests/support/test-keys';
import { findSamlResponse } from './find-saml-response';
import { inspectSamlResponse } from './inspect-saml-response';
import { prettyXml } from './pretty-xml';

/** A real SAML sign-in's exchanges, oldest first. */
async function exchangesOf(mistakes: string[]): Promise<Exchange[]> {
	const { run } = await findFlow('federation-enterprise-saml')!.load();
	const cloud = createCloud(undefined, { userPoolKeys: testKeys });
	await run({ cloud, choices: {}, mistakes });
	return [...cloud.log.entries];
}

/** The browser's post to /saml2/idpresponse, with the exchanges before it. */
async function postOf(mistakes: string[]) {
	const all = await exchangesOf(mistakes);
	const index = all.findIndex((e) => e.label === 'POST /saml2/idpresponse');
	return { post: all[index]!, earlier: all.slice(0, index), all };
}

const statuses = (steps: { id: string; status: string }[]) =>
	Object.fromEntries(steps.map((s) => [s.id, s.status]));

describe('findSamlResponse', () => {
	it("finds the response in the browser's form post and in the IdP's auto-post page, with the metadata's certificate", async () => {
		const { post, earlier, all } = await postOf([]);
		const posted = findSamlResponse(post, 'request', earlier)!;
		expect(posted).toMatchObject({
			source: 'form',
			metadataUrl: 'https://idp.example.com/metadata',
			at: post.at
		});
		expect(posted.certificates).toHaveLength(1);
		const page = all.find((e) => e.label === 'POST /sso/login')!;
		const onPage = findSamlResponse(page, 'response', earlier)!;
		expect(onPage).toMatchObject({ source: 'page', encoded: posted.encoded });
	});

	it('finds nothing in other messages, and no certificate before the metadata is read', async () => {
		const { post, all } = await postOf([]);
		for (const e of all.filter((e) => e !== post)) {
			expect(findSamlResponse(e, 'request', all), e.label).toBeNull();
			if (e.label !== 'POST /sso/login') expect(findSamlResponse(e, 'response', all)).toBeNull();
		}
		expect(findSamlResponse(post, 'request', [])!.certificates).toEqual([]);
	});
});

describe('inspectSamlResponse', () => {
	it('a response as the IdP signed it: every step passes, and the facts are what the IdP wrote', async () => {
		const { post, earlier } = await postOf([]);
		const inspection = await inspectSamlResponse(findSamlResponse(post, 'request', earlier)!);
		if (!inspection.ok) throw new Error(inspection.problem);
		expect(inspection.valid).toBe(true);
		expect(statuses(inspection.steps)).toEqual({
			certificate: 'pass',
			reference: 'pass',
			digest: 'pass',
			signature: 'pass'
		});
		expect(inspection.facts).toMatchObject({
			issuer: 'https://idp.example.com/metadata',
			nameId: 'jdoe@example.com',
			audiences: ['urn:amazon:cognito:sp:us-east-1_FlowLab01'],
			recipient: 'https://flow-lab.auth.us-east-1.amazoncognito.com/saml2/idpresponse',
			expired: false
		});
		expect(inspection.facts.inResponseTo).toMatch(/^_/);
		expect(inspection.facts.attributes).toContainEqual({
			name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
			values: ['Doe']
		});
		expect(inspection.xml).toMatch(/^<samlp:Response xmlns:samlp=/);
		expect(inspection.xml).toContain(
			'\n    <saml:Issuer>https://idp.example.com/metadata</saml:Issuer>'
		);
	});

	it('a response edited in the browser: the digest step fails, the signature step is not run', async () => {
		const { post, earlier } = await postOf(['tampered-response']);
		const inspection = await inspectSamlResponse(findSamlResponse(post, 'request', earlier)!);
		if (!inspection.ok) throw new Error(inspection.problem);
		expect(inspection.valid).toBe(false);
		expect(statuses(inspection.steps)).toEqual({
			certificate: 'pass',
			reference: 'pass',
			digest: 'fail',
			signature: 'not-run'
		});
		expect(inspection.facts.nameId).toBe('rroe@example.com');
	});

	it('a response for another audience is validly signed; its Audience is the typo', async () => {
		const { post, earlier } = await postOf(['wrong-audience']);
		const inspection = await inspectSamlResponse(findSamlResponse(post, 'request', earlier)!);
		expect(inspection).toMatchObject({
			ok: true,
			valid: true,
			facts: { audiences: ['urn:amazon:cognito:sp:us-east-1_FlowLab1'] }
		});
	});

	it('a response posted after NotOnOrAfter is read as expired at the time of the post', async () => {
		const { post, earlier } = await postOf(['assertion-expired']);
		const inspection = await inspectSamlResponse(findSamlResponse(post, 'request', earlier)!);
		expect(inspection).toMatchObject({ ok: true, valid: true, facts: { expired: true } });
	});

	it('without the metadata the certificate step fails and nothing else runs', async () => {
		const { post } = await postOf([]);
		const inspection = await inspectSamlResponse(findSamlResponse(post, 'request', [])!);
		expect(inspection.ok && statuses(inspection.steps)).toEqual({
			certificate: 'fail',
			reference: 'not-run',
			digest: 'not-run',
			signature: 'not-run'
		});
	});

	it('a value that is not base64 XML is described, not thrown', async () => {
		const inspection = await inspectSamlResponse({
			encoded: 'not%base64',
			source: 'form',
			certificates: [],
			metadataUrl: null,
			at: 0
		});
		expect(inspection.ok).toBe(false);
		expect(!inspection.ok && inspection.problem).toMatch(/^SAMLResponse is not base64-encoded XML/);
	});
});

describe('prettyXml', () => {
	it('puts one element per line, keeps short text inline and declarations where written', () => {
		expect(prettyXml(parseXmlTree('<a xmlns:b="urn:b" x="1"><b:c>t &amp; u</b:c><d/></a>'))).toBe(
			'<a xmlns:b="urn:b" x="1">\n  <b:c>t &amp; u</b:c>\n  <d/>\n</a>'
		);
	});
});
