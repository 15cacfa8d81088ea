import { whenNearScreen } from './when-near-screen';

/**
 * A part of a page built only when the learner needs it (the inspector, the quiz): when it nears
 * the screen after their first input (`whenNear`), or when they ask for it (`want`). While it
 * loads, a placeholder stands in its box; if that placeholder had focus, or the learner asked with
 * its button, focus follows into the part once it is built (`focusIn`) instead of falling back to
 * the page.
 *
 * @example
 * const inspector = new OnDemand(() => import('$lib/inspector').then((m) => m.Inspector), '[role="tab"], button');
 * $effect(() => inspector.whenNear(box));
 * $effect(() => inspector.focusIn(box));
 */
export class OnDemand<T> {
	/** The part, once loaded. */
	current = $state.raw<T | null>(null);
	#asked = false;
	#focus = false;

	constructor(
		private readonly load: () => Promise<T>,
		/** Where focus lands inside the part's box. */
		private readonly focusTarget: string
	) {}

	/** Builds the part now. `focus`: the learner asked with a control, so focus follows. */
	want(box: HTMLElement | undefined, focus = false): void {
		this.#focus ||= focus;
		if (this.#asked) return;
		this.#asked = true;
		void this.load().then((part) => {
			if (box?.contains(document.activeElement)) this.#focus = true;
			this.current = part;
		});
	}

	/** For an `$effect`: builds the part once `box` nears the screen after the first input. */
	whenNear(box: HTMLElement | undefined): (() => void) | undefined {
		if (!box || this.#asked) return;
		return whenNearScreen(box, () => this.want(box));
	}

	/** For an `$effect`: once the part is on screen, moves focus into it if it should follow. */
	focusIn(box: HTMLElement | undefined): void {
		if (!this.current || !box || !this.#focus) return;
		this.#focus = false;
		box.querySelector<HTMLElement>(this.focusTarget)?.focus();
	}
}
