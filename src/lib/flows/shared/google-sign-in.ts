import type { NavigationResult } from '$lib/cloud/browser/navigate';
import { bodyText } from '$lib/cloud/wire/http-message';
import { formActionOf, type FlowBrowser } from './flow-browser';

/** A Google account of the scenario, as the user types it in. */
export interface GoogleLogin {
	email: string;
	password: string;
}

/** Google refused the sign-in or the consent: its page said so, or it redirected with an error. */
export class GoogleSignInError extends Error {
	override name = 'GoogleSignInError';
}

/**
 * What the user does on the simulated Google's pages, from the page the browser is on: types the
 * email and password into the sign-in form, then presses Continue on the consent screen (skipped
 * when they consented before). Resolves with the navigation that leaves Google: a redirect to one
 * of `stopsAt` (Cognito's `/oauth2/idpresponse`, or the app's own callback). Each form post, and
 * each redirect, is an exchange from the browser.
 *
 * @example
 * const google = await browser.go(authorizeUrl, { stopsAt: [googleAuthorizeUrl] });
 * const back = await signInAtGoogle(browser, await browser.go(google.leftFor!), login, [idpResponse]);
 */
export async function signInAtGoogle(
	browser: FlowBrowser,
	page: NavigationResult,
	login: GoogleLogin,
	stopsAt: string[]
): Promise<NavigationResult> {
	let at = page;
	// The sign-in form once (shown again, it says what was wrong), then the consent screen.
	for (const screen of ['sign-in', 'consent']) {
		if (at.leftFor !== undefined) break;
		const action = formActionOf(at);
		const signIn = bodyText(at.response).includes('name="password"');
		if (!action || signIn !== (screen === 'sign-in')) {
			if (signIn || !action) break;
			continue;
		}
		const fields: Record<string, string> = signIn
			? { email: login.email, password: login.password }
			: { approve: 'allow' };
		at = await browser.go(action, { form: fields, stopsAt });
	}
	if (at.leftFor === undefined) {
		const alert = /role="alert">([^<]*)</.exec(bodyText(at.response))?.[1];
		throw new GoogleSignInError(alert ?? `Google answered ${at.response.status} at ${at.url}`);
	}
	return at;
}
