import type { FlowDefinition, FlowRunFunction } from './types';

/** What `load()` resolves to: the flow's runner, imported on demand. */
export interface FlowModule {
	run: FlowRunFunction;
}

/** A flow as the pages list it: its definition (small static data) and its lazy runner. */
export interface FlowCatalogueEntry extends FlowDefinition {
	/** Imports the machine and its runner (xstate, jose, SRP stay out of the first load). */
	load: () => Promise<FlowModule>;
}

// Every flow folder with a definition is a flow: definitions are tiny data, bundled eagerly; each
// runner becomes its own chunk, fetched when a page first runs that flow.
const definitions = import.meta.glob<{ definition: FlowDefinition }>('./*/definition.ts', {
	eager: true
});
const runners = import.meta.glob<FlowModule>('./*/run.ts');

/** Every flow, by folder name. A definition whose id is not its folder's name is a bug. */
export const flowCatalogue: readonly FlowCatalogueEntry[] = Object.entries(definitions).map(
	([path, { definition }]) => {
		const folder = path.slice('./'.length, -'/definition.ts'.length);
		if (definition.id !== folder)
			throw new TypeError(`Flow folder ${folder} defines flow "${definition.id}"`);
		const load = runners[`./${folder}/run.ts`];
		if (!load) throw new TypeError(`Flow ${folder} has no run.ts`);
		return { ...definition, load };
	}
);

/** The catalogue entry for `id`, or `undefined`. */
export function findFlow(id: string): FlowCatalogueEntry | undefined {
	return flowCatalogue.find((f) => f.id === id);
}
