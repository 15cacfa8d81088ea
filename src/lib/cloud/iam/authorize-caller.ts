import type { AccessKeyOwner } from '../account/account';
import { evaluatePolicies } from './evaluate-policies';
import type { AuthorizationRequest, NamedPolicy, PolicyDecision } from './policy-decision';

/**
 * Whether the signer of a request may do it: an assumed role's inline policies, narrowed by the
 * session policy its credentials carry (the enhanced flow's guest scope-down, cognito.md §7.9),
 * with the condition keys fixed when the role was assumed; or an IAM user's own policies.
 *
 * @example authorizeCaller(account.accessKeyOwner(keyId)!, { action: 's3:GetObject', resource, context: {} })
 */
export function authorizeCaller(
	owner: AccessKeyOwner,
	request: AuthorizationRequest
): PolicyDecision {
	if (owner.kind === 'user') {
		return evaluatePolicies({
			policies: named(owner.user.policies),
			request: {
				...request,
				// The caller cannot override who it is: the principal's keys come last.
				context: {
					...request.context,
					'aws:username': owner.user.name,
					'aws:PrincipalArn': owner.user.arn
				}
			}
		});
	}
	const { credentials, role } = owner;
	return evaluatePolicies({
		policies: named(role.policies),
		...(credentials.sessionPolicy
			? { sessionPolicies: [{ name: 'Session policy', document: credentials.sessionPolicy }] }
			: {}),
		request: {
			...request,
			context: {
				...request.context,
				...credentials.context,
				'aws:userid': credentials.assumedRoleId,
				'aws:PrincipalArn': role.arn
			}
		}
	});
}

function named(policies: Record<string, NamedPolicy['document']>): NamedPolicy[] {
	return Object.entries(policies).map(([name, document]) => ({ name, document }));
}
