import type { FlowCatalogueEntry } from '$lib/flows';
import type { RunReply, RunRequest } from './run-flow.worker';
import type { RunResult, RunSettings } from './run-flow';

/** Runs a flow and resolves with the newest run; an older one still running is abandoned. */
export interface FlowRunner {
	run(settings: RunSettings): Promise<RunResult>;
	dispose(): void;
}

/**
 * A runner backed by a module worker, so a run never blocks the page. Asking for a new run while
 * one is in flight ends that worker (the learner already changed their mind) and starts a fresh
 * one, rather than queueing runs nobody will look at. Without worker support, or when the worker
 * fails to start, runs on the page.
 *
 * @example
 * const runner = createFlowRunner(findFlow('user-pool-sign-in')!);
 * const { run } = await runner.run({ choices: { user: 'bob' }, mistakes: [], clock: 0 });
 */
export function createFlowRunner(flow: FlowCatalogueEntry): FlowRunner {
	if (typeof Worker === 'undefined') return mainThreadRunner(flow);
	const fallback = mainThreadRunner(flow);
	// A host that cannot start the worker (a wrong MIME type, a stricter CSP) still gets its run.
	let workerBroken = false;
	let worker: Worker | null = null;
	let pending: { id: number; reject: (error: Error) => void } | null = null;
	let ids = 0;

	const start = () =>
		new Worker(new URL('./run-flow.worker.ts', import.meta.url), { type: 'module' });

	return {
		run(settings) {
			if (workerBroken) return fallback.run(settings);
			if (pending && worker) {
				worker.terminate();
				worker = null;
				pending.reject(new RunAbandonedError());
			}
			worker ??= start();
			const id = ++ids;
			const current = worker;
			return new Promise<RunResult>((resolve, reject) => {
				pending = { id, reject };
				current.onmessage = ({ data }: MessageEvent<RunReply>) => {
					if (data.id !== id) return;
					pending = null;
					if ('error' in data) reject(new Error(data.error));
					else resolve(data.result);
				};
				current.onerror = (event) => {
					event.preventDefault();
					pending = null;
					workerBroken = true;
					current.terminate();
					if (worker === current) worker = null;
					fallback.run(settings).then(resolve, reject);
				};
				const request: RunRequest = { id, flowId: flow.id, settings };
				current.postMessage(request);
			});
		},
		dispose() {
			worker?.terminate();
			worker = null;
		}
	};
}

/** A run replaced by a newer one before it finished; not an error to show. */
export class RunAbandonedError extends Error {
	override name = 'RunAbandonedError';
	constructor() {
		super('A newer run replaced this one');
	}
}

function mainThreadRunner(flow: FlowCatalogueEntry): FlowRunner {
	return {
		async run(settings) {
			const { runFlow } = await import('./run-flow');
			return runFlow(flow, settings);
		},
		dispose() {}
	};
}
