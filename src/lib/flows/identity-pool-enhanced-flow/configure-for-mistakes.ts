import type { PolicyDocument, RoleMappingScenario, Scenario } from '$lib/cloud';
import type { EnhancedFlowMistakeId } from './definition';

/** Another identity's note: what the read-another-identity steps ask for. */
export const otherIdentityNote = {
	key: 'private/us-east-1:5f0c3a9e-8d2b-4e71-a6c4-2b9d7e1f0c38/notes.txt',
	body: 'Another user’s notes: the door code is 4-8-15-16.\n'
};

/** The custom attribute the writable-attribute mistake maps to a role, and the winning value. */
export const teamAttribute = { name: 'custom:team', value: 'editors' };

/**
 * How an administrator set the account up before a run with these mistakes: the parts of the
 * scenario a mistake is about (the identity pool's providers, its role mapping, a role's trust
 * policy) and the data it needs (another identity's note). Changes `scenario` in place: it must
 * be the cloud's own copy, changed before the first request, because each service reads its part
 * when it first answers (the account holds the roles themselves, so a trust policy edited here is
 * the one STS evaluates).
 *
 * @example configureForMistakes(cloud.scenario, ['client-not-configured'])
 */
export function configureForMistakes(
	scenario: Scenario,
	mistakes: readonly EnhancedFlowMistakeId[]
): void {
	const pool = scenario.identityPool;
	const provider = `cognito-idp.${scenario.region}.amazonaws.com/${scenario.userPool.id}`;
	const webClient = webClientOf(scenario);
	const made = (m: EnhancedFlowMistakeId) => mistakes.includes(m);
	const editorsRole = roleArn(scenario, 'FlowLabEditors');

	if (made('client-not-configured')) {
		// The pool trusts this user pool through another client (the server app's) only
		const other = scenario.userPool.clients.find((c) => c.id !== webClient.id);
		if (!other)
			throw new TypeError('The scenario has no second app client for client-not-configured');
		pool.cognitoIdentityProviders = [
			{ providerName: provider, clientId: other.id, serverSideTokenCheck: false }
		];
	}

	if (made('trust-policy-assume-role')) {
		const role = scenario.iam.roles.find((r) => r.arn === pool.roles.authenticated);
		if (!role)
			throw new TypeError('The scenario has no authenticated role for trust-policy-assume-role');
		role.assumeRolePolicyDocument = withAction(role.assumeRolePolicyDocument, 'sts:AssumeRole');
	}

	// Role mapping for this user pool and client: rules, first match wins (§7.8)
	const rules: NonNullable<RoleMappingScenario['rules']> = [];
	if (made('writable-attribute-role-mapping'))
		rules.push({
			claim: teamAttribute.name,
			matchType: 'Equals',
			value: teamAttribute.value,
			roleArn: editorsRole
		});
	if (made('rules-match-nothing'))
		rules.push({
			claim: 'cognito:groups',
			matchType: 'Contains',
			value: 'admins',
			roleArn: editorsRole
		});
	if (rules.length > 0)
		pool.roleMappings[`${provider}:${webClient.id}`] = {
			type: 'Rules',
			ambiguousRoleResolution: made('rules-match-nothing') ? 'Deny' : 'AuthenticatedRole',
			rules
		};

	if (made('read-another-identity') || made('writable-attribute-role-mapping')) {
		const bucket = scenario.s3.buckets[0];
		if (!bucket) throw new TypeError('The scenario has no bucket');
		if (!bucket.objects.some((o) => o.key === otherIdentityNote.key))
			bucket.objects.push({ ...otherIdentityNote, contentType: 'text/plain' });
	}
}

/** The browser's app client: the SRP client without a secret. */
export function webClientOf(scenario: Scenario) {
	const client = scenario.userPool.clients.find(
		(c) => c.secret === null && c.explicitAuthFlows.includes('ALLOW_USER_SRP_AUTH')
	);
	if (!client) throw new TypeError('The scenario has no SRP app client without a secret');
	return client;
}

function roleArn(scenario: Scenario, name: string): string {
	const role = scenario.iam.roles.find((r) => r.name === name);
	if (!role) throw new TypeError(`The scenario has no IAM role ${name}`);
	return role.arn;
}

/** The same trust policy with every statement's action replaced. */
function withAction(policy: PolicyDocument, action: string): PolicyDocument {
	return { ...policy, Statement: policy.Statement.map((s) => ({ ...s, Action: action })) };
}
