/**
 * Scrolls the nearest scrolling ancestors of `target` just enough to show it — horizontally in
 * the diagram's own scroller, vertically in the sticky panel or, failing that, the page — and
 * does nothing when it is already in view. Unlike `scrollIntoView`, it never scrolls any further
 * ancestor, so stepping through the diagram does not move the page under the reader.
 *
 * `margin` keeps a little room around the target (and clears a fixed bar at the bottom on phones).
 */
export function revealWithin(
	target: Element,
	behavior: ScrollBehavior,
	margin: { top: number; bottom: number; side: number }
): void {
	const rect = target.getBoundingClientRect();
	const horizontal = scrollingAncestor(target, 'x');
	if (horizontal) {
		const box = horizontal.getBoundingClientRect();
		const dx = overflowBy(rect.left, rect.right, box.left + margin.side, box.right - margin.side);
		if (dx !== 0) horizontal.scrollBy({ left: dx, behavior });
	}
	const vertical = scrollingAncestor(target, 'y');
	const top = vertical ? vertical.getBoundingClientRect().top : 0;
	const bottom = vertical ? vertical.getBoundingClientRect().bottom : window.innerHeight;
	const dy = overflowBy(rect.top, rect.bottom, top + margin.top, bottom - margin.bottom);
	if (dy === 0) return;
	if (vertical) vertical.scrollBy({ top: dy, behavior });
	else window.scrollBy({ top: dy, behavior });
}

/** How far to scroll so that [start, end] fits in [min, max]; 0 when it already does. */
function overflowBy(start: number, end: number, min: number, max: number): number {
	if (start < min) return start - min;
	if (end > max) return Math.min(end - max, start - min);
	return 0;
}

function scrollingAncestor(element: Element, axis: 'x' | 'y'): HTMLElement | null {
	let node = element.parentElement;
	for (; node && node !== document.body; node = node.parentElement) {
		const style = getComputedStyle(node);
		const overflow = axis === 'x' ? style.overflowX : style.overflowY;
		const scrolls =
			axis === 'x' ? node.scrollWidth > node.clientWidth : node.scrollHeight > node.clientHeight;
		if ((overflow === 'auto' || overflow === 'scroll') && scrolls) return node;
	}
	return null;
}
