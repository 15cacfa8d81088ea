import { base64Encode, base64UrlEncode, utf8Encode } from '$lib/crypto';
import { formOrEmpty } from '../oauth/oauth-form';
import { htmlPage } from '../oauth/oauth-responses';
import { requestCookies } from '../oauth/request-cookies';
import { binding, ns } from '../saml';
import {
	matchesSamlIdpHost,
	samlIdpEndpoints,
	samlIdpEntityId,
	samlIdpHost
} from '../saml-idp-host';
import type { SamlIdpScenario, SamlIdpUserScenario } from '../scenario';
import type { Service, ServiceContext } from '../service';
import { escapeXml } from '../wire';
import { wireResponse, type WireRequest, type WireResponse } from '../wire/http-message';
import { AuthnRequestError, readAuthnRequest } from './authn-request';
import { generateSamlIdpKey, type SamlIdpKey } from './saml-idp-keys';
import { attr, signedResponseXml } from './saml-response-xml';

/** ⚠ SIM: the IdP's session cookie name and the assertion's lifetime (five minutes is common). */
const sessionCookie = 'IDP_SESSION';
const assertionLifetimeMs = 5 * 60_000;

/** The IdP's service, and its certificate without a network round trip. */
export interface SamlIdp {
	service: Service;
	certificate(): Promise<string>;
}

/**
 * The simulated enterprise SAML 2.0 identity provider at `idp.example.com`: its metadata (the
 * entity id, the single sign-on endpoint, the signing certificate), single sign-on by the
 * HTTP-Redirect binding with its own sign-in form (and a session cookie, so a second visit asks
 * nothing), and the answer every SAML IdP gives: an HTML page whose form posts the signed
 * `SAMLResponse` and the `RelayState` to the service provider's assertion consumer service
 * (HTTP-POST binding). It trusts only the service providers of the scenario, at their
 * registered assertion consumer services.
 */
