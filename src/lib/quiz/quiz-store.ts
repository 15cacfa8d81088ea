/** The learner's answer to one question: the choice picked and whether it was checked. */
export interface QuizAnswer {
	choice: string;
	/** True once "Check answer" was pressed for this choice; changing the choice clears it. */
	checked: boolean;
}

/** Answers by question id. */
export type QuizAnswers = Record<string, QuizAnswer>;

/** What the store needs to know of a quiz to drop answers that no longer fit it. */
export interface QuizShape {
	questions: { id: string; choices: { id: string }[] }[];
}

/** The part of the Web Storage API the store uses, so tests can pass an in-memory one. */
export type QuizStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const version = 1;

/** `flow-lab.quiz.<flowId>`: one key per flow. */
export function quizStorageKey(flowId: string): string {
	return `flow-lab.quiz.${flowId}`;
}

/**
 * The saved answers of a flow's quiz. Tolerates everything storage can throw at it: no storage,
 * storage that refuses access, bad JSON, an old shape, answers to questions or choices that were
 * removed since; each is ignored, never thrown.
 *
 * @example loadQuizAnswers(localStorage, 'user-pool-sign-in', quiz) // -> { 'q1': { choice: 'b', checked: true } }
 */
export function loadQuizAnswers(
	storage: QuizStorage | null | undefined,
	flowId: string,
	quiz: QuizShape
): QuizAnswers {
	let raw: string | null = null;
	try {
		raw = storage?.getItem(quizStorageKey(flowId)) ?? null;
	} catch {
		return {};
	}
	if (raw === null) return {};
	let saved: unknown;
	try {
		saved = JSON.parse(raw);
	} catch {
		return {};
	}
	if (!isRecord(saved) || saved.version !== version || !isRecord(saved.answers)) return {};

	const answers: QuizAnswers = {};
	for (const question of quiz.questions) {
		if (!Object.hasOwn(saved.answers, question.id)) continue;
		const answer = saved.answers[question.id];
		if (!isRecord(answer) || typeof answer.choice !== 'string') continue;
		const choice = answer.choice;
		if (!question.choices.some((c) => c.id === choice)) continue;
		answers[question.id] = { choice, checked: answer.checked === true };
	}
	return answers;
}

/** Saves the answers; returns false when storage is missing, full or refuses access. */
export function saveQuizAnswers(
	storage: QuizStorage | null | undefined,
	flowId: string,
	answers: QuizAnswers
): boolean {
	if (!storage) return false;
	try {
		storage.setItem(quizStorageKey(flowId), JSON.stringify({ version, answers }));
		return true;
	} catch {
		return false;
	}
}

/** Forgets the flow's answers; returns false when storage is missing or refuses access. */
export function clearQuizAnswers(storage: QuizStorage | null | undefined, flowId: string): boolean {
	if (!storage) return false;
	try {
		storage.removeItem(quizStorageKey(flowId));
		return true;
	} catch {
		return false;
	}
}

/** `localStorage` when the page may use it, else `null` (prerendering, privacy modes). */
export function browserStorage(): QuizStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
