import type { NavigationResult } from '$lib/cloud/browser/navigate';
import { fromPromise } from 'xstate';
import { SignInRefusal } from '../../shared/oauth-refusal';
import { SamlIdpSignInError, signInAtSamlIdp, type SamlPost } from '../../shared/saml-idp-sign-in';
import type { SamlSignInInput } from '../saml-sign-in-types';

export interface SignInAtIdpInput extends SamlSignInInput {
	idpPage: NavigationResult;
}

/**
 * The employee types their work email and password into the IdP's form. The IdP answers with a
 * page whose form holds the signed `SAMLResponse` and Cognito's `RelayState`, addressed to
 * Cognito's `/saml2/idpresponse`; resolves with that form, not yet posted.
 */
export const signInAtIdpActor = fromPromise<SamlPost, SignInAtIdpInput>(async ({ input }) => {
	try {
		return await signInAtSamlIdp(input.browser, input.idpPage, input.login);
	} catch (error) {
		if (!(error instanceof SamlIdpSignInError)) throw error;
		throw new SignInRefusal({
			service: 'external-idp',
			code: 'SamlIdpSignInError',
			message: error.message,
			status: 400
		});
	}
});
