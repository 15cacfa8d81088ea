/**
 * The measures of the sequence diagram in SVG user units (1 unit = 1 CSS pixel, since the SVG is
 * drawn at its natural size). Text widths are estimated from `charWidth`: system fonts differ a
 * little, so labels keep a margin instead of being measured in the DOM (which prerendering lacks).
 */
export interface SequenceMetrics {
	/** Left margin that holds the step numbers. */
	gutter: number;
	/** Narrowest column: below it the diagram keeps this width and its container scrolls. */
	minColumnWidth: number;
	/** Widest column: wider screens centre the columns instead of stretching the arrows. */
	maxColumnWidth: number;
	/** Height of the actor boxes at the top. */
	headerHeight: number;
	/** Space between the actor boxes and the first message. */
	headerGap: number;
	/** Height of one arrow with its label above it. */
	rowHeight: number;
	/** Space between two steps. */
	stepGap: number;
	noteWidth: number;
	notePadding: number;
	noteLineHeight: number;
	/** Average width of one character of label text. */
	charWidth: number;
	bottomPadding: number;
}

export const defaultSequenceMetrics: SequenceMetrics = {
	gutter: 40,
	minColumnWidth: 150,
	maxColumnWidth: 260,
	headerHeight: 52,
	headerGap: 18,
	rowHeight: 30,
	stepGap: 14,
	noteWidth: 170,
	notePadding: 8,
	noteLineHeight: 16,
	charWidth: 7.2,
	bottomPadding: 20
};
