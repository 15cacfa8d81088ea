import { actor } from '../actors';
import type { FlowDefinition } from '../types';

/**
 * A visitor who never signs in gets guest credentials from the identity pool (the enhanced flow:
 * `GetId` without `Logins`, then `GetCredentialsForIdentity`) and uses them against S3: reading the
 * public prefix is allowed, writing is not. The denied write is part of the lesson, not a failure
 * of the run.
 */
export const definition = {
	id: 'identity-pool-guest-access',
	title: 'Guest access with an identity pool',
	actors: [
		actor('app'),
		actor('identity-pool'),
		actor('s3'),
		// Only the scope-down mistake calls a service outside S3 and Cognito.
		actor('ssm', { optional: true })
	],
	steps: [
		{ id: 'get-id', title: 'Ask for a guest identity' },
		{ id: 'get-credentials', title: 'Get credentials for the guest' },
		{ id: 'read-public-object', title: 'Read the public object' },
		{ id: 'write-object', title: 'Try to write to the bucket' },
		{ id: 'get-parameter', title: 'Read a parameter from Systems Manager' }
	],
	mistakes: [
		{
			id: 'guests-off',
			title: 'Guest access turned off',
			step: 'get-id',
			summary:
				'The app asks for an identity without Logins, but the identity pool does not allow unauthenticated identities.'
		},
		{
			id: 'guest-outside-scope-down',
			title: 'Guest role used outside the scope-down',
			step: 'get-parameter',
			summary:
				"The guest role allows ssm:GetParameter, and the app counts on it, but Systems Manager is not on the enhanced flow's list of services for guests."
		}
	],
	choices: [],
	// The enhanced flow shows no token, but any identity-pool token a learner meets here is checked
	// against the pool's own keys.
	trusts: ['identity-pool']
} as const satisfies FlowDefinition;

export type GuestAccessStepId = (typeof definition.steps)[number]['id'];
export type GuestAccessMistakeId = (typeof definition.mistakes)[number]['id'];
