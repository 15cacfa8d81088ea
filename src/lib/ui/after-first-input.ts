const inputs = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `task` once, at the learner's first input of any kind (a tap, a key, a scroll). Code that
 * only matters once someone acts on the page waits here, so a page that is merely opened (or
 * measured) loads nothing but what it shows. Returns a function that cancels the wait.
 *
 * @example const cancel = afterFirstInput(() => import('$lib/inspector'));
 */
export function afterFirstInput(task: () => void): () => void {
	const options = { capture: true, passive: true } as const;
	const fire = () => {
		cancel();
		task();
	};
	const cancel = () => {
		for (const type of inputs) window.removeEventListener(type, fire, options);
	};
	for (const type of inputs) window.addEventListener(type, fire, options);
	return cancel;
}
