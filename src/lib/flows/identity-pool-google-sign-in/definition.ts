// The scenario's own door, not the `$lib/cloud` barrel (that would bring the services into the
// first load).
import { defaultScenario } from '$lib/cloud/scenario';
import { actor } from '../actors';
import type { FlowDefinition } from '../types';

/**
 * Google sign-in straight to the identity pool, no user pool involved: the user signs in at Google
 * with the app's own Google client, the app's back end redeems the code for Google's tokens, and
 * the app hands Google's ID token to the identity pool under the Logins key `accounts.google.com`
 * (GetId, then GetCredentialsForIdentity) and signs S3 requests under the identity's own prefix.
 * Facts: reference §6, §7.3–7.5, §9.1, §11.
 */
export const definition = {
	id: 'identity-pool-google-sign-in',
	title: 'Google sign-in straight to an identity pool',
	actors: [
		actor('browser'),
		actor('app'),
		actor('back-end'),
		actor('external-idp'),
		// Only the mistake that shows Google's token to Cognito's user pool side calls it.
		actor('managed-login', { optional: true }),
		actor('identity-pool'),
		actor('s3')
	],
	steps: [
		{ id: 'sign-in-with-google', title: 'Sign in at Google' },
		{ id: 'redeem-code', title: 'The back end redeems the code' },
		{ id: 'ask-user-pool', title: 'Ask the user pool who signed in' },
		{ id: 'get-id', title: 'Get an identity ID with the Google ID token' },
		{ id: 'get-credentials', title: 'Get credentials for the identity' },
		{ id: 'put-object', title: 'Write a note under the identity’s prefix' },
		{ id: 'get-object', title: 'Read the note back' }
	],
	mistakes: [
		{
			id: 'provider-token-to-user-pool',
			title: 'Google’s token shown to the user pool',
			step: 'ask-user-pool',
			summary:
				'The app sends Google’s ID token to the user pool’s userInfo endpoint, as if Cognito had issued it.'
		},
		{
			id: 'wrong-logins-key',
			title: 'Wrong Logins key',
			step: 'get-id',
			summary:
				'The app keys the Logins map with https://accounts.google.com, the issuer URL, instead of the provider name accounts.google.com.'
		},
		{
			id: 'google-access-token-in-logins',
			title: 'Google’s access token in Logins',
			step: 'get-id',
			summary:
				'The app puts Google’s access token (an opaque ya29. string) in the Logins map instead of Google’s ID token.'
		}
	],
	choices: [
		{
			id: 'account',
			label: 'Sign in at Google as',
			options: (defaultScenario.socialProvider?.accounts ?? []).map((a) => ({
				value: a.email.split('@')[0]!,
				label: a.email,
				description: `${a.name}, Google account ${a.sub}`
			})),
			default: 'alice'
		}
	],
	// Google's ID token is the one token this flow shows; the enhanced flow never hands the app the
	// identity pool's own token.
	trusts: ['google']
} as const satisfies FlowDefinition;

export type GoogleFlowStepId = (typeof definition.steps)[number]['id'];
export type GoogleFlowMistakeId = (typeof definition.mistakes)[number]['id'];
