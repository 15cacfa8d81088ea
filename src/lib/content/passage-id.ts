import { ContentError, displayPath } from './content-error';
import { requireFrontmatter, requireId } from './frontmatter';
import { parseNumberedName } from './numbered-name';

/**
 * The step a passage belongs to, from `steps/NN-<step>.md` and its `step:` frontmatter. Both must
 * agree, so a copied file that still names the old step fails instead of showing twice.
 *
 * @example stepPassageId('/content/flows/01-a/steps/02-get-user.md', { step: 'get-user' })
 * // -> { order: 2, step: 'get-user' }
 */
export function stepPassageId(globKey: string, metadata: unknown): { order: number; step: string } {
	const file = displayPath(globKey);
	const { order, id } = parseNumberedName(globKey.split('/').at(-1) ?? '', file);
	const step = requireId(requireFrontmatter(metadata, file), 'step', file);
	if (step !== id) {
		throw new ContentError(file, 'step', `is "${step}" but the file name says "${id}"`);
	}
	return { order, step };
}

/**
 * The mistake a passage explains, from `mistakes/<mistake>.md` and its `mistake:` frontmatter,
 * which must agree.
 *
 * @example
 * mistakePassageId('/content/flows/01-a/mistakes/wrong-password.md', { mistake: 'wrong-password' })
 * // -> 'wrong-password'
 */
export function mistakePassageId(globKey: string, metadata: unknown): string {
	const file = displayPath(globKey);
	const name = (globKey.split('/').at(-1) ?? '').replace(/\.md$/, '');
	const mistake = requireId(requireFrontmatter(metadata, file), 'mistake', file);
	if (mistake !== name) {
		throw new ContentError(file, 'mistake', `is "${mistake}" but the file name says "${name}"`);
	}
	return mistake;
}

/**
 * Refuses two passages for one id (say `03-x.md` and `07-x.md`), which would show two passages for
 * the same step. `entries` are `[globKey, id]` pairs.
 */
export function assertUniquePassages(entries: [string, string][], field: string): void {
	const seen = new Map<string, string>();
	for (const [key, id] of entries) {
		const other = seen.get(id);
		if (other) {
			throw new ContentError(displayPath(key), field, `repeats "${id}", already used by ${other}`);
		}
		seen.set(id, displayPath(key));
	}
}
