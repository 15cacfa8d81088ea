import type { Exchange } from '$lib/cloud';

/** A `SAMLResponse` in one message, and the IdP certificates the run has seen so far. */
export interface FoundSamlResponse {
	/** Base64 of the `<samlp:Response>`, exactly as the message carries it. */
	encoded: string;
	/** Where it is: a field of a posted form, or the hidden input of an IdP's auto-post page. */
	source: 'form' | 'page';
	/**
	 * The base64 DER `<ds:X509Certificate>`s of the last IdP metadata fetched before this message
	 * (what Cognito checks the signature with), or none when the run has not fetched any.
	 */
	certificates: string[];
	/** Where the metadata came from, to say so beside the check. */
	metadataUrl: string | null;
	/** Simulated epoch ms when this message was sent: the time its window is read against. */
	at: number;
}

/**
 * The SAML response a message carries, if any: a request whose form body has `SAMLResponse`
 * (the browser's post to `/saml2/idpresponse`), or an HTML response whose page holds it in a
 * hidden input (the IdP's auto-post page). Cheap: only looks, decodes nothing. Never throws.
 *
 * @example findSamlResponse(postToAcs, 'request', earlier) // { encoded, source: 'form', … }
 */
export function findSamlResponse(
	exchange: Exchange,
	kind: 'request' | 'response',
	earlier: readonly Exchange[]
): FoundSamlResponse | null {
	const message = kind === 'request' ? exchange.request : exchange.response;
	const type = message.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
	let encoded: string | null = null;
	if (kind === 'request' && type.toLowerCase().startsWith('application/x-www-form-urlencoded'))
		encoded = new URLSearchParams(message.body).get('SAMLResponse');
	else if (kind === 'response' && type.toLowerCase().startsWith('text/html'))
		encoded = /name="SAMLResponse" value="([^"]*)"/.exec(message.body)?.[1] ?? null;
	if (!encoded) return null;
	const metadata = [...earlier].reverse().find((e) => isMetadata(e));
	return {
		encoded,
		source: kind === 'request' ? 'form' : 'page',
		certificates: metadata ? certificatesOf(metadata.response.body) : [],
		metadataUrl: metadata?.request.url ?? null,
		at: exchange.at
	};
}

function isMetadata(exchange: Exchange): boolean {
	return exchange.response.status === 200 && exchange.response.body.includes('EntityDescriptor');
}

/** The signing certificates of an IdP's metadata (base64 DER, white space removed). */
function certificatesOf(xml: string): string[] {
	return [...xml.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)<\/(?:\w+:)?X509Certificate>/g)].map(
		(m) => m[1]!.replace(/\s+/g, '')
	);
}
