// IAM policy evaluation: identity, session and trust policies, and how each decision is explained.
export { authorizeCaller } from './authorize-caller';
export { evaluatePolicies, type EvaluatePoliciesInput } from './evaluate-policies';
export type { RequestPrincipal } from './evaluate-statement';
export { evaluateTrustPolicy, type TrustRequest } from './evaluate-trust-policy';
export { explainDecision } from './explain-decision';
export type {
	AuthorizationRequest,
	EvaluatedStatement,
	NamedPolicy,
	PolicyDecision
} from './policy-decision';
