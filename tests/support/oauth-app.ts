import * as oauth from 'oauth4webapi';
import type { NavigationResult } from '$lib/cloud/browser/navigate';
import { bodyText } from '$lib/cloud/wire/http-message';

/**
 * The authorization request a single-page app builds with oauth4webapi: a fresh PKCE verifier
 * (S256), state and nonce, plus `params` (client, redirect URI, scope, identity provider...).
 */
export async function appAuthorizationRequest(
	as: oauth.AuthorizationServer,
	params: Record<string, string>
) {
	const verifier = oauth.generateRandomCodeVerifier();
	const state = oauth.generateRandomState();
	const nonce = oauth.generateRandomNonce();
	const url = new URL(as.authorization_endpoint!);
	url.search = new URLSearchParams({
		response_type: 'code',
		state,
		nonce,
		code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		...params
	}).toString();
	return { url: url.href, verifier, state, nonce };
}

/** The address the page's (first) form posts to, resolved against the page. */
export function formAction(page: Pick<NavigationResult, 'response' | 'url'>): string {
	const action = /<form method="post" action="([^"]+)"/.exec(bodyText(page.response))?.[1];
	if (!action) throw new Error(`No form on ${page.url}`);
	return new URL(action.replace(/&amp;/g, '&'), page.url).href;
}
