// The scenario's own door, not the `$lib/cloud` barrel: that barrel also brings the services (SRP,
// jose, key handling) into the first load, because a top-level `new Set(...)` in the user pool
// keeps the bundler from dropping them.
import { defaultScenario } from '$lib/cloud/scenario';
import { demoUsers, type DemoUser } from './demo-users';
import type { FlowActor, FlowMistakeDefinition, FlowRun, FlowStepDefinition } from './types';
import {
	userPoolSignInActors,
	userPoolSignInId,
	userPoolSignInMistakes,
	userPoolSignInSteps
} from './user-pool-sign-in/definition';
import type { RunUserPoolSignInOptions } from './user-pool-sign-in/run';

/** What `load()` resolves to: the flow's runner, imported on demand. */
export interface FlowModule<TOptions> {
	run: (options: TOptions) => Promise<FlowRun>;
}

/** A built flow as the pages list it. Everything but `load` is small static data. */
export interface FlowCatalogueEntry<TOptions = unknown> {
	id: string;
	title: string;
	actors: readonly FlowActor[];
	steps: readonly FlowStepDefinition[];
	mistakes: readonly FlowMistakeDefinition[];
	/** Users of the default scenario a learner can pick; `demoUsers(scenario)` for a variant. */
	users: readonly DemoUser[];
	/** Lazily imports the machine and its runner (xstate, jose, SRP stay out of the first load). */
	load: () => Promise<FlowModule<TOptions>>;
}

const userPoolSignIn: FlowCatalogueEntry<RunUserPoolSignInOptions> = {
	id: userPoolSignInId,
	title: 'Sign in to a user pool',
	actors: userPoolSignInActors,
	steps: userPoolSignInSteps,
	mistakes: userPoolSignInMistakes,
	users: demoUsers(defaultScenario),
	load: () => import('./user-pool-sign-in/run').then((m) => ({ run: m.runUserPoolSignIn }))
};

/** Every built flow, in the order the site lists them. */
export const flowCatalogue = [userPoolSignIn] as const;

export type FlowId = (typeof flowCatalogue)[number]['id'];

/** The catalogue entry for `id`, or `undefined`. */
export function findFlow(id: string): (typeof flowCatalogue)[number] | undefined {
	return flowCatalogue.find((f) => f.id === id);
}
