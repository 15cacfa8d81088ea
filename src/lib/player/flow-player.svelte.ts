import type { Exchange } from '$lib/cloud';
import type { FlowRun, FlowRunStep } from '$lib/flows/types';
import { playbackSpeeds, stepDurationMs, travelMs } from './playback-timing';
import { clampStep, resolveStep } from './resolve-step';

export interface PlayerTimer {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const browserTimer: PlayerTimer = {
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/**
 * The state of the flow player: a pre-computed run and a position in it. Stepping back is only a
 * smaller index into the same run, never a re-run, so every earlier moment looks exactly as it did.
 * The selected exchange (what the inspector shows) follows the current step until the learner picks
 * another message.
 *
 * @example
 * const player = new FlowPlayer();
 * player.load(run, 'get-user');
 * player.next();
 * player.current?.title; // -> the step after GetUser
 */
export class FlowPlayer {
	#run: FlowRun | null = $state.raw(null);
	#index = $state(0);
	#selected: number | null = $state(null);
	#playing = $state(false);
	#speed = $state(1);
	#timer: PlayerTimer;
	#handle: unknown;

	constructor(options: { timer?: PlayerTimer } = {}) {
		this.#timer = options.timer ?? browserTimer;
	}

	get run(): FlowRun | null {
		return this.#run;
	}

	get steps(): readonly FlowRunStep[] {
		return this.#run?.steps ?? [];
	}

	/** The step on screen, or `null` before a run is loaded. */
	get current(): FlowRunStep | null {
		return this.steps[this.#index] ?? null;
	}

	get index(): number {
		return this.#index;
	}

	get atStart(): boolean {
		return this.#index === 0;
	}

	get atEnd(): boolean {
		return this.#index >= this.steps.length - 1;
	}

	get playing(): boolean {
		return this.#playing;
	}

	get speed(): number {
		return this.#speed;
	}

	set speed(value: number) {
		if (!playbackSpeeds.includes(value as (typeof playbackSpeeds)[number])) {
			throw new TypeError(`speed must be one of ${playbackSpeeds.join(', ')}, got ${value}`);
		}
		this.#speed = value;
		if (this.#playing) this.#schedule();
	}

	/** Milliseconds one arrow of the diagram takes to draw at the current speed. */
	get travelMs(): number {
		return travelMs(this.#speed);
	}

	get selectedExchangeId(): number | null {
		return this.#selected;
	}

	/** The selected exchange and the step it belongs to. */
	get selection(): { exchange: Exchange; step: FlowRunStep } | null {
		for (const step of this.steps.slice(0, this.#index + 1)) {
			const exchange = step.exchanges.find((e) => e.id === this.#selected);
			if (exchange) return { exchange, step };
		}
		return null;
	}

	/**
	 * Shows `run` at step `at` (an index, or a step id). Pass the current step id to keep the
	 * learner's place across a re-run: the same step if the new run takes it, else the same index.
	 */
	load(run: FlowRun, at?: number | string | null): void {
		this.pause();
		const byId = typeof at === 'string' && !/^\d+$/.test(at) && run.steps.some((s) => s.id === at);
		this.#run = run;
		this.#show(byId ? resolveStep(at, run.steps) : resolveStep(at ?? 0, run.steps));
	}

	/** Moves to step `index` (clamped into the run). */
	jump(index: number): void {
		this.#show(clampStep(index, this.steps.length));
		if (this.#playing) this.#schedule();
	}

	next(): void {
		if (this.atEnd) this.pause();
		else this.jump(this.#index + 1);
	}

	previous(): void {
		this.jump(this.#index - 1);
	}

	first(): void {
		this.jump(0);
	}

	last(): void {
		this.jump(this.steps.length - 1);
	}

	restart(): void {
		this.pause();
		this.jump(0);
	}

	play(): void {
		if (!this.#run) return;
		if (this.atEnd) this.#show(0);
		this.#playing = true;
		this.#schedule();
	}

	pause(): void {
		this.#playing = false;
		this.#timer.clear(this.#handle);
	}

	toggle(): void {
		if (this.#playing) this.pause();
		else this.play();
	}

	/** Opens `exchangeId` in the inspector; it must belong to a step already shown. */
	select(exchangeId: number): void {
		const shown = this.steps.slice(0, this.#index + 1);
		if (shown.some((step) => step.exchanges.some((e) => e.id === exchangeId))) {
			this.#selected = exchangeId;
		}
	}

	/** Stops the play timer; call when the page goes away. */
	dispose(): void {
		this.pause();
	}

	#show(index: number): void {
		this.#index = index;
		// The last exchange of a step is the one that decides how it ended.
		this.#selected = this.steps[index]?.exchanges.at(-1)?.id ?? null;
	}

	#schedule(): void {
		this.#timer.clear(this.#handle);
		const step = this.current;
		if (!step) return;
		const parts = step.exchanges.length * 2 || 1;
		this.#handle = this.#timer.set(
			() => {
				if (this.atEnd) this.pause();
				else this.next();
			},
			stepDurationMs(parts, this.#speed)
		);
	}
}
