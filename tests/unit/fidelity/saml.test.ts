import { X509Certificate } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import * as oauth from 'oauth4webapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { createCloud, type Cloud, type Scenario } from '$lib/cloud';
import { createCookieJar, type CookieJar } from '$lib/cloud/browser/cookie-jar';
import { navigate, type NavigationResult } from '$lib/cloud/browser/navigate';
import { bodyText } from '$lib/cloud/wire/http-message';
import { advanceTime, testScenario, unpinTime, webClientId } from '../../support';
import { appAuthorizationRequest, formAction } from '../../support/oauth-app';
import { pinnedCloud } from '../../support/pinned-cloud';
import { testKeys } from '../../support/test-keys';
import { pinTime } from '../../support/pinned-time';

// Enterprise SAML federation through managed login. xml-crypto judges the simulated IdP's
// signatures against the certificate its metadata publishes; oauth4webapi is the app's client of
// the user pool; and Cognito must refuse what a careful service provider refuses.

const issuer = new URL('https://cognito-idp.us-east-1.amazoncognito.com/us-east-1_FlowLab01');
const poolIssuer = new URL('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01');
const callback = 'https://app.example.com/callback';
const acs = 'https://flow-lab.auth.us-east-1.amazoncognito.com/saml2/idpresponse';
const audience = 'urn:amazon:cognito:sp:us-east-1_FlowLab01';
const web: oauth.Client = { client_id: webClientId };
void issuer;

let cloud: Cloud;
let jar: CookieJar;
const viaCloud = () => ({
	[oauth.customFetch]: (...args: Parameters<typeof fetch>) => cloud.fetch(...args)
});

beforeEach(() => {
	cloud = pinnedCloud();
	jar = createCookieJar(cloud.clock);
});
afterEach(unpinTime);

function browse(url: string, form?: Record<string, string>) {
	return navigate(
		(r) => cloud.send(r),
		jar,
		{ url, form },
		(u) => u.startsWith(callback)
	);
}

async function poolServer() {
	return oauth.processDiscoveryResponse(
		poolIssuer,
		await oauth.discoveryRequest(poolIssuer, viaCloud())
	);
}

/** The app sends the browser to managed login for ExampleCorp; it lands on the IdP's form. */
async function toIdp(params: Record<string, string> = { identity_provider: 'ExampleCorp' }) {
	const as = await poolServer();
	const request = await appAuthorizationRequest(as, {
		client_id: webClientId,
		redirect_uri: callback,
		scope: 'openid email profile',
		...params
	});
	return { as, request, page: await browse(request.url) };
}

/** The IdP's auto-post page: where its form goes and the two hidden fields. */
function postedBack(page: NavigationResult) {
	const html = bodyText(page.response);
	const field = (name: string) =>
		new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
	return {
		action: formAction(page),
		SAMLResponse: field('SAMLResponse')!,
		RelayState: field('RelayState')!
	};
}

/** Signs in at the IdP; returns the answer it would post to Cognito, not yet posted. */
async function idpAnswer(
	page: NavigationResult,
	username = 'jdoe@example.com',
	password = 'ExampleCorp-Jdoe-42'
) {
	const answered = await browse(formAction(page), { username, password });
	expect(answered.response.status).toBe(200);
	return postedBack(answered);
}

const xmlOf = (samlResponse: string) => Buffer.from(samlResponse, 'base64').toString('utf8');
const base64Of = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

