import { actor } from '../actors';
import type { FlowDefinition } from '../types';

/**
 * Developer-authenticated identities (cognito.md §7.4, §7.5, §11 row 21): the app signs in to your
 * own back end, which vouches for the user with a signed GetOpenIdTokenForDeveloperIdentity; the
 * app trades the identity pool token for AWS credentials (enhanced: GetCredentialsForIdentity;
 * basic: STS AssumeRoleWithWebIdentity) and writes under the identity's own S3 prefix.
 */
export const definition = {
	id: 'identity-pool-developer-authenticated',
	title: 'Developer-authenticated identities',
	actors: [
		actor('app'),
		// The long-term-keys-in-browser app has no back end: its column is drawn only when used.
		actor('back-end', { optional: true }),
		actor('identity-pool'),
		// Only the basic variant calls STS itself; in the enhanced one Cognito does it inside.
		actor('sts', { optional: true }),
		actor('s3'),
		// Only the long-term-keys-in-browser mistake brings the attacker in.
		actor('attacker', { optional: true })
	],
	steps: [
		{ id: 'sign-in-to-back-end', title: 'Sign in to your own back end' },
		{ id: 'get-identity-token', title: 'The back end asks Cognito for a token' },
		{ id: 'mint-token-in-browser', title: 'The app asks Cognito for a token itself' },
		{ id: 'get-credentials', title: 'Trade the token for AWS credentials' },
		{ id: 'put-note', title: "Save a note under the identity's prefix" },
		{ id: 'read-note', title: 'Read the note back' },
		{ id: 'keys-stolen', title: 'A script sends the keys to the attacker' },
		{ id: 'attacker-mints-token', title: 'The attacker mints a token for another user' },
		{ id: 'attacker-gets-credentials', title: "The attacker gets that user's credentials" },
		{ id: 'attacker-reads-note', title: "The attacker reads that user's note" }
	],
	mistakes: [
		{
			id: 'get-id-with-developer-token',
			title: 'GetId called with the token',
			step: 'get-credentials',
			summary:
				'The app drops the IdentityId its back end sent and calls GetId with the token under cognito-identity.amazonaws.com, as it would with any other login.'
		},
		{
			id: 'identity-id-without-token',
			title: 'IdentityId sent without the token',
			step: 'get-credentials',
			summary:
				'The app asks GetCredentialsForIdentity for credentials with the IdentityId alone, as if knowing the id were proof enough.'
		},
		{
			id: 'long-term-keys-in-browser',
			title: "Back end's keys shipped in the app",
			step: 'keys-stolen',
			summary:
				"The app carries the back end's long-term IAM access key in its JavaScript and calls GetOpenIdTokenForDeveloperIdentity from the browser.",
			outcome: 'ok'
		}
	],
	choices: [
		{
			id: 'user',
			label: 'Back-end user',
			options: [
				{
					value: 'alice',
					label: 'alice',
					description: 'A user of your own back end (id user-1001), not of any user pool.'
				},
				{
					value: 'bob',
					label: 'bob',
					description: 'Another user of your own back end (id user-1002).'
				}
			],
			default: 'alice'
		},
		{
			id: 'variant',
			label: 'Flow',
			options: [
				{
					value: 'enhanced',
					label: 'Enhanced',
					description:
						'GetCredentialsForIdentity with the token: the identity pool picks the role and calls STS for you.'
				},
				{
					value: 'basic',
					label: 'Basic',
					tag: 'classic',
					description:
						'AssumeRoleWithWebIdentity with the token: the app names the role and calls STS itself.'
				}
			],
			default: 'enhanced'
		}
	],
	trusts: ['identity-pool']
} as const satisfies FlowDefinition;
