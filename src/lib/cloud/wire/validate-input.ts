import { AwsServiceError } from './aws-service-error';

/** How one input member must look. `name` is the member's wire name (PascalCase). */
export interface MemberRule {
	type: 'string' | 'boolean' | 'string-map' | 'attribute-list' | 'object';
	required?: boolean;
	/** Allowed values of an enum member, in the model's order. */
	enum?: readonly string[];
	/** A Smithy `@pattern`, printed in the message as the model spells it. */
	pattern?: { source: string; regex: RegExp };
	/** `@sensitive` members (passwords, tokens) are never echoed back. */
	sensitive?: boolean;
	/** The name in messages when it is not the member name with a lowercase first letter. */
	label?: string;
}

export type InputRules = Readonly<Record<string, MemberRule>>;

/**
 * Checks an operation's input the way the service's front end does before any business rule,
 * and throws `InvalidParameterException` listing every violation in AWS's format:
 *
 *     1 validation error detected: Value null at 'clientId' failed to satisfy constraint:
 *     Member must not be null
 *
 * (one line on the wire)
 *
 * Sources: the user pool answers validation failures as `InvalidParameterException` with
 * exactly this "N validation error(s) detected: Value … at '<lowerCamelName>' failed to satisfy
 * constraint: …" text (observed: "1 validation error detected: Value null at 'sub' failed to
 * satisfy constraint: Member must not be null",
 * https://github.com/amazon-archives/amazon-cognito-auth-js/issues/65);
 * the enum and pattern wordings are the standard Coral ones. SIM choices, unsourced: the
 * wording for a member of the wrong JSON type ("Member must be of type …"; real Coral may answer
 * a SerializationException instead), and leaving the value out for sensitive members.
 *
 * @example validateInput(input, { ClientId: { type: 'string', required: true } });
 */
export function validateInput(input: Record<string, unknown>, rules: InputRules): void {
	const problems: string[] = [];
	for (const [member, rule] of Object.entries(rules)) {
		const label = rule.label ?? member.charAt(0).toLowerCase() + member.slice(1);
		const value = input[member];
		const at = (shown: string) => `Value ${shown}at '${label}' failed to satisfy constraint: `;
		const shown = rule.sensitive ? '' : `'${display(value)}' `;
		if (value === undefined || value === null) {
			if (rule.required) problems.push(`${at('null ')}Member must not be null`);
			continue;
		}
		const typeProblem = checkType(value, rule.type);
		if (typeProblem) {
			problems.push(`${at(rule.sensitive ? '' : `'${display(value)}' `)}${typeProblem}`);
			continue;
		}
		if (rule.enum && !rule.enum.includes(value as string))
			problems.push(`${at(shown)}Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
		else if (rule.pattern && !rule.pattern.regex.test(value as string))
			problems.push(
				`${at(shown)}Member must satisfy regular expression pattern: ${rule.pattern.source}`
			);
	}
	if (problems.length === 0) return;
	const count = `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected`;
	throw new AwsServiceError('InvalidParameterException', `${count}: ${problems.join('; ')}`);
}

function checkType(value: unknown, type: MemberRule['type']): string | undefined {
	switch (type) {
		case 'string':
			return typeof value === 'string' ? undefined : 'Member must be of type String';
		case 'boolean':
			return typeof value === 'boolean' ? undefined : 'Member must be of type Boolean';
		case 'object':
			return isObject(value) ? undefined : 'Member must be of type Structure';
		case 'string-map':
			return isObject(value) && Object.values(value).every((v) => typeof v === 'string')
				? undefined
				: 'Member must be of type Map<String,String>';
		case 'attribute-list':
			return Array.isArray(value) &&
				value.every(
					(a) =>
						isObject(a) &&
						typeof a.Name === 'string' &&
						(a.Value === undefined || typeof a.Value === 'string')
				)
				? undefined
				: 'Member must be of type List<AttributeType>';
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as the error message quotes it; never throws, however deep the learner's JSON nests. */
function display(value: unknown): string {
	if (typeof value !== 'object' || value === null) return String(value);
	try {
		return JSON.stringify(value);
	} catch {
		// Deeply nested input overflows the stack; AWS would not echo such a value in full either.
		return Array.isArray(value) ? '[...]' : '{...}';
	}
}
