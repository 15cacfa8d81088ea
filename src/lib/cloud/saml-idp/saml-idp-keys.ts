import { base64Encode } from '$lib/crypto';
import type { Clock } from '../clock';
import type { Random } from '../random';
import { rsaSha256, selfSignedCertificate } from '../saml';
import { samlIdpHost } from '../saml-idp-host';

export interface SamlIdpKey {
	privateKey: CryptoKey;
	/** The self-signed certificate its metadata publishes, base64 DER (as in `ds:X509Certificate`). */
	certificate: string;
}

const tenYears = 10 * 365 * 24 * 3600_000;

/**
 * The IdP's RSA-2048 signing key and its self-signed certificate, made on first use (a page
 * whose flow never federates with SAML never pays for them). ⚠ SIM: the certificate is valid
 * from the moment it is made, for ten years; real IdPs rotate theirs every year or few.
 */
export async function generateSamlIdpKey(random: Random, clock: Clock): Promise<SamlIdpKey> {
	const keys = await crypto.subtle.generateKey(
		{ ...rsaSha256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
		false,
		['sign', 'verify']
	);
	const serial = random.bytes(16);
	serial[0] = serial[0]! & 0x7f;
	const der = await selfSignedCertificate({
		keys,
		commonName: samlIdpHost,
		serial,
		notBefore: clock.now(),
		notAfter: clock.now() + tenYears
	});
	return { privateKey: keys.privateKey, certificate: base64Encode(der) };
}
