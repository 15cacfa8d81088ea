// The scenario's own door, not the `$lib/cloud` barrel (that would bring the services into the
// first load).
import { defaultScenario } from '$lib/cloud/scenario';
import { actor } from '../actors';
import { demoUsers } from '../demo-users';
import type { FlowDefinition } from '../types';

/**
 * The enhanced (simplified) identity-pool flow: a user signs in to the user pool, the app trades
 * the ID token for temporary AWS credentials (GetId, then GetCredentialsForIdentity, with the
 * identity pool choosing the role), and signs S3 requests with them under the identity's own
 * prefix. Facts: reference §7.3–7.8, §8.4, §9.
 */
export const definition = {
	id: 'identity-pool-enhanced-flow',
	title: 'From user pool tokens to AWS credentials',
	actors: [actor('app'), actor('user-pool'), actor('identity-pool'), actor('s3')],
	steps: [
		{ id: 'sign-in', title: 'Sign in to the user pool', fold: 'Sign in (SRP)' },
		{ id: 'edit-attribute', title: 'The user edits their own attribute' },
		{ id: 'get-id', title: 'Get an identity ID with the ID token' },
		{ id: 'get-credentials', title: 'Get credentials for the identity' },
		{ id: 'put-object', title: 'Write a note under the identity’s prefix' },
		{ id: 'get-object', title: 'Read the note back' },
		{ id: 'list-objects', title: 'List the identity’s notes' },
		{ id: 'read-other-identity', title: 'Read another identity’s note' },
		{ id: 'credentials-expire', title: 'An hour passes', actor: 'app' },
		{ id: 'read-after-expiry', title: 'Read the note with the same credentials' }
	],
	mistakes: [
		{
			id: 'access-token-in-logins',
			title: 'Access token in Logins',
			step: 'get-id',
			summary: 'The app puts the access token, not the ID token, in the Logins map.'
		},
		{
			id: 'wrong-logins-key',
			title: 'Wrong Logins key',
			step: 'get-id',
			summary:
				'The app keys the Logins map with the token’s issuer URL, https:// and all, instead of the provider name.'
		},
		{
			id: 'client-not-configured',
			title: 'App client not on the identity pool',
			step: 'get-id',
			summary:
				'The identity pool lists the user pool with another app client, not the one the app signs in with.'
		},
		{
			id: 'trust-policy-assume-role',
			title: 'Trust policy allows sts:AssumeRole',
			step: 'get-credentials',
			summary:
				'The authenticated role’s trust policy allows sts:AssumeRole instead of sts:AssumeRoleWithWebIdentity.'
		},
		{
			id: 'rules-match-nothing',
			title: 'Role rules that match nothing',
			step: 'get-credentials',
			summary:
				'The identity pool picks roles by rules, no rule matches this user, and ambiguous matches are denied.'
		},
		{
			id: 'jwt-straight-to-s3',
			title: 'ID token sent straight to S3',
			step: 'put-object',
			summary: 'The app skips the identity pool and sends the ID token to S3 as a bearer token.'
		},
		{
			id: 'user-pool-sub-in-policy',
			title: 'User pool sub used as the prefix',
			step: 'put-object',
			summary:
				'The app writes under the user pool sub, believing that is what ${cognito-identity.amazonaws.com:sub} holds.'
		},
		{
			id: 'read-another-identity',
			title: 'Reading another identity’s prefix',
			step: 'read-other-identity',
			summary: 'The app asks S3 for a note under another identity’s prefix.'
		},
		{
			id: 'writable-attribute-role-mapping',
			title: 'Role mapped from a writable attribute',
			step: 'read-other-identity',
			summary:
				'A role-mapping rule trusts a custom attribute that users may change themselves; the user changes it.',
			outcome: 'ok'
		},
		{
			id: 'expired-credentials',
			title: 'Expired credentials',
			step: 'read-after-expiry',
			summary: 'The app keeps signing with its credentials after they have expired.'
		}
	],
	choices: [
		{
			id: 'user',
			label: 'Sign in as',
			// Users who sign in with a password, and an authenticator code if they have one; one who
			// must first choose a new password belongs to the sign-in lesson.
			options: demoUsers(defaultScenario)
				.filter((u) => u.tag !== 'new password')
				.map((u) => ({
					value: u.username,
					label: u.username,
					description: u.description,
					tag: u.tag
				})),
			default: 'alice'
		}
	],
	// The only token this flow shows is the user pool's; the enhanced flow never hands the app
	// the identity pool's own token.
	trusts: ['user-pool']
} as const satisfies FlowDefinition;

export type EnhancedFlowStepId = (typeof definition.steps)[number]['id'];
export type EnhancedFlowMistakeId = (typeof definition.mistakes)[number]['id'];
