/**
 * Scrolls the nearest vertically scrolling ancestor of `target` just enough to show it — the
 * diagram's own window, the sticky panel or, failing those, the page — and does nothing when it is
 * already in view. Unlike `scrollIntoView`, it never scrolls any further ancestor, so stepping
 * through the diagram does not move the page under the reader.
 *
 * `margin` keeps room around the target: under a sticky header, above a fixed bar on phones.
 */
export function revealWithin(
	target: Element,
	behavior: ScrollBehavior,
	margin: { top: number; bottom: number }
): void {
	const rect = target.getBoundingClientRect();
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

function scrollingAncestor(element: Element, axis: 'y'): HTMLElement | null {
	let node = element.parentElement;
	for (; node && node !== document.body; node = node.parentElement) {
		const overflow = getComputedStyle(node).overflowY;
		const scrolls = node.scrollHeight > node.clientHeight;
		if ((overflow === 'auto' || overflow === 'scroll') && scrolls) return node;
	}
	return null;
}
