import { anyChar, anyRun, type PatternToken } from './match-wildcard';

export type Substituted = { ok: true; tokens: PatternToken[] } | { ok: false; missing: string };

const variable = /\$\{([^}]*)\}/g;

/**
 * Resolves policy variables in a `Resource` or condition value: `${cognito-identity.amazonaws.com:sub}`
 * becomes the request's value, `${*}`, `${?}` and `${$}` the literal characters, and
 * `${key, 'default'}` the default when the key is absent. Only a `2012-10-17` policy has
 * variables; in a `2008-10-17` policy `${…}` is plain text
 * [https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html].
 * A substituted value is literal text: a `*` inside an identity id never becomes a wildcard.
 *
 * @example substituteVariables('arn:aws:s3:::notes/${cognito-identity.amazonaws.com:sub}/*', ctx, true)
 */
export function substituteVariables(
	value: string,
	context: Record<string, string | string[]>,
	variablesEnabled: boolean
): Substituted {
	const tokens: PatternToken[] = [];
	const pushPattern = (text: string) => {
		for (const c of text) tokens.push(c === '*' ? anyRun : c === '?' ? anyChar : c);
	};
	if (!variablesEnabled) {
		pushPattern(value);
		return { ok: true, tokens };
	}
	let last = 0;
	for (const m of value.matchAll(variable)) {
		pushPattern(value.slice(last, m.index ?? 0));
		last = (m.index ?? 0) + m[0].length;
		const inner = (m[1] ?? '').trim();
		if (inner === '*' || inner === '?' || inner === '$') {
			tokens.push(inner);
			continue;
		}
		const resolved = resolveVariable(inner, context);
		if (resolved === undefined) return { ok: false, missing: inner };
		tokens.push(...resolved);
	}
	pushPattern(value.slice(last));
	return { ok: true, tokens };
}

/** A key's single value, or its `'default'`; a multi-valued key cannot stand in a string. */
function resolveVariable(
	inner: string,
	context: Record<string, string | string[]>
): string | undefined {
	const withDefault = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(inner);
	const key = withDefault?.[1] ?? inner;
	const value = lookupKey(context, key);
	if (typeof value === 'string') return value;
	return withDefault?.[2];
}

/** Condition key names are case-insensitive [IAM condition element reference]. */
export function lookupKey(
	context: Record<string, string | string[]>,
	key: string
): string | string[] | undefined {
	if (Object.hasOwn(context, key)) return context[key];
	const lower = key.toLowerCase();
	for (const name of Object.keys(context)) if (name.toLowerCase() === lower) return context[name];
	return undefined;
}
