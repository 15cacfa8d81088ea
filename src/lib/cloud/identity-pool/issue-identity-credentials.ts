import type { TemporaryCredentials } from '../account';
import type { Explanation } from '../exchange';
import { evaluateTrustPolicy, explainDecision } from '../iam';
import { invalidPoolConfiguration } from './errors';
import { guestScopeDownPolicy } from './guest-scope-down';
import type { IdentityPoolModel } from './model';

/** The role session name Cognito uses in the enhanced flow (observed, cognito.md §7.4). */
export const roleSessionName = 'CognitoIdentityCredentials';
/** Enhanced-flow credentials last one hour (cognito.md §7.4). */
const lifetimeMs = 3600_000;

/**
 * The enhanced flow's hidden half: what STS would do with the pool's own token for the chosen
 * role (cognito.md §7.5, §8.4). The role's trust policy is evaluated for
 * `sts:AssumeRoleWithWebIdentity` by the federated principal `cognito-identity.amazonaws.com`,
 * with the token's `aud`, `amr` and `sub` as condition keys; a role that does not trust it
 * (a missing role, `sts:AssumeRole`, another pool's `aud`, the wrong `amr`) is
 * `InvalidIdentityPoolConfigurationException`. Otherwise the account issues one-hour
 * credentials as `CognitoIdentityCredentials`, a guest's narrowed by the scope-down policy (§7.9).
 */
export function issueIdentityCredentials(
	model: IdentityPoolModel,
	p: { identityId: string; roleArn: string; amr: string[] },
	explain: (explanation: Explanation) => void
): TemporaryCredentials {
	const context = {
		'cognito-identity.amazonaws.com:aud': model.pool.id,
		'cognito-identity.amazonaws.com:amr': p.amr,
		'cognito-identity.amazonaws.com:sub': p.identityId
	};
	const role = model.account.role(p.roleArn);
	if (!role) {
		explain({
			kind: 'trust-policy',
			title: 'Role to assume',
			verdict: 'fail',
			checks: [
				{
					label: 'Role exists',
					value: p.roleArn,
					verdict: 'fail',
					note: 'No such role in the account.'
				}
			]
		});
		throw invalidPoolConfiguration();
	}

	// Would STS let the pool's token assume this role?
	const decision = evaluateTrustPolicy(role, {
		action: 'sts:AssumeRoleWithWebIdentity',
		principal: { Federated: 'cognito-identity.amazonaws.com' },
		context
	});
	explain(explainDecision(`Trust policy of ${role.name}`, decision, 'trust-policy'));
	if (decision.effect !== 'Allow') throw invalidPoolConfiguration();

	const guest = p.amr.includes('unauthenticated');
	return model.account.issueCredentials({
		roleArn: role.arn,
		roleSessionName,
		expiration: model.clock.now() + lifetimeMs,
		context,
		...(guest && { sessionPolicy: guestScopeDownPolicy })
	});
}
