export { default as SequenceDiagram } from './SequenceDiagram.svelte';
export { layoutSequence } from './layout-sequence';
export type {
	ArrowLayout,
	Box,
	ColumnLayout,
	LayoutSequenceInput,
	MessageLayout,
	NoteLayout,
	SequenceLayout,
	StepBand
} from './layout-sequence';
export { responseSummary, type ResponseSummary } from './response-summary';
export { defaultSequenceMetrics, type SequenceMetrics } from './sequence-metrics';
export { arrowHead } from './arrow-head';
export { fitLabel } from './fit-label';
export { wrapText } from './wrap-text';
export { scrollLeftFor } from './scroll-left-for';
