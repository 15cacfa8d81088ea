// The flows layer's only door. Runners are reached through `flowCatalogue[i].load()` so that a
// page's first load does not pull in xstate, jose or the SRP maths.
export {
	findFlow,
	flowCatalogue,
	type FlowCatalogueEntry,
	type FlowId,
	type FlowModule
} from './registry';
export { demoUsers, type DemoUser } from './demo-users';
export type {
	FlowActor,
	FlowMistakeDefinition,
	FlowRun,
	FlowRunStep,
	FlowStepDefinition
} from './types';
export {
	userPoolSignInActors,
	userPoolSignInId,
	userPoolSignInMistakes,
	userPoolSignInSteps,
	type UserPoolSignInMistakeId,
	type UserPoolSignInStepId
} from './user-pool-sign-in/definition';
export type { RunUserPoolSignInOptions } from './user-pool-sign-in/run';
export type { UserPoolSignInOptions } from './user-pool-sign-in/sign-in-options';
export type { SignInFailure } from './user-pool-sign-in/sign-in-error';
export type { UserPoolSignInInput } from './user-pool-sign-in/sign-in-types';
export type { UserPoolSignInOutput, UserPoolSignInStepMeta } from './user-pool-sign-in/machine';