async function metadataCertificate(): Promise<string> {
	const xml = await (await cloud.fetch('https://idp.example.com/metadata')).text();
	const base64 = /<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/.exec(xml)![1]!;
	return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

describe('the simulated SAML IdP, judged by xml-crypto and node:crypto', () => {
	it('publishes a well-formed self-signed X.509 certificate in its metadata', async () => {
		const certificate = new X509Certificate(await metadataCertificate());
		expect(certificate.subject).toBe('CN=idp.example.com');
		expect(certificate.verify(certificate.publicKey)).toBe(true);
		expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
	});

	it("signs the assertion so that xml-crypto verifies it with the metadata's certificate", async () => {
		const { page } = await toIdp();
		const { SAMLResponse } = await idpAnswer(page);
		const xml = xmlOf(SAMLResponse);
		const doc = new DOMParser().parseFromString(xml, 'text/xml');
		const signature = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature');
		expect(signature.length).toBe(1);
		const verifier = new SignedXml({ publicCert: await metadataCertificate() });
		verifier.loadSignature(signature[0]!);
		expect(verifier.checkSignature(xml)).toBe(true);
		// What xml-crypto canonicalised is the assertion exactly as written, minus its signature:
		// the IdP writes it canonical, so the bytes on the wire are the bytes signed.
		const [signed] = verifier.getSignedReferences();
		const written = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
		expect(signed).toBe(written.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''));
		expect(signed).toContain(`<saml:Audience>${audience}</saml:Audience>`);
		expect(signed).toContain(`Recipient="${acs}"`);
	});

	it('xml-crypto rejects the assertion once a byte of it changes', async () => {
		const { page } = await toIdp();
		const xml = xmlOf((await idpAnswer(page)).SAMLResponse).replace(
			'>jdoe@example.com</saml:NameID>',
			'>rroe@example.com</saml:NameID>'
		);
		const doc = new DOMParser().parseFromString(xml, 'text/xml');
		const verifier = new SignedXml({ publicCert: await metadataCertificate() });
		verifier.loadSignature(
			doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0]!
		);
		let valid: boolean;
		try {
			valid = verifier.checkSignature(xml);
		} catch {
			valid = false;
		}
		expect(valid).toBe(false);
	});
});

describe('SAML sign-in through managed login', () => {
	async function signIn(params?: Record<string, string>) {
		const { as, request, page } = await toIdp(params);
		const answer = await idpAnswer(page);
		const back = await browse(answer.action, {
			SAMLResponse: answer.SAMLResponse,
			RelayState: answer.RelayState
		});
		const callbackParams = oauth.validateAuthResponse(
			as,
			web,
			new URL(back.leftFor!),
			request.state
		);
		const response = await oauth.authorizationCodeGrantRequest(
			as,
			web,
			oauth.None(),
			callbackParams,
			callback,
			request.verifier,
			viaCloud()
		);
		return oauth.processAuthorizationCodeResponse(as, web, response, {
			expectedNonce: request.nonce
		});
	}

	it("sends Cognito's AuthnRequest by the redirect binding, with an opaque RelayState", async () => {
		await toIdp();
		const sso = cloud.log.entries.find((e) => e.label === 'GET /sso')!;
		const url = new URL(sso.request.url);
		expect(url.origin + url.pathname).toBe('https://idp.example.com/sso');
		expect(url.searchParams.get('RelayState')).toMatch(/^[0-9a-f-]{36}$/);
		const xml = inflateRawSync(
			Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64')
		).toString();
		expect(xml).toMatch(/^<samlp:AuthnRequest /);
		expect(xml).toContain(`AssertionConsumerServiceURL="${acs}"`);
		expect(xml).toContain('Destination="https://idp.example.com/sso"');
		expect(xml).toMatch(/ ID="_[0-9a-f-]{36}"/);
		expect(xml).toContain(`<saml:Issuer>${audience}</saml:Issuer>`);
	});

	it("ends with Cognito's tokens for the federated user <Provider>_<NameID>", async () => {
		const tokens = await signIn();
		const id = oauth.getValidatedIdTokenClaims(tokens)!;
		expect(id.iss).toBe(poolIssuer.href);
		expect(id['cognito:username']).toBe('ExampleCorp_jdoe@example.com');
		expect(id['cognito:groups']).toEqual(['us-east-1_FlowLab01_ExampleCorp']);
		expect(id).toMatchObject({ email: 'jdoe@example.com', given_name: 'John', family_name: 'Doe' });
		expect(id.identities).toEqual([
			expect.objectContaining({
				userId: 'jdoe@example.com',
				providerName: 'ExampleCorp',
				providerType: 'SAML',
				issuer: 'https://idp.example.com/metadata',
				primary: 'true'
			})
		]);
	});

	it('reaches the IdP by idp_identifier too', async () => {
		const tokens = await signIn({ idp_identifier: 'example.com' });
		expect(oauth.getValidatedIdTokenClaims(tokens)!['cognito:username']).toBe(
			'ExampleCorp_jdoe@example.com'
		);
	});

	it('reads the metadata once, drawn from managed login to the IdP', async () => {
		await signIn();
		jar = createCookieJar(cloud.clock);
		await signIn();
		const reads = cloud.log.entries.filter((e) => e.label === 'GET /metadata');
		expect(reads.map((e) => `${e.from} → ${e.to}`)).toEqual(['managed-login → external-idp']);
	});

	it('a second sign-in is the same user: same sub', async () => {
		const first = oauth.getValidatedIdTokenClaims(await signIn())!;
		jar = createCookieJar(cloud.clock);
		const second = oauth.getValidatedIdTokenClaims(await signIn())!;
		expect(second.sub).toBe(first.sub);
	});
});

