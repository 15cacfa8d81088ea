import type { Explanation } from '../exchange';
import type { EvaluatedStatement, PolicyDecision } from './policy-decision';

/**
 * Turns a decision into the inspector's explanation: one check per statement (its policy and Sid,
 * the statement as written, whether it applied and why) with the deciding statement named.
 *
 * @example call.explain(explainDecision('Trust policy of CognitoAuthRole', decision, 'trust-policy'))
 */
export function explainDecision(
	title: string,
	decision: PolicyDecision,
	kind = 'permissions'
): Explanation {
	const decisive = decidingStatements(decision);
	const checks = decision.statements.map((s) => ({
		label: `${s.policy} · ${s.sid ?? `statement ${s.index + 1}`}`,
		value: JSON.stringify(s.statement, null, 2) ?? String(s.statement),
		verdict: s.matched ? (s.effect === 'Allow' ? 'pass' : 'fail') : ('skip' as const),
		note: decisive.includes(s)
			? `${s.why}. This statement decided: ${decisionText(decision)}.`
			: s.why
	})) satisfies Explanation['checks'];
	const summary = {
		label: 'Decision',
		value: decision.effect,
		verdict: decision.effect === 'Allow' ? 'pass' : 'fail',
		note: decisive.length > 0 ? undefined : summaryNote(decision)
	} satisfies Explanation['checks'][number];
	return {
		kind,
		title,
		verdict: decision.effect === 'Allow' ? 'pass' : 'fail',
		checks: [...checks, summary]
	};
}

function decidingStatements(decision: PolicyDecision): EvaluatedStatement[] {
	const matched = decision.statements.filter((s) => s.matched);
	if (decision.effect === 'ExplicitDeny')
		return matched.filter((s) => s.effect === 'Deny').slice(0, 1);
	if (decision.effect === 'ImplicitDeny') return [];
	const first = (source: EvaluatedStatement['source']) =>
		matched.find((s) => s.source === source && s.effect === 'Allow');
	return [first('identity'), first('session')].filter((s) => s !== undefined);
}

function decisionText(decision: PolicyDecision): string {
	return decision.effect === 'ExplicitDeny' ? 'an explicit Deny beats every Allow' : 'allowed';
}

function summaryNote(decision: PolicyDecision): string {
	const identityAllows = decision.statements.some(
		(s) => s.matched && s.source === 'identity' && s.effect === 'Allow'
	);
	return identityAllows
		? 'The role allows it, but no session policy does, so it is implicitly denied.'
		: 'No statement allows it, so it is implicitly denied.';
}
