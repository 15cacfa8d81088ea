import { evaluateCondition, isRecord, type ConditionResult } from './evaluate-condition';
import { matchWildcard, wildcardTokens } from './match-wildcard';
import type { AuthorizationRequest } from './policy-decision';
import { substituteVariables } from './substitute-variables';

/** Who asks, for a trust policy's `Principal`: a web identity provider or an AWS principal. */
export interface RequestPrincipal {
	Federated?: string;
	AWS?: string;
}

/**
 * Whether one statement applies to a request, as labelled steps: principal (trust policies
 * only), action, resource, condition. Never throws, whatever the statement holds.
 */
export function evaluateStatement(
	statement: unknown,
	variablesEnabled: boolean,
	request: AuthorizationRequest,
	principal?: RequestPrincipal
): ConditionResult {
	if (!isRecord(statement)) return { matched: false, why: 'statement is not an object' };

	// Check principal (a trust policy names who may assume the role).
	if (principal) {
		const who = matchPrincipal(statement.Principal, principal);
		if (!who.matched) return who;
	}

	// Check action: case-insensitive, `*` and `?` wildcards.
	const action = matchList(statement, 'Action', 'NotAction', (pattern) =>
		matchWildcard(wildcardTokens(pattern), request.action, true)
	);
	if (!action.matched) return action;

	// Check resource: case-sensitive, after policy variables are substituted. A trust policy has
	// no Resource (the role itself is the resource), so its absence matches.
	let missingVariable: string | undefined;
	const resource =
		statement.Resource === undefined && statement.NotResource === undefined
			? { matched: true, why: 'no Resource' }
			: matchList(statement, 'Resource', 'NotResource', (pattern) => {
					const substituted = substituteVariables(pattern, request.context, variablesEnabled);
					if (!substituted.ok) {
						missingVariable = substituted.missing;
						return false;
					}
					return matchWildcard(substituted.tokens, request.resource);
				});
	if (missingVariable !== undefined)
		return { matched: false, why: `Resource variable \${${missingVariable}} has no value` };
	if (!resource.matched) return resource;

	// Check condition.
	const condition = evaluateCondition(statement.Condition, request.context, variablesEnabled);
	if (!condition.matched) return condition;
	return { matched: true, why: [action.why, resource.why, condition.why].join('; ') };
}

function matchList(
	statement: Record<string, unknown>,
	name: 'Action' | 'Resource',
	notName: 'NotAction' | 'NotResource',
	matches: (pattern: string) => boolean
): ConditionResult {
	const value = name === 'Action' ? 'action' : 'resource';
	const positive = statement[name];
	const negative = statement[notName];
	if ((positive === undefined) === (negative === undefined))
		return { matched: false, why: `needs exactly one of ${name} and ${notName}` };
	const patterns = stringList(positive ?? negative);
	if (!patterns) return { matched: false, why: `${positive ? name : notName} is not strings` };
	const hit = patterns.find(matches);
	if (positive !== undefined)
		return hit !== undefined
			? { matched: true, why: `${name} ${hit} matches the ${value}` }
			: { matched: false, why: `no ${name} matches the ${value}` };
	return hit !== undefined
		? { matched: false, why: `${notName} ${hit} excludes the ${value}` }
		: { matched: true, why: `the ${value} is outside ${notName}` };
}

function matchPrincipal(written: unknown, principal: RequestPrincipal): ConditionResult {
	if (written === '*') return { matched: true, why: 'Principal is *' };
	if (!isRecord(written)) return { matched: false, why: 'no Principal' };
	for (const type of ['Federated', 'AWS'] as const) {
		const asked = principal[type];
		if (asked === undefined || written[type] === undefined) continue;
		const names = stringList(written[type]) ?? [];
		if (names.includes(asked) || (type === 'AWS' && names.includes('*')))
			return { matched: true, why: `Principal ${type} ${asked}` };
	}
	const asked = Object.entries(principal)
		.map(([type, name]) => `${type} ${name}`)
		.join(', ');
	return { matched: false, why: `Principal does not name ${asked}` };
}

export function stringList(value: unknown): string[] | undefined {
	const list = Array.isArray(value) ? value : [value];
	return list.every((v) => typeof v === 'string') ? (list as string[]) : undefined;
}
