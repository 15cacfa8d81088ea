/** The speeds the player offers, as multiples of the normal pace. */
export const playbackSpeeds = [0.5, 1, 1.5, 2] as const;

/** Milliseconds one arrow takes to travel at normal speed. */
const travelAtNormalSpeed = 420;
/** How long a step stays on screen, once drawn, before Play moves on. */
const dwellAtNormalSpeed = 1600;

/**
 * How long one arrow takes to draw at `speed`.
 *
 * @example travelMs(2) // -> 210
 */
export function travelMs(speed: number): number {
	return Math.round(travelAtNormalSpeed / speed);
}

/**
 * How long Play stays on a step: the time its arrows (or its note) take to draw, then a pause to
 * read them. `parts` is the number of arrows, or 1 for a note.
 *
 * @example stepDurationMs(2, 1) // -> 2440
 */
export function stepDurationMs(parts: number, speed: number): number {
	return Math.round((Math.max(1, parts) * travelAtNormalSpeed + dwellAtNormalSpeed) / speed);
}
