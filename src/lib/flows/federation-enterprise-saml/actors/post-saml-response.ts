import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '$lib/crypto';
import { appClient, pageRefusal } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { SamlPost } from '../../shared/saml-idp-sign-in';
import type { AuthorizationRequest, SamlSignInInput } from '../saml-sign-in-types';

export interface PostSamlResponseInput extends SamlSignInInput {
	server: oauth.AuthorizationServer;
	request: AuthorizationRequest;
	samlPost: SamlPost;
}

/** How long the user leaves the page before clicking Continue, for mistake `assertion-expired`. */
export const lingerMs = 6 * 60_000;

/**
 * The IdP's page posts its form: `POST /saml2/idpresponse` with `SAMLResponse` and `RelayState`.
 * Cognito checks the response (signature with the certificate of the IdP's metadata, issuer,
 * recipient, time, `InResponseTo`, audience), makes or updates the user `ExampleCorp_<NameID>`,
 * and sends the browser to the app's redirect URI with a code. Resolves with that callback URL.
 *
 * Cognito refuses a bad response by sending the browser to the app with `error=server_error`:
 * the app's callback page reads it there, and this actor rejects with what it read. With mistake
 * `tampered-response` the user first edits the NameID in the form; with `assertion-expired` the
 * post waits six minutes.
 */
export const postSamlResponseActor = fromPromise<string, PostSamlResponseInput>(
	async ({ input }) => {
		const { action, SAMLResponse, RelayState } = input.samlPost;
		if (input.mistakes.includes('assertion-expired')) input.advanceClock(lingerMs);
		const form = {
			SAMLResponse: input.mistakes.includes('tampered-response')
				? withNameId(SAMLResponse, input.login.username, input.colleague)
				: SAMLResponse,
			...(RelayState !== null && { RelayState })
		};
		const back = await input.browser.go(action, { form });
		if (back.leftFor === undefined) throw pageRefusal('managed-login', back.response);
		const callback = new URL(back.leftFor);
		if (callback.searchParams.has('error')) {
			try {
				oauth.validateAuthResponse(input.server, appClient(input), callback, input.request.state);
			} catch (error) {
				throw oauthRefusal('managed-login', error);
			}
		}
		return back.leftFor;
	}
);

/** The SAML response with one NameID swapped for another, as a user with dev tools edits it. */
function withNameId(encoded: string, from: string, to: string): string {
	const xml = utf8Decode(base64Decode(encoded));
	return base64Encode(utf8Encode(xml.replace(`>${from}</saml:NameID>`, `>${to}</saml:NameID>`)));
}
