import { isRecord } from './evaluate-condition';
import { evaluateStatement, type RequestPrincipal } from './evaluate-statement';
import type {
	AuthorizationRequest,
	EvaluatedStatement,
	NamedPolicy,
	PolicyDecision
} from './policy-decision';

export interface EvaluatePoliciesInput {
	policies: NamedPolicy[];
	/** Session policies narrow the identity policies: both must allow. */
	sessionPolicies?: NamedPolicy[];
	request: AuthorizationRequest;
}

/**
 * IAM's evaluation logic for one account: an explicit `Deny` in any policy wins; otherwise the
 * request is allowed when an identity policy allows it and, if the session has session policies,
 * one of them allows it too; otherwise it is implicitly denied
 * [https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html].
 *
 * @example evaluatePolicies({ policies: [{ name: 'notes', document }],
 *   request: { action: 's3:GetObject', resource: 'arn:aws:s3:::notes/a.txt', context: {} } })
 */
export function evaluatePolicies(input: EvaluatePoliciesInput): PolicyDecision {
	const identity = evaluateAll(input.policies, 'identity', input.request);
	const session = input.sessionPolicies
		? evaluateAll(input.sessionPolicies, 'session', input.request)
		: undefined;
	return decide([...identity, ...(session ?? [])], session !== undefined);
}

export function evaluateAll(
	policies: NamedPolicy[],
	source: EvaluatedStatement['source'],
	request: AuthorizationRequest,
	principal?: RequestPrincipal
): EvaluatedStatement[] {
	return policies.flatMap(({ name, document }) => {
		const variables = isRecord(document) && document.Version === '2012-10-17';
		const written = isRecord(document) ? document.Statement : undefined;
		// IAM accepts a single statement object as well as a list.
		const statements: unknown[] = Array.isArray(written) ? written : [written];
		return statements.map((statement, index) => {
			const { matched, why } = evaluateStatement(statement, variables, request, principal);
			const record = isRecord(statement) ? statement : {};
			return {
				policy: name,
				index,
				...(typeof record.Sid === 'string' ? { sid: record.Sid } : {}),
				effect: record.Effect === 'Deny' ? 'Deny' : 'Allow',
				// An Effect other than Allow or Deny is a policy IAM would not save: it never applies.
				matched: matched && (record.Effect === 'Allow' || record.Effect === 'Deny'),
				why:
					record.Effect === 'Allow' || record.Effect === 'Deny'
						? why
						: 'Effect is not Allow or Deny',
				source,
				statement
			};
		});
	});
}

export function decide(statements: EvaluatedStatement[], hasSession: boolean): PolicyDecision {
	const applies = (source: EvaluatedStatement['source'], effect: 'Allow' | 'Deny') =>
		statements.some((s) => s.matched && s.source === source && s.effect === effect);
	if (applies('identity', 'Deny') || applies('session', 'Deny'))
		return { effect: 'ExplicitDeny', statements };
	const allowed = applies('identity', 'Allow') && (!hasSession || applies('session', 'Allow'));
	return { effect: allowed ? 'Allow' : 'ImplicitDeny', statements };
}
