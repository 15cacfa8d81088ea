/**
 * The three points of an arrowhead whose tip is at (`tipX`, `y`), pointing right for a positive
 * `direction` and left for a negative one; as a string for an SVG `<polygon points>`.
 *
 * @example arrowHead(100, 50, 1) // -> '100,50 91,45.5 91,54.5'
 */
export function arrowHead(tipX: number, y: number, direction: number, size = 9): string {
	const back = tipX - Math.sign(direction || 1) * size;
	const half = size / 2;
	return `${tipX},${y} ${back},${y - half} ${back},${y + half}`;
}
