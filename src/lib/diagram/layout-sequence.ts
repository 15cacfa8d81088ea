import type { ActorId, Exchange } from '$lib/cloud';
import type { FlowActor, FlowRunStep } from '$lib/flows/types';
import { fitLabel } from './fit-label';
import { responseSummary, type ResponseSummary } from './response-summary';
import { defaultSequenceMetrics, type SequenceMetrics } from './sequence-metrics';
import { wrapText } from './wrap-text';

export interface ColumnLayout {
	id: ActorId;
	label: string;
	detail?: string;
	/** Centre of the column: where its lifeline runs. */
	x: number;
	width: number;
}

/** One horizontal arrow. `x1` is the sender's lifeline, `x2` the receiver's. */
export interface ArrowLayout {
	x1: number;
	x2: number;
	y: number;
	/** The label as drawn (possibly shortened) and where its centre sits, above the line. */
	label: string;
	labelX: number;
	labelY: number;
	/** Estimated width of the drawn label, icon included. */
	labelWidth: number;
}

export interface MessageLayout {
	kind: 'message';
	/** Stable across re-layouts: `exchange-<id>`. */
	key: string;
	stepIndex: number;
	exchange: Exchange;
	request: ArrowLayout;
	response: ArrowLayout;
	summary: ResponseSummary;
	/**
	 * Set when the arrow stands for a whole folded step: the step's fold label and how many
	 * exchanges it holds. Its response and `exchange` are those of the step's last exchange.
	 */
	folded?: { label: string; count: number };
	/** The area that takes clicks and shows selection: both arrows and both labels. */
	hit: Box;
	/** Everything drawn for the message: what scrolling must bring into view (same as `hit`). */
	bounds: Box;
}

