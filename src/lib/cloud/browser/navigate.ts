import {
	header,
	headerValues,
	utf8Bytes,
	type WireRequest,
	type WireResponse
} from '../wire/http-message';
import type { CookieJar } from './cookie-jar';

export interface Navigation {
	url: string;
	/** A form submission is a POST of `application/x-www-form-urlencoded`. */
	form?: Record<string, string>;
	/** Started from a page of another site (the app sending the browser to managed login). */
	crossSite?: boolean;
}

export interface NavigationResult {
	/** The page the browser ended on, and its address. */
	response: WireResponse;
	url: string;
	/** A redirect the browser was told to follow out of the simulation (the app's callback URL). */
	leftFor?: string;
}

/**
 * What the browser does with a top-level navigation: it sends the jar's cookies, stores every
 * `Set-Cookie`, and follows redirects one request at a time, so each hop is its own exchange in
 * the log. A 302 or 303 after a POST becomes a GET, as browsers do. It stops at a page, or at a
 * redirect to an address `leaves` says is outside the simulation (the app reads its callback).
 */
export async function navigate(
	send: (request: WireRequest) => Promise<WireResponse>,
	jar: CookieJar,
	start: Navigation,
	leaves: (url: string) => boolean,
	maxRedirects = 10
): Promise<NavigationResult> {
	let url = start.url;
	let form = start.form;
	// ⚠ SIM: the whole redirect chain keeps the site context it started with (for SameSite).
	const crossSite = start.crossSite ?? false;
	for (let hop = 0; ; hop++) {
		const method = form ? 'POST' : 'GET';
		const cookie = jar.header({ url, method, topLevel: true, crossSite });
		const headers: [string, string][] = [];
		if (cookie) headers.push(['cookie', cookie]);
		if (form) headers.push(['content-type', 'application/x-www-form-urlencoded']);
		const response = await send({
			method,
			url,
			headers,
			body: form ? utf8Bytes(new URLSearchParams(form).toString()) : new Uint8Array()
		});
		jar.store(url, headerValues(response, 'set-cookie'));
		const location = header(response, 'location');
		if (![301, 302, 303, 307, 308].includes(response.status) || location === null)
			return { response, url };
		const next = new URL(location, url).href;
		if (leaves(next)) return { response, url, leftFor: next };
		if (hop >= maxRedirects)
			throw new Error(`More than ${maxRedirects} redirects from ${start.url}`);
		// 307 and 308 keep the method and body; the others turn into a GET.
		if (![307, 308].includes(response.status)) form = undefined;
		url = next;
	}
}
