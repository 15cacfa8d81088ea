export { FlowPlayer, type PlayerTimer } from './flow-player.svelte';
export { default as PlayerControls } from './PlayerControls.svelte';
export { default as StepTranscript } from './StepTranscript.svelte';
export { playerKeyAction, type PlayerKeyAction } from './player-key-action';
export { playbackSpeeds, stepDurationMs, travelMs } from './playback-timing';
export { clampStep, resolveStep } from './resolve-step';
export { stepOutcomeText } from './step-outcome-text';
