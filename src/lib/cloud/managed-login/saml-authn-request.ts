import { binding, deflateMessage, nameIdFormat, ns, samlInstant } from '../saml';
import type { UserPoolModel } from '../user-pool/model';
import type { SamlMetadata } from './saml-metadata';

/** Cognito's assertion consumer service: where the IdP posts its answer (cognito.md §5.1). */
export const samlResponsePath = '/saml2/idpresponse';

/** The pool as a SAML service provider: its entity id, the audience its assertions must name. */
export const samlServiceProviderId = (model: UserPoolModel) =>
	`urn:amazon:cognito:sp:${model.pool.id}`;

/** An AuthnRequest ID from the federation's random value: an ID must not start with a digit. */
export const samlRequestId = (nonce: string) => `_${nonce}`;

/**
 * Where managed login sends the browser for a SAML provider: the IdP's single sign-on address
 * with an unsigned AuthnRequest by the HTTP-Redirect binding (deflated, base64, `SAMLRequest`)
 * and Cognito's opaque `RelayState` (cognito.md §5.7). The request names Cognito as issuer
 * (`urn:amazon:cognito:sp:<pool id>`) and its ACS, and asks for the answer by HTTP-POST.
 * ⚠ SIM: the element's exact attributes and NameIDPolicy are the usual ones, not copied from a
 * captured Cognito request.
 */
export async function samlAuthnRequestUrl(
	model: UserPoolModel,
	metadata: SamlMetadata,
	requestId: string,
	relayState: string
): Promise<string> {
	const xml =
		`<samlp:AuthnRequest xmlns:samlp="${ns.protocol}" xmlns:saml="${ns.assertion}"` +
		` AssertionConsumerServiceURL="${model.domain}${samlResponsePath}" Destination="${escape(metadata.ssoUrl)}"` +
		` ID="${requestId}" IssueInstant="${samlInstant(model.clock.now())}" ProtocolBinding="${binding.post}" Version="2.0">` +
		`<saml:Issuer>${samlServiceProviderId(model)}</saml:Issuer>` +
		`<samlp:NameIDPolicy AllowCreate="true" Format="${nameIdFormat.unspecified}"/></samlp:AuthnRequest>`;
	const url = new URL(metadata.ssoUrl);
	url.searchParams.set('SAMLRequest', await deflateMessage(xml));
	url.searchParams.set('RelayState', relayState);
	return url.href;
}

function escape(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
