// The flows layer's only door. Nothing here names a flow: the catalogue finds each flow's folder.
// Runners are reached through `flowCatalogue[i].load()` so that a page's first load does not pull
// in xstate, jose or the SRP maths.
export { findFlow, flowCatalogue, type FlowCatalogueEntry, type FlowModule } from './registry';
export { actor, actorCatalogue, type CatalogueActorId } from './actors';
export { demoUsers, type DemoUser } from './demo-users';
export type {
	FlowActor,
	FlowChoice,
	FlowChoiceOption,
	FlowDefinition,
	FlowMistakeDefinition,
	FlowRun,
	FlowRunFunction,
	FlowRunOptions,
	FlowRunStep,
	FlowStepDefinition,
	FlowTrust
} from './types';
