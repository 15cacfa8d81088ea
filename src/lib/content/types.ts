import type { Component } from 'svelte';

export type FlowLessonStatus = 'available' | 'coming';

/** One entry of the learning path, read from `content/flows/NN-<id>/index.md`. */
export interface FlowLessonMeta {
	/** The folder name without its number: the URL segment. */
	id: string;
	/** The folder's number: the position in the learning path. */
	order: number;
	title: string;
	/** One or two sentences for the learning path. */
	summary: string;
	/** The flow id in `src/lib/flows` that the lesson walks through. */
	flow: string;
	status: FlowLessonStatus;
	/** Reading and playing time, when the author gave one. */
	minutes?: number;
}

/** The passage that accompanies one step of a flow, as HTML rendered at build time. */
export interface LessonStep {
	step: string;
	html: string;
}

/** The passage that explains one "what if" mistake, as HTML rendered at build time. */
export interface LessonMistake {
	mistake: string;
	html: string;
}

/**
 * Everything a flow page renders beside the player: plain data (HTML strings), so it is made once
 * at build time and travels in the page instead of as Markdown modules.
 */
export interface FlowLesson {
	meta: FlowLessonMeta;
	intro: string;
	/** In the order of the numbered step files. */
	steps: LessonStep[];
	/** In alphabetical order of their ids. */
	mistakes: LessonMistake[];
}

/**
 * What a flow page's data carries of its lesson. The introduction and step passages are static
 * HTML that only the prerendered page needs: they are rendered into it and never sent again as
 * data (`passages` is null in the browser). Mistake passages are shown beside a run's error: the
 * page fetches them when a learner switches a mistake on.
 */
export interface FlowLessonPage {
	meta: FlowLessonMeta;
	/** Step ids in passage order. */
	steps: string[];
	/** Ids of the mistakes that have a passage (fetched from `mistakes.json` when needed). */
	mistakes: string[];
	/** How many quiz questions there are; the quiz itself loads when the learner reaches it. */
	quizQuestions: number;
}

/** The lesson HTML a flow page renders at build time. */
export interface LessonPassages {
	intro: string;
	steps: Record<string, string>;
}

export interface QuizChoice {
	id: string;
	text: string;
}

/** Where in the flow the quiz question's subject can be watched happening. */
export interface QuizLink {
	step: string;
	mistakes: string[];
}

export interface QuizQuestion {
	id: string;
	prompt: string;
	choices: QuizChoice[];
	/** The id of the right choice. */
	answer: string;
	explanation: string;
	link: QuizLink;
}

export interface Quiz {
	questions: QuizQuestion[];
}

/** A section of the home page, from `content/home/<name>.md`. */
export interface HomeSection {
	name: string;
	title: string;
	html: string;
}

/** The shape mdsvex gives a compiled `.md` module. */
export interface MarkdownModule {
	default: Component;
	metadata?: Record<string, unknown>;
}
