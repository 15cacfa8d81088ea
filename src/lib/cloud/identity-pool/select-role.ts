import type { MappingRuleScenario, RoleMappingScenario } from '../scenario';
import type { CheckTrail } from './check-trail';
import { ambiguousRoleDenied, invalidPoolConfiguration, notAuthorized } from './errors';
import type { IdentityPoolModel } from './model';
import type { VerifiedLogin } from './verify-logins';

/**
 * Picks the role of the enhanced flow (cognito.md §7.8), each step recorded on `trail`:
 *
 * - a guest gets the pool's `unauthenticated` role;
 * - an authenticated identity gets the role a RoleMapping for its provider
 *   (`<provider>:<app client id>`) resolves to — Token: `CustomRoleArn` if in `cognito:roles`,
 *   else `cognito:preferred_role`; Rules: the first matching rule — and when nothing resolves,
 *   `AmbiguousRoleResolution` decides (the `authenticated` role, or Deny);
 * - without a mapping, the pool's `authenticated` role.
 *
 * A missing role is `InvalidIdentityPoolConfigurationException`.
 */
export function selectRole(
	model: IdentityPoolModel,
	logins: readonly VerifiedLogin[],
	customRoleArn: string | undefined,
	trail: CheckTrail
): string {
	const { roles, roleMappings } = model.pool;
	if (logins.length === 0) {
		if (!roles.unauthenticated) trail.fail('Guest role', '(none set)', invalidPoolConfiguration());
		trail.pass(
			'Guest role',
			roles.unauthenticated,
			'A guest identity gets the unauthenticated role.'
		);
		return roles.unauthenticated;
	}

	const authenticatedRole = (why: string) => {
		if (!roles.authenticated)
			trail.fail('Authenticated role', '(none set)', invalidPoolConfiguration());
		trail.pass('Authenticated role', roles.authenticated, why);
		return roles.authenticated;
	};

	const mapped = logins.find((l) => l.roleMappingKey && roleMappings[l.roleMappingKey]);
	if (!mapped) {
		trail.skip('Role mapping', 'none for these providers');
		if (customRoleArn !== undefined)
			trail.skip('CustomRoleArn', customRoleArn, 'Ignored: only a role mapping can honour it.');
		return authenticatedRole('No role mapping: the pool’s default authenticated role.');
	}
	const key = mapped.roleMappingKey!;
	const mapping = roleMappings[key]!;
	trail.pass('Role mapping', `${key}: ${mapping.type}`);

	const resolved =
		mapping.type === 'Token'
			? fromToken(mapped.claims, customRoleArn, key, trail)
			: fromRules(mapping, mapped.claims, customRoleArn, trail);
	if (resolved) return resolved;

	// Nothing resolved: AmbiguousRoleResolution decides
	if (mapping.ambiguousRoleResolution === 'Deny')
		trail.fail('AmbiguousRoleResolution', 'Deny', ambiguousRoleDenied(key));
	trail.pass('AmbiguousRoleResolution', 'AuthenticatedRole');
	return authenticatedRole('Ambiguous: the mapping falls back to the authenticated role.');
}

function fromToken(
	claims: Record<string, unknown>,
	customRoleArn: string | undefined,
	key: string,
	trail: CheckTrail
): string | undefined {
	const roles = claimValues(claims['cognito:roles'], true);
	if (customRoleArn !== undefined) {
		if (!roles.includes(customRoleArn))
			trail.fail(
				'CustomRoleArn in cognito:roles',
				`${customRoleArn}\ncognito:roles: ${roles.join(', ') || '(none)'}`,
				// ⚠ SIM wording: AWS documents the denial, not its message (§7.8).
				notAuthorized(`The role ${customRoleArn} is not in the token's cognito:roles for: ${key}.`)
			);
		trail.pass('CustomRoleArn in cognito:roles', customRoleArn);
		return customRoleArn;
	}
	const preferred = claims['cognito:preferred_role'];
	if (typeof preferred === 'string' && preferred !== '') {
		trail.pass('cognito:preferred_role', preferred);
		return preferred;
	}
	trail.skip(
		'cognito:preferred_role',
		'(absent)',
		roles.length > 0 ? `cognito:roles has ${roles.length} role(s) but no preference` : undefined
	);
	return undefined;
}

function fromRules(
	mapping: RoleMappingScenario,
	claims: Record<string, unknown>,
	customRoleArn: string | undefined,
	trail: CheckTrail
): string | undefined {
	for (const [i, rule] of (mapping.rules ?? []).entries()) {
		const label = `Rule ${i + 1}: ${rule.claim} ${rule.matchType} "${rule.value}"`;
		const values = claimValues(claims[rule.claim]);
		if (!ruleMatches(rule, values)) {
			trail.skip(label, values.join(', ') || '(claim absent)', 'no match');
			continue;
		}
		trail.pass(label, values.join(', '), `First match wins: ${rule.roleArn}`);
		if (customRoleArn !== undefined) {
			trail.pass('CustomRoleArn', customRoleArn, 'Overrides the matched rule (cognito.md §7.8).');
			return customRoleArn;
		}
		return rule.roleArn;
	}
	return undefined;
}

/**
 * One rule against a claim. A multi-valued claim (`cognito:groups`) matches when any value does,
 * and `NotEqual` when none equals (⚠ SIM: AWS does not spell out arrays). An absent claim never
 * matches, `NotEqual` included (documented, §7.8).
 */
function ruleMatches(rule: MappingRuleScenario, values: string[]): boolean {
	if (values.length === 0) return false;
	switch (rule.matchType) {
		case 'Equals':
			return values.includes(rule.value);
		case 'Contains':
			return values.some((v) => v.includes(rule.value));
		case 'StartsWith':
			return values.some((v) => v.startsWith(rule.value));
		case 'NotEqual':
			return !values.includes(rule.value);
	}
}

/**
 * A claim as a list of strings. `cognito:roles` may come as a comma-separated string (documented)
 * or an array (observed, cognito.md §12 #5), so `commaList` splits a string.
 */
function claimValues(value: unknown, commaList = false): string[] {
	if (Array.isArray(value)) return value.map(String);
	if (typeof value === 'string') return commaList ? value.split(',').filter(Boolean) : [value];
	if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
	return [];
}
