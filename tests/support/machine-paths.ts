// What every flow's machine test does with @xstate/graph, in one place: enumerate the simple paths
// a machine can take (each invoked actor offered its representative outputs and errors), run it
// for real, and check that the enumerated paths cover every transition.
import { getSimplePaths, toDirectedGraph, type DirectedGraphNode } from '@xstate/graph';
import {
	__unsafe_getAllOwnEventDescriptors,
	createActor,
	toPromise,
	type AnyEventObject,
	type AnyStateMachine,
	type InputFrom,
	type OutputFrom
} from 'xstate';

type Snapshot = Parameters<typeof __unsafe_getAllOwnEventDescriptors>[0];

/**
 * The events @xstate/graph may send a snapshot: for each actor it invokes, a done event per
 * representative output (`outputs` by the actor's `src`) and an error event per `errors` entry.
 *
 * @example actorOutcomes({ getId: ['us-east-1:guest'] }, [new Error('refused')])
 */
export function actorOutcomes(outputs: Record<string, unknown[]>, errors: unknown[]) {
	return (snapshot: Snapshot): AnyEventObject[] =>
		__unsafe_getAllOwnEventDescriptors(snapshot).flatMap((type): AnyEventObject[] => {
			const [, kind, actorId] = /^xstate\.(done|error)\.actor\.(.+)$/.exec(type) ?? [];
			if (!kind || !actorId)
				throw new Error(`The machine handles an event the test cannot send: ${type}`);
			if (kind === 'error') return errors.map((error) => ({ type, actorId, error }));
			const options = outputs[actorId] ?? outputs[sourceOf(snapshot, actorId)];
			if (!options) throw new Error(`No representative outputs for the invoked actor ${actorId}`);
			return options.map((output) => ({ type, actorId, output }));
		});
}

/** The `src` of the actor a snapshot's state invokes as `actorId` (xstate names unnamed ones). */
function sourceOf(snapshot: Snapshot, actorId: string): string {
	const node = snapshot._nodes.find((n) => n.invoke.some((i) => i.id === actorId));
	const src = node?.invoke.find((i) => i.id === actorId)?.src;
	return typeof src === 'string' ? src : '';
}

/**
 * Every simple path from the initial state to a final one, as the state keys it visits, over all
 * `inputs` (typically: no mistake, then each mistake alone). Paths found for several inputs count
 * once.
 */
export function enumeratePaths<TMachine extends AnyStateMachine>(
	machine: TMachine,
	inputs: readonly InputFrom<TMachine>[],
	events: (snapshot: Snapshot) => AnyEventObject[]
): string[][] {
	const found = new Map<string, string[]>();
	for (const input of inputs) {
		const paths = getSimplePaths(machine, {
			input,
			// The graph types events by the machine's own; actors' done and error events are xstate's.
			events: events as never,
			serializeState: (snapshot) => JSON.stringify(snapshot.value)
		});
		for (const path of paths) {
			if (path.state.status !== 'done') continue;
			const keys = path.steps.map((step) => String((step.state as { value: unknown }).value));
			found.set(keys.join(' → '), keys);
		}
	}
	return [...found.values()];
}

/**
 * The `meta.step` of each top-level state, in the order the machine declares them. States naming
 * no step (transient ones) are skipped, unless `everyNonFinalState`: for a machine whose every
 * state but its final ones is a step, such a state is listed as `undefined`, so the comparison
 * with the definition's steps fails instead of passing over it.
 */
export function stepsInMeta(
	machine: AnyStateMachine,
	options: { everyNonFinalState?: boolean } = {}
): (string | undefined)[] {
	return Object.values(machine.states).flatMap((node) => {
		const step = (node.meta as { step?: string } | undefined)?.step;
		if (options.everyNonFinalState) return node.type === 'final' ? [] : [step];
		return step ? [step] : [];
	});
}

/**
 * The machine's transitions that no path walks. A transient state (one left by `always` at once,
 * never seen in a snapshot) counts as walked through when a path goes from one of its sources to
 * one of its targets.
 */
export function untravelledEdges(machine: AnyStateMachine, paths: readonly string[][]): string[] {
	const edges: [string, string][] = [];
	const collect = (node: DirectedGraphNode) => {
		for (const edge of node.edges) edges.push([local(edge.source.key), local(edge.target.key)]);
		node.children.forEach(collect);
	};
	collect(toDirectedGraph(machine));
	const walked = new Set(paths.flatMap((p) => p.slice(1).map((key, i) => `${p[i]} → ${key}`)));
	const seen = new Set(paths.flat());
	// toDirectedGraph leaves out eventless (`always`) transitions: read those from the state node.
	const targets = (state: string) => [
		...edges.filter(([from]) => from === state).map(([, to]) => to),
		...((machine.states[state]?.always ?? []) as { target?: { key: string }[] }[]).flatMap(
			(t) => t.target?.map((n) => n.key) ?? []
		)
	];
	const sources = (state: string) => edges.filter(([, to]) => to === state).map(([from]) => from);
	return edges
		.filter(([from, to]) => {
			if (walked.has(`${from} → ${to}`)) return false;
			if (!seen.has(to)) return !targets(to).some((t) => walked.has(`${from} → ${t}`));
			if (!seen.has(from)) return !sources(from).some((s) => walked.has(`${s} → ${to}`));
			return true;
		})
		.map(([from, to]) => `${from} → ${to}`);
}

/** `machineId.state` as the snapshots name it: `state`. */
function local(key: string): string {
	return key.slice(key.indexOf('.') + 1);
}

/** Runs the machine to its end with `input`, returning the state keys it visited and its output. */
export async function visit<TMachine extends AnyStateMachine>(
	machine: TMachine,
	input: InputFrom<TMachine>
): Promise<{ visited: string[]; output: OutputFrom<TMachine> }> {
	const actor = createActor(machine, { input });
	const visited: string[] = [];
	actor.subscribe((s) => {
		const key = String((s as { value: unknown }).value);
		if (visited.at(-1) !== key) visited.push(key);
	});
	actor.start();
	const output = (await toPromise(actor)) as OutputFrom<TMachine>;
	return { visited, output };
}

/** An exchange as a machine test lists it: its arrow's label, status and error name. */
export interface SeenExchange {
	label: string;
	status: number;
	code: string | null;
}

export const seen = (label: string, status = 200, code: string | null = null): SeenExchange => ({
	label,
	status,
	code
});
