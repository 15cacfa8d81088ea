/**
 * An OAuth parameter's value, or `null` when it is missing, empty or repeated: a parameter that
 * appears twice is as bad as a missing one (RFC 6749 §3.1, §3.2).
 */
export function singleParam(params: URLSearchParams, name: string): string | null {
	const values = params.getAll(name);
	return values.length === 1 && values[0] !== '' ? values[0]! : null;
}
