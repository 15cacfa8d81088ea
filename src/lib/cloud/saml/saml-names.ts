// The namespace and algorithm URIs of SAML 2.0 and XML Signature, by the names the specs use.

export const ns = {
	protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
	assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
	metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
	dsig: 'http://www.w3.org/2000/09/xmldsig#'
} as const;

export const algorithm = {
	rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
	sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
	envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
	exclusiveC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#'
} as const;

export const binding = {
	redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
	post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'
} as const;

export const status = {
	success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
	requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
	authnFailed: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed'
} as const;

export const nameIdFormat = {
	unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
	emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'
} as const;

export const bearer = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** A SAML time: `xs:dateTime` in UTC, to the second, as most IdPs print it. */
export function samlInstant(epochMs: number): string {
	return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Epoch ms of a SAML `xs:dateTime` in UTC, or `NaN` when it is not one. */
export function parseSamlInstant(text: string | undefined): number {
	if (text === undefined || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/.test(text)) return NaN;
	return Date.parse(text.replace(/(\.\d{3})\d+Z$/, '$1Z'));
}
