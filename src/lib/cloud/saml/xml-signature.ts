import { base64Decode, base64Encode, sha256, timingSafeEqual, utf8Encode } from '$lib/crypto';
import { canonicalize } from './exclusive-c14n';
import { algorithm, ns } from './saml-names';
import { rsaSha256 } from './x509-certificate';
import { attribute, childElements, parseXmlTree, textContent, type XmlElement } from './xml-tree';

/**
 * The `<ds:Signature>` for an element that will carry it enveloped (XML Signature 1.1, as
 * SAML profiles it): exclusive c14n, RSA-SHA256, one reference to the element's `ID` with the
 * enveloped-signature and exclusive-c14n transforms, digest SHA-256.
 *
 * `unsigned` is the element as it will appear without its signature, a document of its own that
 * declares every prefix it uses. Its canonical form is computed here (not assumed), and the
 * signature is written already canonical: no white space between elements, attributes in order,
 * `ds` declared on `Signature`, so its `SignedInfo` (with `ds` declared where c14n puts it) is
 * exactly the bytes signed.
 */
export async function envelopedSignature(
	unsigned: string,
	id: string,
	key: CryptoKey
): Promise<string> {
	const digest = base64Encode(await sha256(utf8Encode(canonicalize(parseXmlTree(unsigned)))));
	const references =
		`<ds:Reference URI="#${id}"><ds:Transforms>` +
		`<ds:Transform Algorithm="${algorithm.envelopedSignature}"></ds:Transform>` +
		`<ds:Transform Algorithm="${algorithm.exclusiveC14n}"></ds:Transform></ds:Transforms>` +
		`<ds:DigestMethod Algorithm="${algorithm.sha256}"></ds:DigestMethod>` +
		`<ds:DigestValue>${digest}</ds:DigestValue></ds:Reference>`;
	const inner =
		`<ds:CanonicalizationMethod Algorithm="${algorithm.exclusiveC14n}"></ds:CanonicalizationMethod>` +
		`<ds:SignatureMethod Algorithm="${algorithm.rsaSha256}"></ds:SignatureMethod>${references}`;
	const signedInfo = `<ds:SignedInfo xmlns:ds="${ns.dsig}">${inner}</ds:SignedInfo>`;
	const value = new Uint8Array(
		await crypto.subtle.sign(rsaSha256, key, utf8Encode(signedInfo).slice())
	);
	return (
		`<ds:Signature xmlns:ds="${ns.dsig}"><ds:SignedInfo>${inner}</ds:SignedInfo>` +
		`<ds:SignatureValue>${base64Encode(value)}</ds:SignatureValue></ds:Signature>`
	);
}

/** Why an enveloped signature was refused (the reason the inspector shows). */
export class XmlSignatureError extends Error {
	override name = 'XmlSignatureError';
}

/**
 * Checks the enveloped signature `element` carries, as labelled steps, and throws an
 * `XmlSignatureError` naming the first that fails. Only the profile above is accepted (⚠ SIM:
 * real service providers accept more algorithms): that, and checking the reference against this
 * element's own `ID`, means the signed element is the one the caller then reads — no signature
 * wrapping.
 *
 * @returns false when the element carries no signature at all.
 */
export async function verifyEnvelopedSignature(
	element: XmlElement,
	keys: readonly CryptoKey[]
): Promise<boolean> {
	const fail = (problem: string): never => {
		throw new XmlSignatureError(problem);
	};
	const signatures = childElements(element, ns.dsig, 'Signature');
	if (signatures.length === 0) return false;
	if (signatures.length > 1) fail('more than one Signature');
	const signature = signatures[0]!;
	const one = (parent: XmlElement, local: string) => {
		const found = childElements(parent, ns.dsig, local);
		if (found.length !== 1) fail(`expected one ds:${local}`);
		return found[0]!;
	};
	const algorithmOf = (e: XmlElement) => attribute(e, 'Algorithm');

	// Check the algorithms: exclusive c14n and RSA-SHA256.
	const signedInfo = one(signature, 'SignedInfo');
	if (algorithmOf(one(signedInfo, 'CanonicalizationMethod')) !== algorithm.exclusiveC14n)
		fail('unsupported CanonicalizationMethod');
	if (algorithmOf(one(signedInfo, 'SignatureMethod')) !== algorithm.rsaSha256)
		fail('unsupported SignatureMethod');

	// Check the reference: this element, by its ID, enveloped, exclusive c14n, SHA-256.
	const reference = one(signedInfo, 'Reference');
	const id = attribute(element, 'ID');
	if (!id || attribute(reference, 'URI') !== `#${id}`) fail('the Reference is not to this element');
	const transforms = childElements(one(reference, 'Transforms'), ns.dsig, 'Transform');
	const names = transforms.map(algorithmOf);
	if (
		names.length !== 2 ||
		names[0] !== algorithm.envelopedSignature ||
		names[1] !== algorithm.exclusiveC14n ||
		transforms.some((t) => t.children.some((c) => c.kind === 'element'))
	)
		fail('unsupported Transforms');
	if (algorithmOf(one(reference, 'DigestMethod')) !== algorithm.sha256)
		fail('unsupported DigestMethod');

	// Check the digest of the element without its signature.
	const digest = await sha256(utf8Encode(canonicalize(element, signature)));
	const expected = decodeBase64(textContent(one(reference, 'DigestValue')));
	if (!expected || !timingSafeEqual(digest, expected)) fail('the digest does not match');

	// Check the signature over SignedInfo with a key the metadata vouches for.
	const value = decodeBase64(textContent(one(signature, 'SignatureValue')));
	if (!value) fail('SignatureValue is not base64');
	const signed = utf8Encode(canonicalize(signedInfo)).slice();
	for (const key of keys)
		if (await crypto.subtle.verify(rsaSha256, key, value!.slice(), signed)) return true;
	return fail('the signature does not verify with a certificate of the metadata');
}

function decodeBase64(text: string): Uint8Array | null {
	try {
		return base64Decode(text.replace(/\s+/g, ''));
	} catch {
		return null;
	}
}
