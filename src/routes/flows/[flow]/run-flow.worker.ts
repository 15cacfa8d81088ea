/// <reference lib="webworker" />
/**
 * Runs flows off the main thread: the SRP maths (3072-bit modular powers) and key generation take
 * long enough to block input on a slow phone. Messages carry plain data only (a `FlowRun` is
 * serialisable by design), so nothing but the result crosses back.
 */
import { findFlow } from '$lib/flows';
import { runFlow, type RunResult, type RunSettings } from './run-flow';

export interface RunRequest {
	id: number;
	flowId: string;
	settings: RunSettings;
}

export type RunReply = { id: number; result: RunResult } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async ({ data }: MessageEvent<RunRequest>) => {
	let reply: RunReply;
	try {
		const flow = findFlow(data.flowId);
		if (!flow) throw new TypeError(`There is no flow "${data.flowId}"`);
		reply = { id: data.id, result: await runFlow(flow, data.settings) };
	} catch (error) {
		const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		reply = { id: data.id, error: text };
	}
	scope.postMessage(reply);
};
