import type { FlowCatalogueEntry } from '$lib/flows';
import { resolveStep, type FlowPlayer } from '$lib/player';
import { createFlowRunner, RunAbandonedError, type FlowRunner } from './flow-runner';
import {
	flowUrlSearch,
	parseFlowUrl,
	type FlowUrlKnown,
	type FlowUrlState
} from './flow-url-state';
import type { RunResult, RunSettings } from './run-flow';

/**
 * The page's runs: what the learner chose, the newest run's result, and whether it is ready.
 * Every change of settings starts a fresh run (on a fresh cloud, off the main thread); a run
 * overtaken by a newer one is dropped, and a simulator failure is kept to be said plainly.
 *
 * A plain visit sends nothing until the learner starts: the simulated cloud and its worker are
 * the page's heaviest code, so they arrive with the first press (or a link to a moment), and the
 * page loads like an article. `prepare` starts that run early, when the learner reaches for the
 * player, so the press rarely waits.
 *
 * @example
 * const runs = new RunController(flow, player);
 * afterNavigate((nav) => runs.applyUrl(page.url, nav.type !== 'enter'));
 */
export class RunController {
	settings: RunSettings = $state({ choices: {}, mistakes: [], clock: 0 });
	result = $state.raw<RunResult | null>(null);
	ready = $state(false);
	/** The learner started the run (or a link asked for a moment): until then nothing is sent. */
	started = $state(false);
	/** The page has read its URL, so `started` says what this visit asked for. */
	urlRead = $state(false);
	/** The simulator itself failed (a bug, not a service error): said plainly, never hidden. */
	crash = $state<string | null>(null);
	/** What the URL may name: this flow's mistakes and choices. */
	readonly known: FlowUrlKnown;

	#runs = 0;
	#runner: FlowRunner | undefined;
	/** A run begun by `prepare`, with the settings it was begun for. */
	#early: { settings: RunSettings; result: Promise<RunResult> } | undefined;
	readonly flow: FlowCatalogueEntry;
	readonly player: FlowPlayer;

	constructor(flow: FlowCatalogueEntry, player: FlowPlayer) {
		this.flow = flow;
		this.player = player;
		this.known = { mistakes: flow.mistakes.map((m) => m.id), choices: flow.choices };
	}

	/**
	 * The URL's moment: the same settings only move the player, other settings run again. The
	 * page's own plain address (no step, no settings) waits for the learner to start, unless
	 * `navigated` says a link inside the page brought the learner here.
	 */
	applyUrl(url: URL, navigated = false): void {
		const state = parseFlowUrl(url.searchParams, this.known);
		const next: RunSettings = {
			choices: state.choices,
			mistakes: state.mistakes,
			clock: state.clock
		};
		this.urlRead = true;
		const plain = state.step === null && flowUrlSearch(state, this.known) === '';
		if (!this.started && plain && !navigated) {
			this.settings = next;
			return;
		}
		this.started = true;
		if (this.result && this.#same(next, this.settings)) {
			const index = resolveStep(state.step, this.result.run.steps);
			if (index !== this.player.index) this.player.jump(index);
			return;
		}
		this.settings = next;
		void this.#rerun((r) => resolveStep(state.step, r.run.steps));
	}

	/**
	 * Sends the first request: runs the flow and shows its step `at`, an index or a step id (the
	 * first step by default, and when the run does not take that step).
	 */
	start(at: number | string = 0): Promise<void> {
		if (this.started) return Promise.resolve();
		this.started = true;
		return this.#rerun((r) =>
			typeof at === 'string'
				? Math.max(
						0,
						r.run.steps.findIndex((s) => s.id === at)
					)
				: Math.min(at, r.run.steps.length - 1)
		);
	}

	/** Begins the first run before it is asked for, without showing it. */
	prepare(): void {
		if (this.started || this.#early) return;
		const settings = $state.snapshot(this.settings);
		this.#runner ??= createFlowRunner(this.flow);
		const result = this.#runner.run(settings);
		// Settled later by `#rerun`, or abandoned by a run with other settings: never unhandled.
		result.catch(() => {});
		this.#early = { settings, result };
	}

	/** Changing a setting keeps the learner's place: the same step if the new run takes it. */
	change(patch: Partial<RunSettings>): void {
		this.started = true;
		const keepId = this.player.current?.id;
		const keepIndex = this.player.index;
		this.settings = { ...this.settings, ...patch };
		void this.#rerun((r) => {
			const same = r.run.steps.findIndex((s) => s.id === keepId);
			return same >= 0 ? same : Math.min(keepIndex, r.run.steps.length - 1);
		});
	}

	/** The moment on screen as the URL writes it (the first step is the page's plain address). */
	urlState(): FlowUrlState {
		return {
			step: this.player.index === 0 ? null : this.player.index,
			mistakes: this.settings.mistakes,
			choices: this.settings.choices,
			clock: this.settings.clock
		};
	}

	dispose(): void {
		this.#runner?.dispose();
	}

	#same(a: RunSettings, b: RunSettings): boolean {
		return (
			this.flow.choices.every((c) => a.choices[c.id] === b.choices[c.id]) &&
			a.clock === b.clock &&
			a.mistakes.length === b.mistakes.length &&
			a.mistakes.every((m) => b.mistakes.includes(m))
		);
	}

	/** Re-runs with the current settings on a fresh cloud; `place` picks the step to show. */
	async #rerun(place: (r: RunResult) => number): Promise<void> {
		const token = ++this.#runs;
		this.ready = false;
		this.player.pause();
		try {
			// The first run starts in a task of its own, not inside hydration's: starting a worker
			// takes a few milliseconds that a slow phone would spend before it answers any input.
			if (!this.#runner) await new Promise((r) => setTimeout(r));
			if (token !== this.#runs) return;
			this.#runner ??= createFlowRunner(this.flow);
			const settings = $state.snapshot(this.settings);
			const early = this.#early;
			this.#early = undefined;
			const next = await (early && this.#same(early.settings, settings)
				? early.result
				: this.#runner.run(settings));
			if (token !== this.#runs) return;
			this.result = next;
			this.crash = null;
			this.player.load(next.run, place(next));
		} catch (error) {
			if (token !== this.#runs || error instanceof RunAbandonedError) return;
			this.crash = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		} finally {
			if (token === this.#runs) this.ready = true;
		}
	}
}
