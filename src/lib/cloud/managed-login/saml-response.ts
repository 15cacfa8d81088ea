import { base64Decode, utf8Decode } from '$lib/crypto';
import {
	attribute,
	bearer,
	childElements,
	ns,
	parseSamlInstant,
	parseXmlTree,
	status,
	textContent,
	verifyEnvelopedSignature,
	XmlSignatureError,
	type XmlElement
} from '../saml';
import type { UserPoolModel } from '../user-pool/model';
import { FederationError } from './federation';
import { samlResponsePath, samlServiceProviderId } from './saml-authn-request';
import type { SamlMetadata } from './saml-metadata';

/** What a verified assertion says about the user. */
export interface SamlAssertion {
	/** The IdP's entity id. */
	issuer: string;
	nameId: string;
	/** Attribute values by SAML attribute name. */
	attributes: Record<string, string[]>;
}

/** `/saml2/idpresponse` accepts assertions up to 100,000 characters (cognito.md §5.7). */
const maxLength = 100_000;

/**
 * Cognito's checks of a `SAMLResponse` posted to `/saml2/idpresponse`, as labelled steps. AWS
 * names signature, audience and NameID; the others are the standard SP checks the reference
 * asks for (cognito.md §6, §12 item 24). Every refusal is a `FederationError` whose message the
 * app receives as `error_description`: "Invalid SAML response received: SAML Assertion
 * signature is invalid." is observed from AWS; ⚠ SIM: the other reasons' wording is the
 * simulator's. No clock-skew allowance (⚠ SIM): the IdP and Cognito share the cloud's clock.
 */
export async function verifySamlResponse(
	model: UserPoolModel,
	metadata: SamlMetadata,
	encoded: string | null,
	expectedRequestId: string
): Promise<SamlAssertion> {
	const invalid = (reason: string): never => {
		throw new FederationError(`Invalid SAML response received: ${reason}`);
	};
	const acs = `${model.domain}${samlResponsePath}`;
	const now = model.clock.now();

	// Decode: base64 of UTF-8 XML, within the size limit.
	if (!encoded) return invalid('SAMLResponse is missing.');
	if (encoded.length > maxLength) return invalid('SAMLResponse is too long.');
	let root: XmlElement;
	try {
		root = parseXmlTree(utf8Decode(base64Decode(encoded.replace(/\s+/g, ''))));
	} catch {
		return invalid('SAMLResponse is not base64-encoded XML.');
	}

	// Check the Response: a SAML 2.0 Response, to this ACS, answering this request, successful.
	if (root.namespace !== ns.protocol || root.local !== 'Response')
		return invalid('not a SAML 2.0 Response.');
	if (attribute(root, 'Version') !== '2.0') return invalid('Version must be 2.0.');
	const destination = attribute(root, 'Destination');
	if (destination !== undefined && destination !== acs)
		return invalid(`Destination ${destination} is not ${acs}.`);
	if (attribute(root, 'InResponseTo') !== expectedRequestId)
		return invalid('InResponseTo does not match the request.');
	const [statusElement] = childElements(root, ns.protocol, 'Status');
	const [code] = statusElement ? childElements(statusElement, ns.protocol, 'StatusCode') : [];
	const statusValue = code && attribute(code, 'Value');
	if (statusValue !== status.success) return invalid(`Status is ${statusValue ?? 'missing'}.`);

	// Exactly one assertion, not encrypted.
	if (childElements(root, ns.assertion, 'EncryptedAssertion').length > 0)
		return invalid('encrypted assertions are not enabled for this provider.');
	const assertions = childElements(root, ns.assertion, 'Assertion');
	if (assertions.length !== 1) return invalid('expected exactly one Assertion.');
	const assertion = assertions[0]!;

	// Check the signature: the Response or the Assertion, with a certificate of the metadata.
	try {
		const responseSigned = await verifyEnvelopedSignature(root, metadata.keys);
		const assertionSigned = await verifyEnvelopedSignature(assertion, metadata.keys);
		if (!responseSigned && !assertionSigned)
			return invalid('neither the Response nor the Assertion is signed.');
	} catch (error) {
		if (error instanceof XmlSignatureError) return invalid('SAML Assertion signature is invalid.');
		throw error;
	}

	// Check the issuer: the entity of the metadata.
	const issuers = [root, assertion].flatMap((e) => childElements(e, ns.assertion, 'Issuer'));
	if (issuers.length === 0 || issuers.some((i) => textContent(i).trim() !== metadata.entityId))
		return invalid(`Issuer is not ${metadata.entityId}.`);

	// Check the subject: a NameID, confirmed as bearer to this ACS, in time, for this request.
	const [subject] = childElements(assertion, ns.assertion, 'Subject');
	const [nameIdElement] = subject ? childElements(subject, ns.assertion, 'NameID') : [];
	const nameId = nameIdElement ? textContent(nameIdElement).trim() : '';
	if (!nameId) return invalid('the Subject has no NameID.');
	const confirmed = childElements(subject!, ns.assertion, 'SubjectConfirmation').some((c) => {
		if (attribute(c, 'Method') !== bearer) return false;
		return childElements(c, ns.assertion, 'SubjectConfirmationData').some(
			(d) =>
				attribute(d, 'Recipient') === acs &&
				now < parseSamlInstant(attribute(d, 'NotOnOrAfter')) &&
				[undefined, expectedRequestId].includes(attribute(d, 'InResponseTo'))
		);
	});
	if (!confirmed)
		return invalid('no bearer SubjectConfirmation for this Recipient, in time, for this request.');

	// Check the conditions: the time window, and this pool as the audience.
	const conditions = childElements(assertion, ns.assertion, 'Conditions');
	if (conditions.length !== 1) return invalid('expected one Conditions element.');
	const notBefore = attribute(conditions[0]!, 'NotBefore');
	const notOnOrAfter = attribute(conditions[0]!, 'NotOnOrAfter');
	if (notBefore !== undefined && !(parseSamlInstant(notBefore) <= now))
		return invalid(`the assertion is not valid before ${notBefore}.`);
	if (notOnOrAfter !== undefined && !(now < parseSamlInstant(notOnOrAfter)))
		return invalid(`the assertion expired at ${notOnOrAfter}.`);
	const audience = samlServiceProviderId(model);
	const restrictions = childElements(conditions[0]!, ns.assertion, 'AudienceRestriction');
	// Each restriction must admit this pool (SAML core §2.5.1.4).
	if (
		restrictions.length === 0 ||
		!restrictions.every((r) =>
			childElements(r, ns.assertion, 'Audience').some((a) => textContent(a).trim() === audience)
		)
	)
		return invalid(`Audience is not ${audience}.`);

	// Read the attributes.
	const attributes: Record<string, string[]> = Object.create(null);
	for (const statement of childElements(assertion, ns.assertion, 'AttributeStatement'))
		for (const a of childElements(statement, ns.assertion, 'Attribute')) {
			const name = attribute(a, 'Name');
			if (!name) continue;
			const values = childElements(a, ns.assertion, 'AttributeValue').map(textContent);
			(attributes[name] ??= []).push(...values);
		}
	return { issuer: metadata.entityId, nameId, attributes };
}
