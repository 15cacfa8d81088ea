import { literalText, matchWildcard, type PatternToken } from './match-wildcard';
import { lookupKey, substituteVariables } from './substitute-variables';

export interface ConditionResult {
	matched: boolean;
	why: string;
}

type Compare = (requestValue: string, policyValue: PatternToken[]) => boolean;

/** The operators the simulator knows, each as "does one request value match one policy value". */
const operators: Record<string, { compare: Compare; negated: boolean }> = {
	StringEquals: { compare: (v, p) => v === literalText(p), negated: false },
	StringNotEquals: { compare: (v, p) => v === literalText(p), negated: true },
	StringEqualsIgnoreCase: {
		compare: (v, p) => sameIgnoringCase(v, literalText(p)),
		negated: false
	},
	StringNotEqualsIgnoreCase: {
		compare: (v, p) => sameIgnoringCase(v, literalText(p)),
		negated: true
	},
	StringLike: { compare: (v, p) => matchWildcard(p, v), negated: false },
	StringNotLike: { compare: (v, p) => matchWildcard(p, v), negated: true },
	// SIM: AWS compares ARNs segment by segment; a whole-string wildcard match agrees for every
	// ARN whose pattern does not let a `*` run across a `:`.
	ArnEquals: { compare: (v, p) => matchWildcard(p, v), negated: false },
	ArnLike: { compare: (v, p) => matchWildcard(p, v), negated: false },
	ArnNotEquals: { compare: (v, p) => matchWildcard(p, v), negated: true },
	ArnNotLike: { compare: (v, p) => matchWildcard(p, v), negated: true },
	Bool: { compare: (v, p) => sameIgnoringCase(v, literalText(p)), negated: false }
};

const sameIgnoringCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Evaluates a statement's `Condition` block: every operator, and every key under it, must hold
 * (AND); the values listed for one key are alternatives (OR)
 * [https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html].
 * Answers why in one sentence; anything IAM would refuse to save simply does not match.
 */
export function evaluateCondition(
	condition: unknown,
	context: Record<string, string | string[]>,
	variablesEnabled: boolean
): ConditionResult {
	if (condition === undefined) return { matched: true, why: 'no Condition' };
	if (!isRecord(condition)) return { matched: false, why: 'Condition is not an object' };
	const held: string[] = [];
	for (const [operator, block] of Object.entries(condition)) {
		if (!isRecord(block)) return { matched: false, why: `${operator} is not an object of keys` };
		for (const [key, values] of Object.entries(block)) {
			const result = evaluateOperator(operator, key, values, context, variablesEnabled);
			if (!result.matched) return result;
			held.push(result.why);
		}
	}
	return { matched: true, why: held.join('; ') || 'empty Condition' };
}

function evaluateOperator(
	fullOperator: string,
	key: string,
	rawValues: unknown,
	context: Record<string, string | string[]>,
	variablesEnabled: boolean
): ConditionResult {
	const label = `${fullOperator} ${key}`;
	const values = conditionValues(rawValues);
	if (!values) return { matched: false, why: `${label}: values are not strings` };
	const present = lookupKey(context, key);
	const requestValues =
		present === undefined ? [] : typeof present === 'string' ? [present] : present;

	// Null tests only whether the key is in the request.
	if (fullOperator === 'Null') {
		const absent = present === undefined;
		const ok = values.some((v) => sameIgnoringCase(v, String(absent)));
		return {
			matched: ok,
			why: `${label}: key is ${absent ? 'absent' : 'present'}, policy wants ${values.join(' or ')}`
		};
	}

	const set = /^(ForAnyValue|ForAllValues):/.exec(fullOperator)?.[1];
	let operator = set ? fullOperator.slice(set.length + 1) : fullOperator;
	const ifExists = operator.endsWith('IfExists');
	if (ifExists) operator = operator.slice(0, -'IfExists'.length);
	const known = Object.hasOwn(operators, operator) ? operators[operator] : undefined;
	if (!known) return { matched: false, why: `${label}: operator not supported` };

	const patterns: PatternToken[][] = [];
	for (const value of values) {
		const substituted = substituteVariables(value, context, variablesEnabled);
		if (!substituted.ok)
			return { matched: false, why: `${label}: variable \${${substituted.missing}} has no value` };
		patterns.push(substituted.tokens);
	}
	const matchesAny = (v: string) => patterns.some((p) => known.compare(v, p));
	// A negated operator holds for a request value that matches none of the policy's values.
	const holds = (v: string) => (known.negated ? !matchesAny(v) : matchesAny(v));
	const shown = `[${requestValues.join(', ')}]`;

	if (requestValues.length === 0) {
		// Absent key: IfExists and ForAllValues hold, ForAnyValue fails, and otherwise a negated
		// operator holds while a positive one fails (reference_policies_elements_condition.html).
		const ok = ifExists || set === 'ForAllValues' || (set !== 'ForAnyValue' && known.negated);
		return { matched: ok, why: `${label}: key absent from the request, so ${ok}` };
	}
	if (set === 'ForAllValues') {
		const ok = requestValues.every(holds);
		return { matched: ok, why: `${label}: ${ok ? 'every' : 'not every'} value of ${shown} holds` };
	}
	// ForAnyValue, and (SIM) a multi-valued key without a set operator, hold if any value does.
	const ok = requestValues.some(holds);
	return { matched: ok, why: `${label}: ${ok ? 'a value of' : 'no value of'} ${shown} holds` };
}

function conditionValues(raw: unknown): string[] | undefined {
	const list = Array.isArray(raw) ? raw : [raw];
	const out: string[] = [];
	for (const v of list) {
		if (typeof v === 'string') out.push(v);
		else if (typeof v === 'boolean' || typeof v === 'number') out.push(String(v));
		else return undefined;
	}
	return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
