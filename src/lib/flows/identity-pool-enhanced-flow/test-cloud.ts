// Shared by this flow's tests only (never imported by the runner): one set of keys per test file.
import {
	createCloud,
	defaultScenario,
	generateUserPoolKeys,
	type Cloud,
	type Scenario
} from '$lib/cloud';
import { generateIdentityPoolKeys } from '$lib/cloud/identity-pool';

/** A fixed moment, so captions and expirations are the same in every run. */
export const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);

const keys = Promise.all([generateUserPoolKeys(), generateIdentityPoolKeys('us-east-1')]);

/**
 * A fresh cloud on the default scenario (or a variant of it), at `pinnedAt`, with keys generated
 * once per test file: RSA generation is what makes a cloud slow.
 */
export async function testCloud(variant?: (scenario: Scenario) => void): Promise<Cloud> {
	const [userPoolKeys, identityPoolKeys] = await keys;
	const scenario = structuredClone(defaultScenario);
	variant?.(scenario);
	return createCloud(scenario, { clock: { fixed: pinnedAt }, userPoolKeys, identityPoolKeys });
}
