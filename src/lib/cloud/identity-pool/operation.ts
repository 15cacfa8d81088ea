import type { Explanation } from '../exchange';
import type { WireRequest } from '../wire';
import type { IdentityPoolModel } from './model';

/** What every operation receives: the pool's state, the request, and a way to explain itself. */
export interface OperationContext {
	model: IdentityPoolModel;
	request: WireRequest;
	/** Records a decision for the inspector; `undefined` (nothing was checked) is ignored. */
	explain(explanation: Explanation | undefined): void;
}

export type Operation = (
	context: OperationContext,
	input: Record<string, unknown>
) => Promise<unknown>;
