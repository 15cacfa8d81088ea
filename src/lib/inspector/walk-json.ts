/** A string found somewhere inside a JSON value, with the path that leads to it. */
export interface JsonString {
	/** Dotted path with indexes, e.g. `AuthenticationResult.IdToken` or `keys[0].kid`. */
	path: string;
	/** The last object key on the path (`IdToken`), or `''` for an array element at the top. */
	key: string;
	value: string;
}

/**
 * Every string value inside `value`, depth first, in document order. Objects nested deeper than
 * `maxDepth` are skipped rather than followed, so a hostile body cannot exhaust the stack.
 *
 * @example jsonStrings({ a: { b: 'x' } }) // -> [{ path: 'a.b', key: 'b', value: 'x' }]
 */
export function jsonStrings(value: unknown, maxDepth = 32): JsonString[] {
	const found: JsonString[] = [];
	visit(value, '', '', 0);
	return found;

	function visit(node: unknown, path: string, key: string, depth: number): void {
		if (typeof node === 'string') {
			found.push({ path, key, value: node });
		} else if (depth >= maxDepth || typeof node !== 'object' || node === null) {
			return;
		} else if (Array.isArray(node)) {
			node.forEach((item, i) => visit(item, `${path}[${i}]`, key, depth + 1));
		} else {
			for (const [k, v] of Object.entries(node)) {
				visit(v, path === '' ? k : `${path}.${k}`, k, depth + 1);
			}
		}
	}
}

/** `JSON.parse` that returns `undefined` instead of throwing. */
export function tryParseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
