/** A pattern token: a literal character, or IAM's `*` (any run) or `?` (any one character). */
export type PatternToken = string | typeof anyRun | typeof anyChar;

export const anyRun: unique symbol = Symbol('*');
export const anyChar: unique symbol = Symbol('?');

/** Tokens of a pattern written without variables: every `*` and `?` is a wildcard. */
export function wildcardTokens(pattern: string): PatternToken[] {
	return Array.from(pattern, (c) => (c === '*' ? anyRun : c === '?' ? anyChar : c));
}

/** The pattern read as plain text (for `StringEquals`, where `*` is just a character). */
export function literalText(tokens: readonly PatternToken[]): string {
	return tokens.map((t) => (t === anyRun ? '*' : t === anyChar ? '?' : t)).join('');
}

/**
 * Whether `value` matches `tokens` as IAM matches `Action`, `Resource` and `StringLike`: `*`
 * matches any run of characters (also none, also across `/` and `:`), `?` exactly one.
 * Greedy with one backtrack point, so it is linear-ish and never blows up on many stars.
 *
 * @example matchWildcard(wildcardTokens('s3:Get*'), 's3:getobject', true) // true
 */
export function matchWildcard(
	tokens: readonly PatternToken[],
	value: string,
	ignoreCase = false
): boolean {
	const chars = Array.from(ignoreCase ? value.toLowerCase() : value);
	const pattern = ignoreCase
		? tokens.map((t) => (typeof t === 'string' ? t.toLowerCase() : t))
		: tokens;
	let p = 0;
	let v = 0;
	let starP = -1;
	let starV = 0;
	while (v < chars.length) {
		const t = pattern[p];
		if (p < pattern.length && (t === anyChar || t === chars[v])) {
			p++;
			v++;
		} else if (p < pattern.length && t === anyRun) {
			starP = p++;
			starV = v;
		} else if (starP >= 0) {
			p = starP + 1;
			v = ++starV;
		} else {
			return false;
		}
	}
	while (p < pattern.length && pattern[p] === anyRun) p++;
	return p === pattern.length;
}
