import { ScenarioError } from './scenario-error';
import { list, object, oneOf, pattern, text, type Fields } from './scenario-fields';

/**
 * Checks the Parameter Store part of a scenario: unique names made as `PutParameter` allows them
 * (letters, digits, `.`, `-`, `_`, at most 15 levels separated by `/`), and a plain-text type
 * with a non-empty value.
 */
export function checkSsm(ssm: Fields): void {
	const names = new Set<string>();
	list(ssm.parameters, 'ssm.parameters').forEach((raw, i) => {
		const at = `ssm.parameters[${i}]`;
		const p = object(raw, at);
		const name = pattern(
			p,
			'name',
			/^\/?[a-zA-Z0-9_.-]+(?:\/[a-zA-Z0-9_.-]+){0,14}$/,
			'a parameter name such as /app/setting (letters, digits, . - _ and / between levels)',
			at
		);
		if (names.has(name)) throw new ScenarioError(`${at}.name`, `repeats the parameter "${name}"`);
		names.add(name);
		oneOf(p, 'type', ['String', 'StringList'], at);
		text(p, 'value', at);
	});
}
