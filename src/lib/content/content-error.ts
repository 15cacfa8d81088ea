/**
 * A content file is malformed: bad frontmatter, a quiz that does not parse, a folder without its
 * number. The message names the file and the field so the build log points straight at the typo.
 *
 * @example
 * throw new ContentError('content/flows/01-x/steps/03-y.md', 'step', 'must be a non-empty string');
 * // content/flows/01-x/steps/03-y.md: frontmatter field "step" must be a non-empty string
 */
export class ContentError extends Error {
	readonly code: string = 'ERR_CONTENT_INVALID';
	/** Path of the offending file, relative to the project root (`content/...`). */
	readonly file: string;
	/** The field at fault, e.g. `step` or `questions[2].answer`. */
	readonly field: string;

	constructor(file: string, field: string, problem: string, kind = 'frontmatter field') {
		super(`${file}: ${kind} "${field}" ${problem}`);
		this.name = 'ContentError';
		this.file = file;
		this.field = field;
	}
}

/** Asked for a lesson, quiz or section that has no file: a route turns this into a 404. */
export class ContentNotFoundError extends ContentError {
	override readonly code = 'ERR_CONTENT_NOT_FOUND';

	constructor(file: string, field: string, value: string) {
		super(file, field, `names "${value}", which has no content file`, 'lookup');
		this.name = 'ContentNotFoundError';
	}
}

/** Glob keys start with `/` (`/content/flows/...`); messages show the path as a person types it. */
export function displayPath(globKey: string): string {
	return globKey.replace(/^\/+/, '');
}