export function createSamlIdp(context: ServiceContext, idp: SamlIdpScenario): SamlIdp {
	const { clock, random } = context;
	let key: Promise<SamlIdpKey> | undefined;
	const signingKey = () => (key ??= generateSamlIdpKey(random, clock));
	const sessions = new Map<string, string>();
	const userByNameId = (nameId: string | undefined) => idp.users.find((u) => u.nameId === nameId);
	const newId = () => `_${base64UrlEncode(random.bytes(20)).replace(/[-_]/g, '0')}`;

	async function metadata(): Promise<WireResponse> {
		const { certificate } = await signingKey();
		const xml =
			`<?xml version="1.0" encoding="UTF-8"?>\n` +
			`<md:EntityDescriptor xmlns:md="${ns.metadata}" entityID="${samlIdpEntityId}">` +
			`<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${ns.protocol}">` +
			`<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="${ns.dsig}"><ds:X509Data>` +
			`<ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
			`<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>` +
			`<md:SingleSignOnService Binding="${binding.redirect}" Location="${samlIdpEndpoints.sso}"/>` +
			`</md:IDPSSODescriptor></md:EntityDescriptor>\n`;
		return wireResponse(200, { 'content-type': 'application/samlmetadata+xml' }, xml);
	}

	/** The request, its service provider and where the answer goes; or the page refusing it. */
	async function checkRequest(query: URLSearchParams) {
		const request = await readAuthnRequest(query.get('SAMLRequest'));
		const sp = idp.serviceProviders.find((s) => s.entityId === request.issuer);
		if (!sp)
			throw new AuthnRequestError(`The service provider ${request.issuer} is not known here.`);
		if (request.acsUrl !== undefined && request.acsUrl !== sp.acsUrl)
			throw new AuthnRequestError('The AssertionConsumerServiceURL is not registered.');
		if (request.destination !== undefined && request.destination !== samlIdpEndpoints.sso)
			throw new AuthnRequestError('The Destination is not this endpoint.');
		return { request, sp, relayState: query.get('RelayState') };
	}

	/** Single sign-on: the sign-in form, or (signed in) the answer posted back. */
	async function sso(request: WireRequest, query: URLSearchParams, problem?: string) {
		const checked = await checkRequest(query);
		const user = userByNameId(sessions.get(requestCookies(request).get(sessionCookie) ?? ''));
		if (!user)
			return htmlPage(
				problem ? 400 : 200,
				'Sign in - ExampleCorp',
				`<h1>ExampleCorp sign-in</h1>` +
					(problem ? `<p class="error" role="alert">${escapeXml(problem)}</p>` : '') +
					`<form method="post" action="/sso/login?${escapeXml(query.toString())}">` +
					`<label>Work email <input name="username" type="email" autocomplete="username"></label>` +
					`<label>Password <input name="password" type="password" autocomplete="current-password"></label>` +
					`<button type="submit">Sign in</button></form>`
			);
		return answer(user, checked);
	}

	async function answer(
		user: SamlIdpUserScenario,
		{ request, sp, relayState }: Awaited<ReturnType<typeof checkRequest>>,
		setCookies: string[] = []
	): Promise<WireResponse> {
		const { privateKey } = await signingKey();
		const xml = await signedResponseXml(
			{
				issuer: samlIdpEntityId,
				user,
				audience: sp.audience ?? sp.entityId,
				acsUrl: sp.acsUrl,
				inResponseTo: request.id,
				now: clock.now(),
				lifetimeMs: assertionLifetimeMs,
				responseId: newId(),
				assertionId: newId(),
				sessionIndex: newId()
			},
			privateKey
		);
		const relay =
			relayState === null
				? ''
				: `<input type="hidden" name="RelayState" value="${attr(relayState)}">`;
		// The HTTP-POST binding (SAML bindings §3.5): a form the page's script submits at once.
		return htmlPage(
			200,
			'Signing in…',
			`<form method="post" action="${attr(sp.acsUrl)}">` +
				`<input type="hidden" name="SAMLResponse" value="${base64Encode(utf8Encode(xml))}">${relay}` +
				`<noscript><button type="submit">Continue</button></noscript></form>` +
				`<script>document.forms[0].submit()</script>`,
			setCookies
		);
	}

	async function signIn(request: WireRequest, query: URLSearchParams): Promise<WireResponse> {
		const checked = await checkRequest(query);
		const form = formOrEmpty(request);
		const user = idp.users.find(
			(u) => u.nameId.toLowerCase() === (form.get('username') ?? '').toLowerCase()
		);
		// One message for both: the form reveals no usernames.
		if (!user || form.get('password') !== user.password)
			return sso(request, query, 'Incorrect user ID or password.');
		const sid = base64UrlEncode(random.bytes(24));
		sessions.set(sid, user.nameId);
		return answer(user, checked, [
			`${sessionCookie}=${sid}; Path=/; Secure; HttpOnly; SameSite=None`
		]);
	}

	async function route(request: WireRequest, url: URL): Promise<WireResponse> {
		const path = `${request.method} ${url.pathname}`;
		if (path === 'GET /metadata') return metadata();
		if (path === 'GET /sso') return sso(request, url.searchParams);
		if (path === 'POST /sso/login') return signIn(request, url.searchParams);
		return errorPage(404, `${request.method} ${url.pathname} is not served here.`);
	}

	const service: Service = {
		actor: 'external-idp',
		matches: matchesSamlIdpHost,
		async handle(request) {
			try {
				return await route(request, new URL(request.url));
			} catch (error) {
				if (error instanceof AuthnRequestError) return errorPage(400, error.message);
				const message = error instanceof Error ? error.message : String(error);
				return errorPage(500, message);
			}
		}
	};
	return { service, certificate: async () => (await signingKey()).certificate };
}

function errorPage(status: number, problem: string): WireResponse {
	return htmlPage(
		status,
		`Error - ${samlIdpHost}`,
		`<h1>Sign-in error</h1><p class="error">${escapeXml(problem)}</p>`
	);
}
