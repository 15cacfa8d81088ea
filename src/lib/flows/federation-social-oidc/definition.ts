import { actor } from '../actors';
import type { FlowDefinition } from '../types';

/**
 * Sign-in with Google through the user pool's managed login: the app sends the browser to
 * `/oauth2/authorize`, Google signs the user in and sends its code to Cognito's
 * `/oauth2/idpresponse`, Cognito redeems it, makes or updates the federated user and sends the
 * browser back with a code of its own, which the app redeems with its PKCE verifier for Cognito's
 * tokens. The app side is oauth4webapi, as a single-page app would use it.
 */
export const definition = {
	id: 'federation-social-oidc',
	title: 'Sign in with Google through a user pool',
	actors: [
		actor('app'),
		actor('browser'),
		actor('managed-login'),
		actor('external-idp'),
		actor('user-pool'),
		actor('attacker', { optional: true })
	],
	steps: [
		{ id: 'discover', title: "Read the pool's OpenID configuration" },
		{ id: 'authorize', title: 'Send the browser to /oauth2/authorize' },
		{ id: 'sign-in-at-google', title: 'Sign in and consent at Google' },
		{ id: 'idp-response', title: "Cognito redeems Google's code" },
		{ id: 'attacker-redeems-code', title: 'An attacker redeems the stolen code' },
		{ id: 'check-callback', title: 'Check the callback', actor: 'app' },
		{ id: 'code-expires', title: 'Six minutes pass', actor: 'app' },
		{ id: 'redeem-code', title: 'Redeem the code with the PKCE verifier' },
		{ id: 'redeem-again', title: 'Redeem the same code again' },
		{ id: 'user-info', title: 'Ask /oauth2/userInfo who signed in' },
		{ id: 'log-out', title: 'Sign out through /logout' },
		{ id: 'user-info-after-logout', title: 'Use the access token after /logout' },
		{ id: 'password-sign-in', title: 'Sign in again, with the password' }
	],
	mistakes: [
		{
			id: 'redirect-uri-not-listed',
			title: 'Redirect URI not on the list',
			step: 'authorize',
			summary:
				"The app sends https://app.example.com/callback/, with a trailing slash the client's callback URLs do not have."
		},
		{
			id: 'scopes-without-openid',
			title: 'Scopes without openid',
			step: 'authorize',
			summary: 'The app asks for email and profile but leaves openid out of the scope.'
		},
		{
			id: 'code-stolen-without-pkce',
			title: 'Code stolen, no PKCE',
			step: 'attacker-redeems-code',
			summary:
				'The app sends no code_challenge, and an attacker who sees the callback URL redeems the code first.',
			outcome: 'ok'
		},
		{
			id: 'code-stolen-with-pkce',
			title: 'Code stolen, PKCE on',
			step: 'attacker-redeems-code',
			summary:
				'The same stolen code, but the app used PKCE: the attacker does not have the code_verifier.'
		},
		{
			id: 'state-mismatch',
			title: 'Callback with a state the app never sent',
			step: 'check-callback',
			summary:
				"A forged link brings the browser back to the callback with someone else's code and a state this app did not create."
		},
		{
			id: 'code-expired',
			title: 'Code redeemed too late',
			step: 'redeem-code',
			summary: 'The app redeems the code six minutes after Cognito issued it.'
		},
		{
			id: 'wrong-code-verifier',
			title: 'Wrong PKCE verifier',
			step: 'redeem-code',
			summary:
				'The app sends a code_verifier that is not the one whose challenge went to /oauth2/authorize (a second tab overwrote it).'
		},
		{
			id: 'code-reused',
			title: 'Code redeemed twice',
			step: 'redeem-again',
			summary: 'The callback page runs twice (a reload) and redeems the same code again.'
		},
		{
			id: 'nonce-not-checked',
			title: 'No nonce',
			step: 'redeem-code',
			summary:
				'The app sends no nonce and so cannot tie the ID token it receives to the sign-in it started.',
			outcome: 'ok'
		},
		{
			id: 'implicit-grant',
			title: 'Implicit grant',
			step: 'check-callback',
			summary:
				'The client allows the implicit grant and the app asks for response_type=token: the tokens come back in the URL.',
			outcome: 'ok'
		},
		{
			id: 'client-secret-in-browser',
			title: 'Client secret in the browser',
			step: 'redeem-code',
			summary:
				'The app client was created with a secret, so the single-page app carries the secret in its code and sends it.',
			outcome: 'ok'
		},
		{
			id: 'logout-keeps-tokens',
			title: '/logout believed to revoke tokens',
			step: 'user-info-after-logout',
			summary:
				'The app signs out through /logout and assumes the access token it still holds is dead.',
			outcome: 'ok'
		},
		{
			id: 'duplicate-users',
			title: 'Same email, two users',
			step: 'password-sign-in',
			summary:
				'The person who signed in with Google later signs in with the password of the pool user who has the same email, and the app expects to meet the same user.',
			outcome: 'ok'
		}
	],
	choices: [
		{
			id: 'account',
			label: 'Google account',
			default: 'alice',
			options: [
				{
					value: 'alice',
					label: 'alice@example.com',
					description:
						'The pool already has a user with this email who signs in with a password: Google makes a second user.'
				},
				{
					value: 'dana',
					label: 'dana@example.com',
					description: 'Nobody in the pool has this email yet.'
				}
			]
		}
	],
	trusts: ['user-pool', 'google']
} as const satisfies FlowDefinition;

export type SocialSignInStepId = (typeof definition.steps)[number]['id'];
export type SocialSignInMistakeId = (typeof definition.mistakes)[number]['id'];
