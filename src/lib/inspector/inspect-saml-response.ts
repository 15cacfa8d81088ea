import { base64Decode, utf8Decode } from '$lib/crypto';
import {
	attribute,
	certificatePublicKey,
	childElements,
	ns,
	parseSamlInstant,
	parseXmlTree,
	textContent,
	verifyEnvelopedSignature,
	XmlSignatureError,
	type XmlElement
} from '$lib/cloud/saml';
import type { FoundSamlResponse } from './find-saml-response';
import { prettyXml } from './pretty-xml';

export type SamlCheckId = 'certificate' | 'reference' | 'digest' | 'signature';

/** One labelled step of the signature check, as the card lists it. */
export interface SamlCheckStep {
	id: SamlCheckId;
	label: string;
	status: 'pass' | 'fail' | 'not-run';
	detail: string;
}

/** What the assertion says, read from the XML as sent (unverified until the check passes). */
export interface SamlFacts {
	issuer: string | null;
	destination: string | null;
	inResponseTo: string | null;
	nameId: string | null;
	audiences: string[];
	recipient: string | null;
	notOnOrAfter: string | null;
	/** Whether the message was sent at or after `notOnOrAfter`. */
	expired: boolean;
	attributes: { name: string; values: string[] }[];
}

export type SamlInspection =
	| { ok: true; xml: string; facts: SamlFacts; steps: SamlCheckStep[]; valid: boolean }
	| { ok: false; problem: string };

const labels: Record<SamlCheckId, string> = {
	certificate: "A signing certificate from the IdP's metadata",
	reference: 'The signature refers to the assertion, with exclusive c14n and RSA-SHA256',
	digest: "Digest: SHA-256 of the assertion's canonical XML equals DigestValue",
	signature: "Signature: SignatureValue verifies over SignedInfo with the certificate's key"
};

/**
 * Decodes a SAML response, reads its facts and checks the assertion's enveloped signature with
 * the certificates of the IdP's metadata, as labelled steps (certificate, reference, digest,
 * signature), using the same verifier Cognito's side of the simulation uses. Never throws: a
 * response that is not base64 XML comes back as `{ ok: false, problem }`.
 *
 * @example const inspection = await inspectSamlResponse(findSamlResponse(exchange, 'request', earlier)!);
 */
export async function inspectSamlResponse(found: FoundSamlResponse): Promise<SamlInspection> {
	let root: XmlElement;
	try {
		root = parseXmlTree(utf8Decode(base64Decode(found.encoded.replace(/\s+/g, ''))));
	} catch (error) {
		return {
			ok: false,
			problem: `SAMLResponse is not base64-encoded XML (${error instanceof Error ? error.message : String(error)}).`
		};
	}
	const [assertion] = childElements(root, ns.assertion, 'Assertion');
	const facts = readFacts(root, assertion ?? null, found.at);
	const steps = await checkSignature(assertion ?? root, found);
	return {
		ok: true,
		xml: prettyXml(root),
		facts,
		steps,
		valid: steps.every((s) => s.status === 'pass')
	};
}

async function checkSignature(
	element: XmlElement,
	found: FoundSamlResponse
): Promise<SamlCheckStep[]> {
	const steps: SamlCheckStep[] = (Object.keys(labels) as SamlCheckId[]).map((id) => ({
		id,
		label: labels[id],
		status: 'not-run',
		detail: ''
	}));
	const set = (id: SamlCheckId, status: 'pass' | 'fail', detail: string) =>
		Object.assign(
			steps.find((s) => s.id === id)!,
			{ status, detail }
		);

	// Check the certificate: the metadata's, read earlier in the run.
	const keys: CryptoKey[] = [];
	for (const certificate of found.certificates)
		try {
			keys.push(await certificatePublicKey(base64Decode(certificate)));
		} catch {
			// A certificate that does not parse vouches for nothing.
		}
	if (keys.length === 0) {
		set('certificate', 'fail', 'No certificate: this run has not fetched the IdP metadata yet.');
		return steps;
	}
	set(
		'certificate',
		'pass',
		`${keys.length} RSA key${keys.length > 1 ? 's' : ''} from ${found.metadataUrl ?? 'the metadata'}.`
	);

	// Check the reference, the digest and the signature, in the verifier's own order.
	try {
		const signed = await verifyEnvelopedSignature(element, keys);
		if (!signed) {
			set('reference', 'fail', 'The assertion carries no ds:Signature.');
			return steps;
		}
		set('reference', 'pass', `#${attribute(element, 'ID') ?? ''}, enveloped, exclusive c14n.`);
		set('digest', 'pass', 'The assertion is byte for byte what the IdP signed.');
		set('signature', 'pass', 'Only the holder of the IdP private key could have made it.');
	} catch (error) {
		if (!(error instanceof XmlSignatureError)) throw error;
		const problem = error.message;
		if (problem === 'the digest does not match') {
			set('reference', 'pass', `#${attribute(element, 'ID') ?? ''}, enveloped, exclusive c14n.`);
			set(
				'digest',
				'fail',
				'The digest does not match: the assertion changed after it was signed.'
			);
		} else if (problem.startsWith('the signature does not verify')) {
			set('reference', 'pass', `#${attribute(element, 'ID') ?? ''}, enveloped, exclusive c14n.`);
			set('digest', 'pass', 'The assertion matches the DigestValue in SignedInfo.');
			set('signature', 'fail', `SignedInfo was not signed by the IdP: ${problem}.`);
		} else set('reference', 'fail', `Refused: ${problem}.`);
	}
	return steps;
}

function readFacts(root: XmlElement, assertion: XmlElement | null, at: number): SamlFacts {
	const text = (e: XmlElement | undefined) => (e ? textContent(e).trim() : null);
	const one = (parent: XmlElement | undefined | null, local: string) =>
		parent ? childElements(parent, ns.assertion, local)[0] : undefined;
	const subject = one(assertion, 'Subject');
	const data = one(one(subject, 'SubjectConfirmation'), 'SubjectConfirmationData');
	const conditions = one(assertion, 'Conditions');
	const notOnOrAfter = (data && attribute(data, 'NotOnOrAfter')) ?? null;
	const statements = assertion ? childElements(assertion, ns.assertion, 'AttributeStatement') : [];
	return {
		issuer: text(one(assertion, 'Issuer') ?? one(root, 'Issuer')),
		destination: attribute(root, 'Destination') ?? null,
		inResponseTo: attribute(root, 'InResponseTo') ?? null,
		nameId: text(one(subject, 'NameID')),
		audiences: conditions
			? childElements(conditions, ns.assertion, 'AudienceRestriction').flatMap((r) =>
					childElements(r, ns.assertion, 'Audience').map((a) => textContent(a).trim())
				)
			: [],
		recipient: (data && attribute(data, 'Recipient')) ?? null,
		notOnOrAfter,
		expired: notOnOrAfter !== null && at >= parseSamlInstant(notOnOrAfter),
		attributes: statements.flatMap((s) =>
			childElements(s, ns.assertion, 'Attribute').map((a) => ({
				name: attribute(a, 'Name') ?? '',
				values: childElements(a, ns.assertion, 'AttributeValue').map((v) => textContent(v))
			}))
		)
	};
}
