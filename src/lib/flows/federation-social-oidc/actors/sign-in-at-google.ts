import type { NavigationResult } from '$lib/cloud/browser/navigate';
import { fromPromise } from 'xstate';
import { GoogleSignInError, signInAtGoogle } from '../../shared/google-sign-in';
import { SignInRefusal } from '../../shared/oauth-refusal';
import type { SocialSignInInput } from '../social-sign-in-types';

export interface SignInAtGoogleInput extends SocialSignInInput {
	googlePage: NavigationResult;
	/** Cognito's `/oauth2/idpresponse`, where Google sends the browser back. */
	idpResponse: string;
}

/**
 * The user types the demo account's email and password into Google's form and presses Continue
 * on the consent screen. Google sends the browser to Cognito's `/oauth2/idpresponse` with a code
 * of its own; resolves with that address (the browser goes there in the next step).
 */
export const signInAtGoogleActor = fromPromise<string, SignInAtGoogleInput>(async ({ input }) => {
	try {
		const left = await signInAtGoogle(input.browser, input.googlePage, input.login, [
			input.idpResponse
		]);
		return left.leftFor!;
	} catch (error) {
		if (!(error instanceof GoogleSignInError)) throw error;
		throw new SignInRefusal({
			service: 'external-idp',
			code: 'access_denied',
			message: error.message,
			status: 400
		});
	}
});
