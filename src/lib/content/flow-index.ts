import { ContentError, displayPath } from './content-error';
import {
	optionalPositiveInteger,
	requireFrontmatter,
	requireId,
	requireOneOf,
	requireString
} from './frontmatter';
import { parseNumberedName } from './numbered-name';
import type { FlowLessonMeta, FlowLessonStatus } from './types';

const statuses: readonly FlowLessonStatus[] = ['available', 'coming'];

// Eager and metadata-only: the learning path needs every title, never a lesson body.
const indexMetadata = import.meta.glob<Record<string, unknown> | undefined>(
	'/content/flows/*/index.md',
	{ eager: true, import: 'metadata' }
);

/**
 * Validates one `index.md` frontmatter; `globKey` is `/content/flows/NN-<id>/index.md`.
 *
 * @example parseFlowLessonMeta('/content/flows/01-a/index.md', { title, summary, flow, status })
 */
export function parseFlowLessonMeta(globKey: string, metadata: unknown): FlowLessonMeta {
	const file = displayPath(globKey);
	const folder = globKey.split('/').at(-2) ?? '';
	const { order, id } = parseNumberedName(folder, file);
	const meta = requireFrontmatter(metadata, file);
	const lesson: FlowLessonMeta = {
		id,
		order,
		title: requireString(meta, 'title', file),
		summary: requireString(meta, 'summary', file),
		flow: requireId(meta, 'flow', file),
		status: requireOneOf(meta, 'status', statuses, file)
	};
	const minutes = optionalPositiveInteger(meta, 'minutes', file);
	if (minutes !== undefined) lesson.minutes = minutes;
	return lesson;
}

/**
 * Validates every `index.md` frontmatter and orders the lessons by folder number. Two folders with
 * the same number or the same id would make the order (or a URL) ambiguous, so they fail.
 *
 * @example parseFlowLessons({ '/content/flows/01-a/index.md': { title, summary, flow, status } })
 */
export function parseFlowLessons(metadataByKey: Record<string, unknown>): FlowLessonMeta[] {
	const seen = new Map<string, string>();
	const lessons = Object.entries(metadataByKey).map(([key, metadata]) => {
		const lesson = parseFlowLessonMeta(key, metadata);
		for (const [what, value] of [
			['number', String(lesson.order)],
			['id', lesson.id]
		] as const) {
			const other = seen.get(`${what}:${value}`);
			if (other) {
				throw new ContentError(displayPath(key), what, `repeats the ${what} of ${other}`, 'folder');
			}
			seen.set(`${what}:${value}`, displayPath(key));
		}
		return lesson;
	});
	return lessons.sort((a, b) => a.order - b.order);
}

/**
 * The learning path: every flow lesson, validated and in folder order.
 *
 * @example
 * listFlowLessons().map((l) => l.id); // -> ['user-pool-sign-in', 'federation-social-oidc', ...]
 */
export function listFlowLessons(): FlowLessonMeta[] {
	return parseFlowLessons(indexMetadata);
}

/** The folder key (`/content/flows/NN-<id>`) of a lesson id, or `undefined`. */
export function flowFolderOf(flowId: string, globKeys: Iterable<string>): string | undefined {
	for (const key of globKeys) {
		const match = /^\/content\/flows\/(\d+-([^/]+))\//.exec(key);
		if (match && match[2] === flowId) return `/content/flows/${match[1]}`;
	}
	return undefined;
}
