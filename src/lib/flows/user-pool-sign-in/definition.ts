// The scenario's own door, not the `$lib/cloud` barrel: that barrel also brings the services (SRP,
// jose, key handling) into the first load.
import { defaultScenario } from '$lib/cloud/scenario';
import { actor } from '../actors';
import { demoUsers } from '../demo-users';
import type { FlowDefinition } from '../types';

/** Every step the sign-in flow can take, in the order a run meets them. */
const steps = [
	{ id: 'initiate-auth', title: 'Start SRP sign-in' },
	{ id: 'password-verifier', title: 'Prove the password' },
	{ id: 'software-token-mfa', title: 'Answer the TOTP MFA challenge' },
	{ id: 'new-password-required', title: 'Set a new password' },
	{ id: 'verify-id-token', title: 'Verify the ID token', actor: 'app' },
	{ id: 'get-user', title: 'Call GetUser with the access token' },
	{ id: 'steal-tokens', title: 'A script on the page steals the tokens' },
	{ id: 'attacker-get-user', title: 'The attacker calls GetUser as the user' },
	{ id: 'access-token-expires', title: 'An hour passes', actor: 'app' },
	{ id: 'refresh-tokens', title: 'Refresh the tokens' },
	{ id: 'global-sign-out', title: 'Sign out everywhere' },
	{ id: 'refresh-after-sign-out', title: 'Try the refresh token again' }
] as const;

const mistakes = [
	{
		id: 'wrong-password',
		title: 'Wrong password',
		step: 'password-verifier',
		summary: 'The app signs in with a password that does not match.'
	},
	{
		id: 'unconfirmed-user',
		title: 'Unconfirmed user',
		step: 'password-verifier',
		summary: 'The user signed up but never confirmed the account.'
	},
	{
		id: 'late-password-verifier',
		title: 'Password answered too late',
		step: 'password-verifier',
		summary:
			'The app starts SRP as soon as the username is typed and answers the challenge only after the user has finished typing the password.'
	},
	{
		id: 'wrong-mfa-code',
		title: 'Wrong MFA code',
		step: 'software-token-mfa',
		summary: 'The six-digit code from the authenticator app is wrong.'
	},
	{
		id: 'id-token-to-getuser',
		title: 'ID token sent to GetUser',
		step: 'get-user',
		summary: 'The app sends the ID token where the access token belongs.'
	},
	{
		id: 'api-token-at-userinfo',
		title: 'API access token at userInfo',
		step: 'get-user',
		summary:
			"The app asks managed login's OIDC userInfo endpoint for the profile with the access token from InitiateAuth, instead of calling GetUser."
	},
	{
		id: 'expired-access-token',
		title: 'Expired access token',
		step: 'access-token-expires',
		summary: 'The app keeps using the access token after it has expired.'
	},
	{
		id: 'refresh-after-sign-out',
		title: 'Refresh after sign-out',
		step: 'refresh-after-sign-out',
		summary: 'The app tries the refresh token again after a global sign-out.'
	},
	{
		id: 'missing-secret-hash',
		title: 'SECRET_HASH left out',
		step: 'initiate-auth',
		summary: 'The app uses the client that has a secret but sends no SECRET_HASH.'
	},
	{
		id: 'tokens-in-local-storage',
		title: 'Tokens kept in localStorage',
		step: 'steal-tokens',
		summary:
			'The app leaves its tokens in localStorage, where any script on the page can read them.',
		outcome: 'ok'
	}
] as const;

export const definition = {
	id: 'user-pool-sign-in',
	title: 'Sign in to a user pool',
	actors: [
		actor('app'),
		actor('user-pool'),
		// Only the api-token-at-userinfo mistake asks managed login, the pool's domain.
		actor('managed-login', { optional: true }),
		// Only the tokens-in-local-storage mistake brings the attacker in.
		actor('attacker', { optional: true })
	],
	steps,
	mistakes,
	choices: [
		{
			id: 'user',
			label: 'Sign in as',
			// Users of the default scenario; a variant scenario's runner checks the name it is given.
			options: demoUsers(defaultScenario).map((u) => ({
				value: u.username,
				label: u.username,
				description: u.description,
				tag: u.tag
			})),
			default: 'alice'
		}
	],
	trusts: ['user-pool']
} as const satisfies FlowDefinition;

export type UserPoolSignInStepId = (typeof steps)[number]['id'];
export type UserPoolSignInMistakeId = (typeof mistakes)[number]['id'];
