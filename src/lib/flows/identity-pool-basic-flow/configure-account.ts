import type { PolicyDocument, Scenario } from '$lib/cloud';
import type { IdentityPoolBasicFlowMistakeId } from './definition';

/**
 * The account as an administrator left it before the run, for the mistakes that are settings
 * rather than app code: the classic flow off, role mappings on the pool, or an authenticated role
 * whose trust policy forgot `amr`. Changes `scenario` in place: it is the fresh cloud's own
 * settings, which its services read on every request, as AWS reads a pool's configuration.
 * Returns what undoes the trust-policy change (the administrator's fix), or a no-op.
 *
 * @example const { fixTrustPolicy } = configureAccount(cloud.scenario, ['trust-policy-without-amr']);
 */
export function configureAccount(
	scenario: Scenario,
	mistakes: readonly IdentityPoolBasicFlowMistakeId[]
): { fixTrustPolicy: () => void } {
	const pool = scenario.identityPool;
	if (mistakes.includes('classic-flow-off')) pool.allowClassicFlow = false;
	if (mistakes.includes('classic-flow-with-role-mappings')) {
		// A token-based mapping for the user pool's app client (cognito.md §7.8): the key is
		// `<provider name>:<client id>`, the most common mapping a pool has.
		for (const provider of pool.cognitoIdentityProviders)
			pool.roleMappings[`${provider.providerName}:${provider.clientId}`] = {
				type: 'Token',
				ambiguousRoleResolution: 'AuthenticatedRole'
			};
	}
	const role = scenario.iam.roles.find((r) => r.arn === pool.roles.authenticated);
	if (!mistakes.includes('trust-policy-without-amr') || !role) return { fixTrustPolicy: () => {} };

	const fixed = role.assumeRolePolicyDocument;
	role.assumeRolePolicyDocument = withoutAmr(fixed);
	return {
		fixTrustPolicy: () => {
			role.assumeRolePolicyDocument = fixed;
		}
	};
}

/** The trust policy with every condition on `cognito-identity.amazonaws.com:amr` taken out. */
export function withoutAmr(policy: PolicyDocument): PolicyDocument {
	const amr = 'cognito-identity.amazonaws.com:amr';
	return {
		...policy,
		Statement: policy.Statement.map((statement) => {
			if (!statement.Condition) return statement;
			const Condition = Object.fromEntries(
				Object.entries(statement.Condition)
					.map(([operator, keys]) => [
						operator,
						Object.fromEntries(Object.entries(keys).filter(([key]) => key !== amr))
					])
					.filter(([, keys]) => Object.keys(keys as object).length > 0)
			);
			return { ...statement, Condition };
		})
	};
}
