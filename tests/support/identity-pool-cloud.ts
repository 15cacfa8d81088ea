import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCloud, type Cloud, type Scenario } from '$lib/cloud';
import { cognitoIdentityClient } from './cognito-identity-client';
import { identityPoolTestKeys } from './identity-pool-test-keys';
import { pinTime } from './pinned-time';
import { cognitoClient } from './sdk-request-handler';
import { srpSignIn } from './srp-sign-in';
import { testKeys } from './test-keys';
import { testScenario, webClientId } from './test-scenario';

export const identityPoolId = 'us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a';
export const userPoolProvider = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01';

const passwords: Record<string, string> = {
	alice: 'Correct-Horse-42',
	grace: 'Second-User-Pass-42'
};

/** A second signed-in user without MFA (bob has TOTP), with a custom attribute for role rules. */
export const grace = {
	username: 'grace',
	sub: '94ace000-7777-4aaa-8aaa-000000000007',
	password: passwords.grace!,
	status: 'CONFIRMED' as const,
	enabled: true,
	attributes: { email: 'grace@example.com', email_verified: 'true', 'custom:team': 'blue' },
	groups: []
};

export interface IdentityPoolWorld {
	cloud: Cloud;
	/** The identity-pool SDK client (developer calls signed with the back end's key). */
	identity: CognitoIdentityClient;
	/** The user-pool SDK client, for sign-ins. */
	userPool: CognitoIdentityProviderClient;
	/** Signs a demo user in with SRP (through the SDK) and returns the tokens. */
	signIn(
		username: 'alice' | 'grace',
		clientId?: string
	): Promise<{ IdToken: string; AccessToken: string }>;
}

/**
 * A cloud on the test scenario (changed by `edit` first) with the fixed user-pool and identity-pool
 * keys, the host clock pinned (`afterEach(unpinTime)`), and SDK clients wired into it.
 *
 * @example beforeEach(() => (world = identityPoolWorld((s) => (s.identityPool.allowClassicFlow = false))));
 */
export function identityPoolWorld(edit?: (scenario: Scenario) => void): IdentityPoolWorld {
	pinTime();
	const scenario = testScenario();
	scenario.userPool.users.push(structuredClone(grace));
	edit?.(scenario);
	const cloud = createCloud(scenario, {
		userPoolKeys: testKeys,
		identityPoolKeys: identityPoolTestKeys
	});
	const userPool = cognitoClient(cloud.fetch);
	return {
		cloud,
		identity: cognitoIdentityClient(cloud.fetch),
		userPool,
		async signIn(username, clientId = webClientId) {
			const result = await srpSignIn(userPool, {
				poolId: 'us-east-1_FlowLab01',
				clientId,
				username,
				password: passwords[username]!
			});
			const tokens = result.AuthenticationResult;
			if (!tokens?.IdToken || !tokens.AccessToken) throw new Error(`${username} got no tokens`);
			return { IdToken: tokens.IdToken, AccessToken: tokens.AccessToken };
		}
	};
}
