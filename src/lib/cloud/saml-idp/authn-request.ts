import { attribute, childElements, inflateMessage, ns, parseXmlTree, textContent } from '../saml';

/** What the IdP reads from a service provider's AuthnRequest. */
export interface AuthnRequest {
	id: string;
	issuer: string;
	/** Absent: the SP's registered assertion consumer service. */
	acsUrl?: string;
	destination?: string;
}

/** Why an AuthnRequest could not be read: shown on the IdP's error page. */
export class AuthnRequestError extends Error {
	override name = 'AuthnRequestError';
}

/**
 * Reads a `SAMLRequest` of the HTTP-Redirect binding: inflate, parse, and take the
 * `samlp:AuthnRequest`'s ID, Issuer, AssertionConsumerServiceURL and Destination.
 */
export async function readAuthnRequest(encoded: string | null): Promise<AuthnRequest> {
	if (!encoded) throw new AuthnRequestError('The request has no SAMLRequest.');
	let root;
	try {
		root = parseXmlTree(await inflateMessage(encoded));
	} catch {
		throw new AuthnRequestError('The SAMLRequest could not be decoded.');
	}
	if (root.namespace !== ns.protocol || root.local !== 'AuthnRequest')
		throw new AuthnRequestError('The SAMLRequest is not an AuthnRequest.');
	const id = attribute(root, 'ID');
	const [issuer] = childElements(root, ns.assertion, 'Issuer');
	if (!id || !issuer || attribute(root, 'Version') !== '2.0')
		throw new AuthnRequestError('The AuthnRequest has no ID, Issuer or version 2.0.');
	const acsUrl = attribute(root, 'AssertionConsumerServiceURL');
	const destination = attribute(root, 'Destination');
	return {
		id,
		issuer: textContent(issuer).trim(),
		...(acsUrl !== undefined ? { acsUrl } : {}),
		...(destination !== undefined ? { destination } : {})
	};
}
