/**
 * Runs `task` just after the browser has painted the next frame: the place for work that reads
 * layout (scroll positions, bounding boxes) or that the learner does not see at once (the URL, the
 * inspector). Done inside the step's own frame, a layout read forces the whole page to be laid out
 * before the new message can be painted. Returns a function that cancels the task.
 *
 * @example $effect(() => afterNextPaint(() => scrollToCurrentPassage()));
 */
export function afterNextPaint(task: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	// A frame callback runs before that frame's paint; a task queued from it runs after the paint.
	const frame = requestAnimationFrame(() => (timer = setTimeout(task)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
