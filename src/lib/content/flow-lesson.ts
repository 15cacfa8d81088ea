import { ContentError, ContentNotFoundError, displayPath } from './content-error';
import { flowFolderOf, listFlowLessons } from './flow-index';
import { requireFrontmatter, requireId } from './frontmatter';
import { parseNumberedName } from './numbered-name';
import type { FlowLesson, LessonMistake, LessonStep, MarkdownModule } from './types';

// Lazy: each flow page pulls in only the chunks of its own lesson.
const markdownModules = import.meta.glob<MarkdownModule>('/content/flows/*/**/*.md');

type Loader = () => Promise<MarkdownModule>;

/**
 * The passages of one flow lesson: its introduction, one passage per step (ordered by the number in
 * the file name) and one per mistake. Each passage's frontmatter must name the same id as its file,
 * so a copied file that still says the old step fails the build.
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
		else throw new ContentError(displayPath(key), rest, 'is not index.md, steps/*.md or mistakes/*.md', 'path');
	}
	const [intro, steps, mistakes] = await Promise.all([
		introLoader(),
		loadSteps(stepFiles),
		loadMistakes(mistakeFiles)
	]);
	return { meta, intro: intro.default, steps, mistakes };
}

async function loadSteps(files: [string, Loader][]): Promise<LessonStep[]> {
	const numbered = files
		.map(([key, loader]) => ({
			key,
			loader,
			...parseNumberedName(key.split('/').at(-1) ?? '', displayPath(key))
		}))
		.sort((a, b) => a.order - b.order);
	const steps = await Promise.all(
		numbered.map(async ({ key, loader, id }) => {
			const file = displayPath(key);
			const mod = await loader();
			const step = requireId(requireFrontmatter(mod.metadata, file), 'step', file);
			if (step !== id) {
				throw new ContentError(file, 'step', `is "${step}" but the file name says "${id}"`);
			}
			return { file, step, component: mod.default };
		})
	);
	assertUnique(steps.map(({ file, step }) => [file, step]), 'step');
	return steps.map(({ step, component }) => ({ step, component }));
}

async function loadMistakes(files: [string, Loader][]): Promise<LessonMistake[]> {
	const mistakes = await Promise.all(
		files.map(async ([key, loader]) => {
			const file = displayPath(key);
			const name = (key.split('/').at(-1) ?? '').replace(/\.md$/, '');
			const mod = await loader();
			const mistake = requireId(requireFrontmatter(mod.metadata, file), 'mistake', file);
			if (mistake !== name) {
				throw new ContentError(file, 'mistake', `is "${mistake}" but the file name says "${name}"`);
			}
			return { mistake, component: mod.default };
		})
	);
	return mistakes.sort((a, b) => a.mistake.localeCompare(b.mistake));
}

/** Two step files for one step (say `03-x.md` and `07-x.md`) would show two passages for it. */
function assertUnique(entries: [file: string, id: string][], field: string): void {
	const seen = new Set<string>();
	for (const [file, id] of entries) {
		if (seen.has(id)) throw new ContentError(file, field, `repeats "${id}", already used by another file`);
		seen.add(id);
	}
}
