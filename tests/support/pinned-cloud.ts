import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCloud, type Cloud } from '$lib/cloud';
import { pinTime } from './pinned-time';
import { cognitoClient } from './sdk-request-handler';
import { testKeys } from './test-keys';
import { testScenario } from './test-scenario';

/**
 * A fidelity test's world: the host clock pinned (see `pinTime`) and a fresh cloud on the test
 * scenario with the file's pool keys. Call it in `beforeEach`, with `afterEach(unpinTime)`.
 *
 * Not in the support barrel: importing it generates the pool keys (see `test-keys.ts`), which
 * only the files that build a cloud should pay for.
 *
 * @example beforeEach(() => { cloud = pinnedCloud(); });
 */
export function pinnedCloud(): Cloud {
	pinTime();
	return createCloud(testScenario(), { userPoolKeys: testKeys });
}

/**
 * `pinnedCloud`, plus an AWS SDK client that sends every request into it.
 *
 * @example beforeEach(() => ({ cloud, sdk } = pinnedCloudWithSdk()));
 */
export function pinnedCloudWithSdk(): { cloud: Cloud; sdk: CognitoIdentityProviderClient } {
	const cloud = pinnedCloud();
	return { cloud, sdk: cognitoClient(cloud.fetch) };
}