export interface NoteLayout {
	kind: 'note';
	key: string;
	stepIndex: number;
	actor: ActorId;
	box: Box;
	lines: string[];
	error: boolean;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The vertical extent of one step, for its number in the gutter and for scrolling it into view. */
export interface StepBand {
	stepIndex: number;
	top: number;
	bottom: number;
	/** Where the step number sits: level with the step's first arrow or note. */
	badgeY: number;
}

export interface SequenceLayout {
	width: number;
	height: number;
	columns: ColumnLayout[];
	lifelines: { top: number; bottom: number };
	items: (MessageLayout | NoteLayout)[];
	bands: StepBand[];
	metrics: SequenceMetrics;
}

export interface LayoutSequenceInput {
	actors: readonly FlowActor[];
	/**
	 * Every step of the run: the layout reserves room for all of them, so revealing one step never
	 * moves another.
	 */
	steps: readonly FlowRunStep[];
	/** Width available; the layout is wider (and its container scrolls) when this is too narrow. */
	width: number;
	metrics?: Partial<SequenceMetrics>;
	/** Steps drawn folded into one arrow, by index, with the arrow's label (`FlowStepDefinition.fold`). */
	folded?: ReadonlyMap<number, string>;
}

/**
 * Lays out a sequence diagram: one column per actor, one row per message, top to bottom in run
 * order. Each exchange takes two rows (the request, then the dashed response); a step without an
 * exchange is a note on its actor's lifeline, and so is a step the app performs itself (it has an
 * `actor`), after the exchanges that fed it. An `optional` actor gets a column only when the run
 * uses it; actors a run uses but the flow did not list are appended, so nothing the network
 * recorded is ever left out.
 *
 * @example
 * const layout = layoutSequence({ actors, steps: run.steps, width: 640 });
 * layout.columns.map((c) => c.x); // -> lifeline positions, left to right
 */
export function layoutSequence(input: LayoutSequenceInput): SequenceLayout {
	const m: SequenceMetrics = { ...defaultSequenceMetrics, ...input.metrics };
	const actors = withRunActors(input.actors, input.steps);
	const n = Math.max(actors.length, 1);
	const columnWidth = clamp((input.width - m.gutter) / n, m.minColumnWidth, m.maxColumnWidth);
	const contentWidth = m.gutter + n * columnWidth;
	const width = Math.max(input.width, contentWidth);
	// Extra room is shared out on both sides of the columns; the gutter stays on the left.
	const left = m.gutter + (width - contentWidth) / 2;
	const columns: ColumnLayout[] = actors.map((actor, i) => ({
		...actor,
		x: left + columnWidth * (i + 0.5),
		width: columnWidth
	}));
	const xOf = (id: ActorId): number => columns.find((c) => c.id === id)?.x ?? left;

	const items: (MessageLayout | NoteLayout)[] = [];
	const bands: StepBand[] = [];
	let y = m.headerHeight + m.headerGap;
	for (const step of input.steps) {
		const top = y;
		let badgeY = top + m.rowHeight - 4;
		const fold = input.folded?.get(step.index);
		const last = step.exchanges.at(-1);
		if (fold !== undefined && last && step.exchanges.length > 1) {
			// One arrow for the whole step: from whoever starts it to whoever answers last.
			const count = step.exchanges.length;
			const whole = {
				...last,
				from: step.exchanges[0]!.from,
				label: `${fold} · ${count} requests`
			};
			items.push({
				...layoutMessage(whole, step.index, y, xOf, columnWidth, m),
				exchange: last,
				folded: { label: fold, count }
			});
			y += 2 * m.rowHeight;
		} else
			for (const exchange of step.exchanges) {
				items.push(layoutMessage(exchange, step.index, y, xOf, columnWidth, m));
				y += 2 * m.rowHeight;
			}
		// A step the app performs itself is a note; it follows the exchanges that fed it.
		if (step.exchanges.length === 0 || step.actor !== undefined) {
			const actor = step.actor ?? defaultNoteActor(columns);
			const note = layoutNote(step, actor, xOf(actor), y, columnWidth, m);
			items.push(note);
			if (step.exchanges.length === 0) badgeY = note.box.y + note.box.height / 2;
			y = note.box.y + note.box.height + 6;
		}
		y += m.stepGap;
		bands.push({ stepIndex: step.index, top, bottom: y, badgeY });
	}
	const height = y + m.bottomPadding;
	return {
		width,
		height,
		columns,
		lifelines: { top: m.headerHeight, bottom: height - m.bottomPadding / 2 },
		items,
		bands,
		metrics: m
	};
}

function layoutMessage(
	exchange: Exchange,
	stepIndex: number,
	top: number,
	xOf: (id: ActorId) => number,
	columnWidth: number,
	m: SequenceMetrics
): MessageLayout {
	const x1 = xOf(exchange.from);
	let x2 = xOf(exchange.to);
	// A call to oneself (rare) is drawn as a short hop to the right and back.
	if (x2 === x1) x2 = x1 + columnWidth * 0.4;
	const span = Math.abs(x2 - x1);
	// A label is centred on its arrow and may reach 40% of a column past either end: half a column
	// separates a lifeline from the next arrow's label or the diagram's edge, and labels have a
	// background, so crossing a lifeline stays legible.
	const room = span + 0.8 * columnWidth - 12;
	const maxChars = Math.max(4, Math.floor(room / m.charWidth));
	const summary = responseSummary(exchange);
	const requestY = top + m.rowHeight;
	const responseY = requestY + m.rowHeight;
	const labelX = (x1 + x2) / 2;
	const requestLabel = fitLabel(exchange.label, maxChars);
	// The error icon takes about two characters' room in front of the text.
	const responseLabel = fitLabel(summary.text, summary.kind === 'error' ? maxChars - 3 : maxChars);
	const requestWidth = requestLabel.length * m.charWidth;
	const responseWidth = responseLabel.length * m.charWidth + (summary.kind === 'error' ? 18 : 0);
	// Both arrows and both labels: a click on a label selects its message too.
	const half = Math.max(requestWidth, responseWidth) / 2 + 4;
	const left = Math.min(Math.min(x1, x2) - 10, labelX - half);
	const right = Math.max(Math.max(x1, x2) + 10, labelX + half);
	const hit = { x: left, y: top + 4, width: right - left, height: 2 * m.rowHeight + 4 };
	return {
		kind: 'message',
		key: `exchange-${exchange.id}`,
		stepIndex,
		exchange,
		request: {
			x1,
			x2,
			y: requestY,
			label: requestLabel,
			labelX,
			labelY: requestY - 8,
			labelWidth: requestWidth
		},
		response: {
			x1: x2,
			x2: x1,
			y: responseY,
			label: responseLabel,
			labelX,
			labelY: responseY - 8,
			labelWidth: responseWidth
		},
		summary,
		hit,
		bounds: hit
	};
}

function layoutNote(
	step: FlowRunStep,
	actor: ActorId,
	x: number,
	top: number,
	columnWidth: number,
	m: SequenceMetrics
): NoteLayout {
	const width = Math.min(m.noteWidth, columnWidth - 16);
	const perLine = Math.max(1, Math.floor((width - 2 * m.notePadding) / m.charWidth));
	const lines = wrapText(step.title, perLine);
	const height = lines.length * m.noteLineHeight + 2 * m.notePadding;
	return {
		kind: 'note',
		key: `note-${step.index}`,
		stepIndex: step.index,
		actor,
		box: { x: x - width / 2, y: top + 8, width, height },
		lines,
		error: step.outcome === 'error'
	};
}

/** The flow's actors in its order (optional ones only if used), then any unlisted actor used. */
function withRunActors(actors: readonly FlowActor[], steps: readonly FlowRunStep[]): FlowActor[] {
	const used = new Set<ActorId>();
	for (const step of steps) {
		if (step.actor !== undefined) used.add(step.actor);
		for (const exchange of step.exchanges) used.add(exchange.from).add(exchange.to);
	}
	const drawn = actors.filter((a) => !a.optional || used.has(a.id));
	const unlisted = [...used].filter((id) => !actors.some((a) => a.id === id));
	return [...drawn, ...unlisted.map((id) => ({ id, label: id }))];
}

/** A step with no exchange and no actor happens inside the app, if the flow has one. */
function defaultNoteActor(columns: ColumnLayout[]): ActorId {
	return (columns.find((c) => c.id === 'app') ?? columns[0])?.id ?? 'app';
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
