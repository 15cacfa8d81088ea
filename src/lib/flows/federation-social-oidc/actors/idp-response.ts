import { fromPromise } from 'xstate';
import { pageRefusal } from '../../shared/oauth-app';
import type { SocialSignInInput } from '../social-sign-in-types';

export interface IdpResponseInput extends SocialSignInInput {
	googleResponse: string;
}

/**
 * The browser follows Google's redirect to `/oauth2/idpresponse`. While answering, Cognito
 * redeems Google's code at Google's token endpoint, checks Google's ID token with Google's keys,
 * makes or updates the federated user, then sends the browser to the app's redirect URI with a
 * code of its own. Resolves with that callback address.
 */
export const idpResponseActor = fromPromise<string, IdpResponseInput>(async ({ input }) => {
	const back = await input.browser.go(input.googleResponse);
	if (back.leftFor === undefined) throw pageRefusal('managed-login', back.response);
	return back.leftFor;
});