describe('Cognito refuses a SAML response that a careful service provider refuses', () => {
	/** Posts an answer to Cognito; returns where the browser was sent and why. */
	async function post(answer: { action: string; SAMLResponse: string; RelayState: string }) {
		const back = await browse(answer.action, {
			SAMLResponse: answer.SAMLResponse,
			RelayState: answer.RelayState
		});
		if (!back.leftFor) return { page: back.response };
		const to = new URL(back.leftFor);
		return {
			error: to.searchParams.get('error'),
			description: to.searchParams.get('error_description'),
			state: to.searchParams.get('state'),
			code: to.searchParams.get('code')
		};
	}

	async function answer() {
		const { page, request } = await toIdp();
		return { ...(await idpAnswer(page)), state: request.state };
	}

	it('a tampered assertion: the signature is invalid', async () => {
		const a = await answer();
		const tampered = xmlOf(a.SAMLResponse).replace(
			'>jdoe@example.com</saml:NameID>',
			'>rroe@example.com</saml:NameID>'
		);
		expect(await post({ ...a, SAMLResponse: base64Of(tampered) })).toMatchObject({
			error: 'server_error',
			description: 'Invalid SAML response received: SAML Assertion signature is invalid.',
			state: a.state,
			code: null
		});
	});

	it('an unsigned assertion', async () => {
		const a = await answer();
		const unsigned = xmlOf(a.SAMLResponse).replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
		expect(await post({ ...a, SAMLResponse: base64Of(unsigned) })).toMatchObject({
			error: 'server_error',
			description:
				'Invalid SAML response received: neither the Response nor the Assertion is signed.'
		});
	});

	it('a signed assertion for another audience (the IdP admin typed the wrong Audience URI)', async () => {
		const scenario: Scenario = testScenario();
		scenario.samlIdp!.serviceProviders[0]!.audience = 'urn:amazon:cognito:sp:us-east-1_Typo';
		pinTime();
		cloud = createCloud(scenario, { userPoolKeys: testKeys });
		jar = createCookieJar(cloud.clock);
		expect(await post(await answer())).toMatchObject({
			error: 'server_error',
			description: `Invalid SAML response received: Audience is not ${audience}.`
		});
	});

	it('an expired assertion: posted after its five minutes', async () => {
		const a = await answer();
		advanceTime(5 * 60_000);
		const refused = await post(a);
		expect(refused.error).toBe('server_error');
		expect(refused.description).toMatch(
			/^Invalid SAML response received: no bearer SubjectConfirmation for this Recipient, in time/
		);
	});

	it('an answer to another sign-in: InResponseTo does not match', async () => {
		const first = await answer();
		// A second sign-in from the same browser: the IdP remembers it and answers at once.
		const { page, request } = await toIdp();
		const second = postedBack(page);
		expect(await post({ ...first, RelayState: second.RelayState })).toMatchObject({
			error: 'server_error',
			description: 'Invalid SAML response received: InResponseTo does not match the request.',
			state: request.state
		});
	});

	it('a replayed answer: its RelayState was used up, so there is no app to go back to', async () => {
		const a = await answer();
		expect((await post(a)).code).toBeTruthy();
		const replay = await post(a);
		expect(replay.page?.status).toBe(400);
		expect(bodyText(replay.page!)).toContain(
			'Invalid samlResponse or relayState from identity provider'
		);
	});

	it('an answer that is not base64 XML', async () => {
		const a = await answer();
		expect(await post({ ...a, SAMLResponse: 'not%base64' })).toMatchObject({
			error: 'server_error',
			description: 'Invalid SAML response received: SAMLResponse is not base64-encoded XML.'
		});
	});
});
