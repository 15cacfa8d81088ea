import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient, appRequestOptions, pageRefusal } from '../../shared/oauth-app';
import { formActionOf, hiddenInputOf } from '../../shared/flow-browser';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { SocialSignInInput } from '../social-sign-in-types';

export interface PasswordSignInInput extends SocialSignInInput {
	server: oauth.AuthorizationServer;
}

/** Who the password sign-in turned out to be: the pool user, beside the federated one. */
export interface PasswordSignIn {
	username: string;
	sub: string;
}

/**
 * Mistake `duplicate-users`: the same person, on another device, signs in with the password of
 * the pool user who has the same email, through managed login's own form (no
 * `identity_provider`, so `/oauth2/authorize` sends the browser to `/login`). The app redeems the
 * code as before and reads the ID token: another `sub`, another user. Cognito never merges users
 * by email; only linking does (cognito.md §5.7).
 */
export const passwordSignInActor = fromPromise<PasswordSignIn, PasswordSignInInput>(
	async ({ input }) => {
		const { twin } = input;
		if (!twin) throw new TypeError('No pool user shares the Google account’s email');
		const client = appClient(input);
		const verifier = oauth.generateRandomCodeVerifier();
		const state = oauth.generateRandomState();
		const nonce = oauth.generateRandomNonce();
		const url = new URL(input.server.authorization_endpoint!);
		url.search = new URLSearchParams({
			response_type: 'code',
			client_id: input.client.client_id,
			redirect_uri: input.redirectUri,
			scope: input.scope,
			state,
			nonce,
			code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
			code_challenge_method: 'S256'
		}).toString();
		const browser = input.otherBrowser;
		const form = await browser.go(url.href);
		const action = formActionOf(form);
		const csrf = hiddenInputOf(form, '_csrf');
		if (!action || csrf === null) throw pageRefusal('managed-login', form.response);
		const back = await browser.go(action, {
			form: { _csrf: csrf, username: twin.username, password: twin.password }
		});
		if (back.leftFor === undefined) throw pageRefusal('managed-login', back.response);
		try {
			const params = oauth.validateAuthResponse(input.server, client, new URL(back.leftFor), state);
			const response = await oauth.authorizationCodeGrantRequest(
				input.server,
				client,
				oauth.None(),
				params,
				input.redirectUri,
				verifier,
				appRequestOptions(input)
			);
			const tokens = await oauth.processAuthorizationCodeResponse(input.server, client, response, {
				expectedNonce: nonce
			});
			const claims = oauth.getValidatedIdTokenClaims(tokens)!;
			return { username: String(claims['cognito:username']), sub: claims.sub };
		} catch (error) {
			throw oauthRefusal('managed-login', error);
		}
	}
);
