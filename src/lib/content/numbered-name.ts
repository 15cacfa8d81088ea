import { ContentError } from './content-error';

/** A file or folder name split into its ordering number and the id used in URLs. */
export interface NumberedName {
	order: number;
	id: string;
}

/**
 * Content is ordered by a number in front of each name, which is stripped from ids and URLs (as
 * svelte.dev does): `01-user-pool-sign-in` -> `{ order: 1, id: 'user-pool-sign-in' }`.
 *
 * @example
 * parseNumberedName('03-software-token-mfa.md', file); // -> { order: 3, id: 'software-token-mfa' }
 */
export function parseNumberedName(name: string, file: string): NumberedName {
	const match = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.md)?$/.exec(name);
	if (!match) {
		throw new ContentError(
			file,
			name,
			'must look like NN-kebab-id (a number, a dash, then the id)',
			'name'
		);
	}
	return { order: Number(match[1]), id: match[2] as string };
}
