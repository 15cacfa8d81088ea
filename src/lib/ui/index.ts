// The UI helpers' only door: timing helpers that keep work out of the first paint and out of a
// step's frame, and the small widgets every page shares.
export { afterFirstInput } from './after-first-input';
export { afterNextPaint } from './after-next-paint';
export { whenNearScreen } from './when-near-screen';
export { OnDemand } from './on-demand.svelte';
export { default as ThemeToggle } from './ThemeToggle.svelte';
