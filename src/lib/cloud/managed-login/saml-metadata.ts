import { base64Decode } from '$lib/crypto';
import {
	attribute,
	binding,
	certificatePublicKey,
	childElements,
	ns,
	parseXmlTree,
	textContent
} from '../saml';
import type { SamlIdentityProviderScenario } from '../scenario';
import type { ServiceCall } from '../service';
import { bodyText } from '../wire/http-message';
import { FederationError } from './federation';

/** What Cognito keeps from a SAML IdP's metadata. */
export interface SamlMetadata {
	entityId: string;
	/** The single sign-on address for the HTTP-Redirect binding. */
	ssoUrl: string;
	/** The keys of its signing certificates: any of them may have signed (cognito.md §5.7). */
	keys: CryptoKey[];
}

/**
 * Reads the IdP's metadata from its `MetadataURL`, once per provider. ⚠ SIM: AWS reads a
 * MetadataURL when the provider is created and refreshes it now and then; the simulated IdP makes
 * its key on first use, so the simulated pool reads it at the first sign-in, and that read is
 * drawn as an exchange from managed login to the IdP. A failed read is not kept.
 */
export function createSamlMetadataCache() {
	const cache = new Map<string, Promise<SamlMetadata>>();
	return (idp: SamlIdentityProviderScenario, call: ServiceCall): Promise<SamlMetadata> => {
		let found = cache.get(idp.providerName);
		if (!found) {
			found = fetchMetadata(idp, call);
			cache.set(idp.providerName, found);
			found.catch(() => cache.delete(idp.providerName));
		}
		return found;
	};
}

async function fetchMetadata(
	idp: SamlIdentityProviderScenario,
	call: ServiceCall
): Promise<SamlMetadata> {
	const response = await call.send({
		method: 'GET',
		url: idp.metadataUrl,
		headers: [['user-agent', 'Amazon/Cognito']],
		body: new Uint8Array()
	});
	const fail = (): never => {
		throw new FederationError(
			`${idp.providerName} Error - ${response.status} error getting metadata`
		);
	};
	if (response.status !== 200) fail();
	try {
		return await readMetadata(bodyText(response));
	} catch {
		return fail();
	}
}

/** The entity id, the redirect-binding SSO address and the signing keys of an EntityDescriptor. */
export async function readMetadata(xml: string): Promise<SamlMetadata> {
	const root = parseXmlTree(xml);
	const entityId = attribute(root, 'entityID');
	const [descriptor] = childElements(root, ns.metadata, 'IDPSSODescriptor');
	if (
		root.namespace !== ns.metadata ||
		root.local !== 'EntityDescriptor' ||
		!entityId ||
		!descriptor
	)
		throw new TypeError('not an IdP EntityDescriptor');
	const sso = childElements(descriptor, ns.metadata, 'SingleSignOnService').find(
		(s) => attribute(s, 'Binding') === binding.redirect
	);
	const ssoUrl = sso && attribute(sso, 'Location');
	if (!ssoUrl) throw new TypeError('no SingleSignOnService for the HTTP-Redirect binding');
	const keys: CryptoKey[] = [];
	for (const kd of childElements(descriptor, ns.metadata, 'KeyDescriptor')) {
		if (!['signing', undefined].includes(attribute(kd, 'use'))) continue;
		for (const info of childElements(kd, ns.dsig, 'KeyInfo'))
			for (const data of childElements(info, ns.dsig, 'X509Data'))
				for (const cert of childElements(data, ns.dsig, 'X509Certificate'))
					keys.push(
						await certificatePublicKey(base64Decode(textContent(cert).replace(/\s+/g, '')))
					);
	}
	if (keys.length === 0) throw new TypeError('no signing certificate');
	return { entityId, ssoUrl, keys };
}
