import type { MessageLayout, NoteLayout } from './layout-sequence';

/**
 * Where a diagram wider than its window should be scrolled sideways (in SVG units, which are CSS
 * pixels) so the reader sees the conversation: every message drawn so far if they fit in the
 * window, otherwise the current step's. Moves as little as possible and not at all when the
 * wanted range is already in view.
 *
 * @example scrollLeftFor(items, 3, 0, 346) // -> 198: the app and pool columns, not the empty one
 */
export function scrollLeftFor(
	items: readonly (MessageLayout | NoteLayout)[],
	currentIndex: number,
	scrollLeft: number,
	viewWidth: number,
	margin = 8
): number {
	const all = extent(items);
	const now = extent(items.filter((item) => item.stepIndex === currentIndex));
	const [from, to] = all && all[1] - all[0] <= viewWidth - 2 * margin ? all : (now ?? all ?? []);
	if (from === undefined || to === undefined) return scrollLeft;
	if (to > scrollLeft + viewWidth - margin) return Math.max(0, to - viewWidth + margin);
	if (from < scrollLeft + margin) return Math.max(0, from - margin);
	return scrollLeft;
}

function extent(items: readonly (MessageLayout | NoteLayout)[]): [number, number] | undefined {
	if (items.length === 0) return undefined;
	let from = Infinity;
	let to = -Infinity;
	for (const item of items) {
		const box = item.kind === 'note' ? item.box : item.bounds;
		from = Math.min(from, box.x);
		to = Math.max(to, box.x + box.width);
	}
	return [from, to];
}
