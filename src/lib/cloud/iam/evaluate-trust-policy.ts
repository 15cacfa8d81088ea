import type { IamRoleScenario } from '../scenario/types';
import { decide, evaluateAll } from './evaluate-policies';
import type { RequestPrincipal } from './evaluate-statement';
import type { PolicyDecision } from './policy-decision';

export interface TrustRequest {
	/** `sts:AssumeRoleWithWebIdentity`, `sts:AssumeRole`, … */
	action: string;
	/** `{ Federated: 'cognito-identity.amazonaws.com' }` for an identity pool's token. */
	principal: RequestPrincipal;
	/** Condition keys from the token, e.g. `cognito-identity.amazonaws.com:aud`, `:amr`. */
	context: Record<string, string | string[]>;
}

/**
 * Evaluates a role's trust policy (`AssumeRolePolicyDocument`) for someone asking to assume it:
 * a statement applies only if its `Principal` names the asker, its `Action` the operation and its
 * `Condition` holds; the role's ARN is the resource
 * [https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html].
 *
 * @example evaluateTrustPolicy(role, { action: 'sts:AssumeRoleWithWebIdentity',
 *   principal: { Federated: 'cognito-identity.amazonaws.com' }, context: { … } })
 */
export function evaluateTrustPolicy(role: IamRoleScenario, request: TrustRequest): PolicyDecision {
	const statements = evaluateAll(
		[{ name: `${role.name} trust policy`, document: role.assumeRolePolicyDocument }],
		'identity',
		{ action: request.action, resource: role.arn, context: request.context },
		request.principal
	);
	return decide(statements, false);
}
