import { ContentError, ContentNotFoundError, displayPath } from './content-error';
import { flowFolderOf, listFlowLessons } from './flow-index';
import { assertUniquePassages, mistakePassageId, stepPassageId } from './passage-id';
import { renderMarkdown } from './render-markdown';
import type { FlowLesson, LessonMistake, LessonStep, MarkdownModule } from './types';

// Lazy, and only ever run while the site is built (a flow page's loads and its mistakes.json):
// each renders the passages of its own lesson to HTML.
const markdownModules = import.meta.glob<MarkdownModule>('/content/flows/*/**/*.md');

type Loader = () => Promise<MarkdownModule>;

/**
 * The passages of one flow lesson, as HTML: its introduction, one passage per step (ordered by the number in
 * the file name) and one per mistake (ordered by id).
 *
 * @example
 * const lesson = await loadFlowLesson('user-pool-sign-in');
 * lesson.steps.map((s) => s.step); // -> ['initiate-auth', 'password-verifier', ...]
 */
export async function loadFlowLesson(flowId: string): Promise<FlowLesson> {
	const folder = flowFolderOf(flowId, Object.keys(markdownModules));
	const meta = listFlowLessons().find((lesson) => lesson.id === flowId);
	const introLoader = folder ? markdownModules[`${folder}/index.md`] : undefined;
	if (!folder || !meta || !introLoader) {
		throw new ContentNotFoundError('content/flows', 'flow', flowId);
	}
	const stepFiles: [string, Loader][] = [];
	const mistakeFiles: [string, Loader][] = [];
	for (const [key, loader] of Object.entries(markdownModules)) {
		if (!key.startsWith(`${folder}/`)) continue;
		const rest = key.slice(folder.length + 1);
		if (rest === 'index.md') continue;
		if (/^steps\/[^/]+\.md$/.test(rest)) stepFiles.push([key, loader]);
		else if (/^mistakes\/[^/]+\.md$/.test(rest)) mistakeFiles.push([key, loader]);
		else {
			const problem = 'is not index.md, steps/NN-<step>.md or mistakes/<mistake>.md';
			throw new ContentError(displayPath(key), rest, problem, 'path');
		}
	}
	const [intro, steps, mistakes] = await Promise.all([
		introLoader(),
		loadSteps(stepFiles),
		loadMistakes(mistakeFiles)
	]);
	return { meta, intro: renderMarkdown(intro), steps, mistakes };
}

async function loadSteps(files: [string, Loader][]): Promise<LessonStep[]> {
	const steps = await Promise.all(
		files.map(async ([key, load]) => {
			const mod = await load();
			return { key, ...stepPassageId(key, mod.metadata), html: renderMarkdown(mod) };
		})
	);
	assertUniquePassages(
		steps.map(({ key, step }) => [key, step]),
		'step'
	);
	// Two files numbered 03 would leave their order to chance.
	assertUniquePassages(
		steps.map(({ key, order }) => [key, String(order)]),
		'order'
	);
	return steps.sort((a, b) => a.order - b.order).map(({ step, html }) => ({ step, html }));
}

async function loadMistakes(files: [string, Loader][]): Promise<LessonMistake[]> {
	const mistakes = await Promise.all(
		files.map(async ([key, load]) => {
			const mod = await load();
			return { mistake: mistakePassageId(key, mod.metadata), html: renderMarkdown(mod) };
		})
	);
	return mistakes.sort((a, b) => a.mistake.localeCompare(b.mistake));
}
