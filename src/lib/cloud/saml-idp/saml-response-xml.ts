import {
	bearer,
	envelopedSignature,
	nameIdFormat,
	ns,
	samlInstant,
	status as samlStatus
} from '../saml';
import type { SamlIdpUserScenario } from '../scenario';

/** What the IdP asserts, for whom, and to which service provider. */
export interface AssertionInput {
	issuer: string;
	user: SamlIdpUserScenario;
	/** The service provider's entity id: the assertion's only audience. */
	audience: string;
	/** Its assertion consumer service: `Destination` and `Recipient`. */
	acsUrl: string;
	/** The ID of the AuthnRequest answered. */
	inResponseTo: string;
	now: number;
	/** The signed assertion's validity, in ms. */
	lifetimeMs: number;
	responseId: string;
	assertionId: string;
	sessionIndex: string;
}

/**
 * The IdP's `samlp:Response` with one signed `saml:Assertion` (SAML core §2.3.3, §3.2.2; the
 * shape of cognito.md §6's minimal Response). The assertion is written in canonical form —
 * declaring `saml` itself, attributes sorted, start and end tags, no white space between
 * elements — so its canonical form, which the signature covers, is these very bytes.
 * ⚠ SIM: NotBefore is the issue instant (many IdPs back-date it a little for clock skew; one
 * cloud has one clock).
 */
export async function signedResponseXml(input: AssertionInput, key: CryptoKey): Promise<string> {
	const now = samlInstant(input.now);
	const until = samlInstant(input.now + input.lifetimeMs);
	const issuer = `<saml:Issuer>${text(input.issuer)}</saml:Issuer>`;
	const attributes = Object.entries(input.user.attributes)
		.map(
			([name, value]) =>
				`<saml:Attribute Name="${attr(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
				`<saml:AttributeValue>${text(value)}</saml:AttributeValue></saml:Attribute>`
		)
		.join('');
	const body =
		`<saml:Subject><saml:NameID Format="${nameIdFormat.emailAddress}">${text(input.user.nameId)}</saml:NameID>` +
		`<saml:SubjectConfirmation Method="${bearer}"><saml:SubjectConfirmationData InResponseTo="${attr(input.inResponseTo)}" NotOnOrAfter="${until}" Recipient="${attr(input.acsUrl)}"></saml:SubjectConfirmationData></saml:SubjectConfirmation></saml:Subject>` +
		`<saml:Conditions NotBefore="${now}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${text(input.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
		`<saml:AuthnStatement AuthnInstant="${now}" SessionIndex="${attr(input.sessionIndex)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
		`<saml:AttributeStatement>${attributes}</saml:AttributeStatement>`;
	const open = `<saml:Assertion xmlns:saml="${ns.assertion}" ID="${input.assertionId}" IssueInstant="${now}" Version="2.0">`;
	const close = '</saml:Assertion>';
	const signature = await envelopedSignature(open + issuer + body + close, input.assertionId, key);
	// The signature goes right after the Issuer, where the assertion schema wants it.
	const assertion = open + issuer + signature + body + close;
	return (
		`<samlp:Response xmlns:samlp="${ns.protocol}" xmlns:saml="${ns.assertion}" Destination="${attr(input.acsUrl)}" ID="${input.responseId}" InResponseTo="${attr(input.inResponseTo)}" IssueInstant="${now}" Version="2.0">` +
		issuer +
		`<samlp:Status><samlp:StatusCode Value="${samlStatus.success}"></samlp:StatusCode></samlp:Status>` +
		assertion +
		'</samlp:Response>'
	);
}

/** Escaping for text, as c14n writes it. */
export function text(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r/g, '&#xD;');
}

/** Escaping for an attribute value, as c14n writes it. */
export function attr(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/"/g, '&quot;')
		.replace(/\t/g, '&#x9;')
		.replace(/\n/g, '&#xA;')
		.replace(/\r/g, '&#xD;');
}
