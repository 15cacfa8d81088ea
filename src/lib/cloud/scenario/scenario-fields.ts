import { ScenarioError } from './scenario-error';

// Readers for one field of untrusted scenario JSON: each returns the value typed or throws a
// `ScenarioError` naming the field.

export type Fields = Record<string, unknown>;

export const join = (parent: string | undefined, key: string) =>
	parent ? `${parent}.${key}` : key;

export function object(value: unknown, path: string): Fields {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new ScenarioError(path, 'must be an object');
	return value as Fields;
}

export function list(value: unknown, path: string): unknown[] {
	if (!Array.isArray(value)) throw new ScenarioError(path, 'must be an array');
	return value;
}

export function text(o: Fields, key: string, parent?: string): string {
	const v = o[key];
	if (typeof v !== 'string' || v.length === 0)
		throw new ScenarioError(join(parent, key), 'must be a non-empty string');
	return v;
}

export function pattern(
	o: Fields,
	key: string,
	re: RegExp,
	expected: string,
	parent?: string
): string {
	const v = text(o, key, parent);
	if (!re.test(v)) throw new ScenarioError(join(parent, key), `must be ${expected}, got "${v}"`);
	return v;
}

export function oneOf(o: Fields, key: string, values: string[], parent?: string): string {
	const v = o[key];
	if (typeof v !== 'string' || !values.includes(v))
		throw new ScenarioError(join(parent, key), `must be one of ${values.join(', ')}`);
	return v;
}

export function boolean(o: Fields, key: string, parent?: string): boolean {
	const v = o[key];
	if (typeof v !== 'boolean') throw new ScenarioError(join(parent, key), 'must be true or false');
	return v;
}

export function integer(o: Fields, key: string, min: number, max: number, parent?: string): number {
	const v = o[key];
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
		throw new ScenarioError(join(parent, key), `must be a whole number from ${min} to ${max}`);
	return v;
}

export function urlText(value: unknown, path: string): void {
	if (typeof value !== 'string' || !URL.canParse(value))
		throw new ScenarioError(path, 'must be an absolute URL');
}
