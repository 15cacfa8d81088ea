import { afterFirstInput } from './after-first-input';

/**
 * Calls `task` once `node` comes within `margin` of the screen, watching only after the learner's
 * first input: what sits in view when the page opens is built when someone starts using the page,
 * and what sits far below is built as they scroll towards it. Returns a cancel function.
 *
 * @example $effect(() => whenNearScreen(quizBox, () => (quizWanted = true)));
 */
export function whenNearScreen(node: Element, task: () => void, margin = '400px'): () => void {
	let observer: IntersectionObserver | undefined;
	const cancelWait = afterFirstInput(() => {
		if (!('IntersectionObserver' in window)) return task();
		observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				observer?.disconnect();
				task();
			},
			{ rootMargin: margin }
		);
		observer.observe(node);
	});
	return () => {
		cancelWait();
		observer?.disconnect();
	};
}
