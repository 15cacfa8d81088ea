import { actor } from '../actors';
import type { FlowDefinition } from '../types';

/**
 * The identity pool's basic (classic) flow, as a guest: `GetId` without logins, `GetOpenIdToken`,
 * then STS `AssumeRoleWithWebIdentity` naming the role, then S3 with the credentials STS returned
 * (cognito.md §7.4–7.6, §8).
 */
export const definition = {
	id: 'identity-pool-basic-flow',
	title: 'The identity pool basic (classic) flow',
	actors: [actor('app'), actor('identity-pool'), actor('sts'), actor('s3')],
	// In the order a run meets them; the middle ones appear only with their mistake.
	steps: [
		{ id: 'get-id', title: 'Get a guest identity' },
		{ id: 'get-open-id-token', title: "Get the identity pool's OpenID token" },
		{ id: 'assume-authenticated-role', title: 'A guest asks STS for the authenticated role' },
		{ id: 'assume-authenticated-role-after-fix', title: 'The same request, after the fix' },
		// Nothing is sent: the app's clock moves on (a note on its lifeline).
		{ id: 'open-id-token-expires', title: 'Fifteen minutes pass', actor: 'app' },
		{
			id: 'assume-role-with-web-identity',
			title: "Exchange the token for the guest role's credentials"
		},
		{ id: 'get-object', title: 'Read public/welcome.txt from S3' }
	],
	mistakes: [
		{
			id: 'classic-flow-off',
			title: 'Classic flow turned off',
			step: 'get-open-id-token',
			summary:
				'The app uses the basic flow on an identity pool whose AllowClassicFlow setting is off, as new pools are by default.'
		},
		{
			id: 'classic-flow-with-role-mappings',
			title: 'Classic flow on a pool with role mappings',
			step: 'get-open-id-token',
			summary:
				'The app uses the basic flow on an identity pool that has role mappings for its user pool.'
		},
		{
			id: 'trust-policy-without-amr',
			title: 'Trust policy without amr',
			step: 'assume-authenticated-role',
			summary:
				"The authenticated role's trust policy checks only aud, so a guest's token can assume it.",
			outcome: 'ok'
		},
		{
			id: 'open-id-token-expired',
			title: 'Expired OpenID token',
			step: 'assume-role-with-web-identity',
			summary:
				"The app keeps the identity pool's OpenID token and sends it to STS after its ten minutes are up."
		}
	],
	choices: [
		{
			id: 'duration',
			label: 'DurationSeconds',
			options: [
				{
					value: '3600',
					label: '3600 seconds',
					description: "One hour: the default, and this role's maximum session duration."
				},
				{
					value: '900',
					label: '900 seconds',
					description: 'Fifteen minutes: the shortest session STS grants.'
				}
			],
			default: '3600'
		}
	],
	trusts: ['identity-pool']
} as const satisfies FlowDefinition;

export type IdentityPoolBasicFlowStepId = (typeof definition.steps)[number]['id'];
export type IdentityPoolBasicFlowMistakeId = (typeof definition.mistakes)[number]['id'];
