import { fromPromise } from 'xstate';
import { pageRefusal } from '../../shared/oauth-app';
import type { SocialSignInInput } from '../social-sign-in-types';

export interface LogOutInput extends SocialSignInInput {
	/** The pool domain's origin: `/logout` is not in the discovery document. */
	domain: string;
}

/**
 * The app sends the browser to `/logout` with its client id and a sign-out URL. Managed login
 * ends its session (the cookie is cleared) and sends the browser back to the app. Resolves with
 * that address.
 */
export const logOutActor = fromPromise<string, LogOutInput>(async ({ input }) => {
	const url = new URL('/logout', input.domain);
	url.search = new URLSearchParams({
		client_id: input.client.client_id,
		logout_uri: input.logoutUri
	}).toString();
	const back = await input.browser.go(url.href);
	if (back.leftFor === undefined) throw pageRefusal('managed-login', back.response);
	return back.leftFor;
});
