/**
 * The simulated enterprise SAML identity provider's host and endpoints. Apart from the service
 * so the cloud can route to it without importing its code. ⚠ SIM: an enterprise IdP (AD FS,
 * Okta, Entra ID...) has its own addresses; these are the simulator's, in the IdP's usual shape.
 */
export const samlIdpHost = 'idp.example.com';

export const samlIdpEndpoints = {
	/** Its SAML metadata, and its entity id (many IdPs use the metadata address as the id). */
	metadata: `https://${samlIdpHost}/metadata`,
	/** Single sign-on, HTTP-Redirect binding. */
	sso: `https://${samlIdpHost}/sso`,
	/** Where its sign-in form posts. */
	login: `https://${samlIdpHost}/sso/login`
} as const;

export const samlIdpEntityId = samlIdpEndpoints.metadata;

export function matchesSamlIdpHost(url: URL): boolean {
	return url.protocol === 'https:' && url.host === samlIdpHost;
}
