// SAML 2.0 as both sides speak it: XML read strictly, exclusive c14n, enveloped RSA-SHA256
// signatures, self-signed certificates and the redirect binding, with WebCrypto only.
export { canonicalize } from './exclusive-c14n';
export { readDer } from './der';
export { deflateMessage, inflateMessage, SamlEncodingError } from './redirect-binding';
export {
	algorithm,
	bearer,
	binding,
	nameIdFormat,
	ns,
	parseSamlInstant,
	samlInstant,
	status
} from './saml-names';
export { certificatePublicKey, rsaSha256, selfSignedCertificate } from './x509-certificate';
export { envelopedSignature, verifyEnvelopedSignature, XmlSignatureError } from './xml-signature';
export {
	attribute,
	childElements,
	parseXmlTree,
	textContent,
	XmlSyntaxError,
	type XmlAttribute,
	type XmlChild,
	type XmlElement,
	type XmlText
} from './xml-tree';
