import { ContentError } from './content-error';

/** Frontmatter as mdsvex exports it (`metadata`): whatever YAML the author wrote, unchecked. */
export type RawFrontmatter = Record<string, unknown> | undefined;

/**
 * The frontmatter must exist and be a YAML mapping.
 *
 * @example requireFrontmatter(mod.metadata, 'content/home/x.md') // -> { title: '...' }
 */
export function requireFrontmatter(metadata: unknown, file: string): Record<string, unknown> {
	if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
		throw new ContentError(file, '(frontmatter)', 'must be a YAML mapping at the top of the file');
	}
	return metadata as Record<string, unknown>;
}

/**
 * A required, non-empty (after trimming) string field.
 *
 * @example requireString({ step: 'get-user' }, 'step', file) // -> 'get-user'
 */
export function requireString(meta: Record<string, unknown>, field: string, file: string): string {
	const value = meta[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ContentError(file, field, 'must be a non-empty string');
	}
	return value;
}

/**
 * A required field whose value is one of a fixed list.
 *
 * @example requireOneOf(meta, 'status', ['available', 'coming'], file) // -> 'coming'
 */
export function requireOneOf<T extends string>(
	meta: Record<string, unknown>,
	field: string,
	allowed: readonly T[],
	file: string
): T {
	const value = meta[field];
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		const expected = allowed.map((a) => `"${a}"`).join(', ');
		const actual = JSON.stringify(value ?? null);
		throw new ContentError(file, field, `must be one of ${expected}, got ${actual}`);
	}
	return value as T;
}

/**
 * An optional positive whole number (minutes, counts). Absent stays `undefined`; `minutes: ten` or
 * `minutes: 0` fail.
 */
export function optionalPositiveInteger(
	meta: Record<string, unknown>,
	field: string,
	file: string
): number | undefined {
	const value = meta[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
		throw new ContentError(
			file,
			field,
			`must be a positive whole number, got ${JSON.stringify(value)}`
		);
	}
	return value;
}

/** A field that must be a kebab-case id (`wrong-mfa-code`), because URLs and code refer to it. */
export function requireId(meta: Record<string, unknown>, field: string, file: string): string {
	const value = requireString(meta, field, file);
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) {
		throw new ContentError(file, field, `must be a kebab-case id, got "${value}"`);
	}
	return value;
}
