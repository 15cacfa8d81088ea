import * as oauth from 'oauth4webapi';
import { fromPromise } from 'xstate';
import { appClient } from '../../shared/oauth-app';
import { oauthRefusal } from '../../shared/oauth-refusal';
import type { AuthorizationRequest, SamlSignInInput } from '../saml-sign-in-types';

export interface CheckCallbackInput extends SamlSignInInput {
	server: oauth.AuthorizationServer;
	request: AuthorizationRequest;
	callbackUrl: string;
}

/** The callback's parameters as oauth4webapi checked them, and the code among them. */
export interface CallbackResult {
	params: URLSearchParams;
	code: string;
}

/**
 * The app's callback page reads the URL it was opened with: oauth4webapi checks that `state` is
 * the one the app stored before it left and that no `error` came back, then hands over the code.
 * Nothing here is SAML: the app never sees the assertion.
 */
export const checkCallbackActor = fromPromise<CallbackResult, CheckCallbackInput>(
	async ({ input }) => {
		try {
			const params = oauth.validateAuthResponse(
				input.server,
				appClient(input),
				new URL(input.callbackUrl),
				input.request.state
			);
			return { params, code: params.get('code')! };
		} catch (error) {
			throw oauthRefusal('managed-login', error);
		}
	}
);
