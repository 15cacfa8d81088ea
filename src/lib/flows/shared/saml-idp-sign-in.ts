import type { NavigationResult } from '$lib/cloud/browser/navigate';
import { bodyText } from '$lib/cloud/wire/http-message';
import { formActionOf, hiddenInputOf, type FlowBrowser } from './flow-browser';

/** A user of the enterprise SAML IdP, as they type it into its sign-in form. */
export interface SamlIdpLogin {
	username: string;
	password: string;
}

/** The IdP's answer as its auto-post page carries it: where the form goes, and its two fields. */
export interface SamlPost {
	/** The service provider's assertion consumer service (Cognito's `/saml2/idpresponse`). */
	action: string;
	/** Base64 of the signed `<samlp:Response>`. */
	SAMLResponse: string;
	/** Cognito's opaque value, sent back unchanged; `null` when the IdP received none. */
	RelayState: string | null;
}

/** The IdP refused the sign-in: its page said so, or it showed no form to post. */
export class SamlIdpSignInError extends Error {
	override name = 'SamlIdpSignInError';
}

/**
 * What the user does on the SAML IdP's sign-in page the browser is on: types their work email and
 * password and presses Sign in. Resolves with the IdP's answer as its page holds it: an HTML form
 * that its script posts at once to the service provider (the HTTP-POST binding). The post itself
 * is left to the caller, which sends it with `browser.go(post.action, { form })`.
 *
 * @example
 * const post = await signInAtSamlIdp(browser, idpPage, { username: 'jdoe@example.com', password });
 */
export async function signInAtSamlIdp(
	browser: FlowBrowser,
	page: NavigationResult,
	login: SamlIdpLogin
): Promise<SamlPost> {
	let at = page;
	// A session cookie from an earlier sign-in: the IdP answers at once, with no form to fill.
	if (!bodyText(at.response).includes('name="password"')) return autoPostOf(at);
	const action = formActionOf(at);
	if (!action) throw new SamlIdpSignInError(`The IdP showed no sign-in form at ${at.url}`);
	at = await browser.go(action, {
		form: { username: login.username, password: login.password }
	});
	return autoPostOf(at);
}

/** The auto-post page's form, read as the browser submits it; throws when the page has none. */
export function autoPostOf(page: NavigationResult): SamlPost {
	const action = formActionOf(page);
	const SAMLResponse = hiddenInputOf(page, 'SAMLResponse');
	if (!action || !SAMLResponse) {
		const alert = /role="alert">([^<]*)</.exec(bodyText(page.response))?.[1];
		throw new SamlIdpSignInError(
			alert ?? `The IdP answered ${page.response.status} at ${page.url}`
		);
	}
	const relay = hiddenInputOf(page, 'RelayState');
	return { action, SAMLResponse, RelayState: relay === null ? null : unescapeAttr(relay) };
}

/** Attribute values on the page are HTML-escaped; the browser posts them unescaped. */
function unescapeAttr(value: string): string {
	return value
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}
