import {
	derBitString,
	derExplicit,
	derNull,
	derOid,
	derSequence,
	derSet,
	derTime,
	derUnsignedInteger,
	derUtf8,
	readDer
} from './der';

/** The RSA signing key every SAML signature here uses: RSASSA-PKCS1-v1_5 with SHA-256. */
export const rsaSha256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

const sha256WithRsaEncryption = () => derSequence(derOid('1.2.840.113549.1.1.11'), derNull());
const commonName = (cn: string) => derSequence(derSet(derSequence(derOid('2.5.4.3'), derUtf8(cn))));

export interface CertificateInput {
	keys: CryptoKeyPair;
	/** The subject's (and, self-signed, the issuer's) common name, e.g. `idp.example.com`. */
	commonName: string;
	/** Big-endian bytes of a positive serial number. */
	serial: Uint8Array;
	notBefore: number;
	notAfter: number;
}

/**
 * A self-signed X.509 v3 certificate in DER (RFC 5280 §4.1), signed sha256WithRSAEncryption:
 * what an IdP publishes in its metadata so that service providers can check its signatures.
 * Made with WebCrypto alone, so it works in a worker.
 */
export async function selfSignedCertificate(input: CertificateInput): Promise<Uint8Array> {
	const spki = new Uint8Array(await crypto.subtle.exportKey('spki', input.keys.publicKey));
	const name = commonName(input.commonName);
	const tbs = derSequence(
		derExplicit(0, derUnsignedInteger(new Uint8Array([2]))), // version 3
		derUnsignedInteger(input.serial),
		sha256WithRsaEncryption(),
		name,
		derSequence(derTime(input.notBefore), derTime(input.notAfter)),
		name,
		spki
	);
	const signature = new Uint8Array(
		await crypto.subtle.sign(rsaSha256, input.keys.privateKey, tbs.slice())
	);
	return derSequence(tbs, sha256WithRsaEncryption(), derBitString(signature));
}

/**
 * The RSA public key inside a DER certificate, for checking signatures with it. Only the key is
 * taken: SAML service providers trust the certificate because it is in the IdP's metadata, not
 * because of who signed it or until when (⚠ SIM: expiry is not checked here either). Throws a
 * `TypeError` when the bytes are not a certificate holding an RSA key.
 */
export async function certificatePublicKey(der: Uint8Array): Promise<CryptoKey> {
	const [certificate] = readDer(der);
	if (certificate?.tag !== 0x30) throw new TypeError('not a certificate');
	const [tbs] = readDer(certificate.content);
	if (tbs?.tag !== 0x30) throw new TypeError('not a certificate');
	const fields = readDer(tbs.content);
	// Without the optional `[0] version`, the public key is the sixth field, not the seventh.
	const spki = fields[fields[0]?.tag === 0xa0 ? 6 : 5];
	if (spki?.tag !== 0x30) throw new TypeError('no subjectPublicKeyInfo');
	try {
		return await crypto.subtle.importKey('spki', spki.encoded.slice(), rsaSha256, false, [
			'verify'
		]);
	} catch {
		throw new TypeError('the certificate does not hold an RSA public key');
	}
}
