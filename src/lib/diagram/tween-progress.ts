import { easeCubicInOut } from 'd3-ease';
import { select } from 'd3-selection';
import 'd3-transition';

/**
 * Runs a d3 transition named `name` on `host` that reports its eased progress (0 → 1) to
 * `onProgress`, and resolves when it ends. d3 only keeps time here: Svelte owns every node and
 * redraws from the progress, so no attribute is written behind its back. A newer transition of the
 * same name on the same host interrupts this one, and the promise then rejects
 * (`transition.end()`), which is how a click on "Next step" mid-animation cuts the animation short.
 *
 * @example await tweenProgress(svg, 'message', 400, (t) => (progress = t));
 */
export function tweenProgress(
	host: Element,
	name: string,
	duration: number,
	onProgress: (t: number) => void
): Promise<void> {
	return select(host)
		.transition(name)
		.duration(duration)
		.ease(easeCubicInOut)
		.tween(name, () => onProgress)
		.end();
}

/** Stops the transition named `name` on `host`, if one is running. */
export function interruptProgress(host: Element, name: string): void {
	select(host).interrupt(name);
}
