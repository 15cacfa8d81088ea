import type { Clock } from './clock';
import type { ActorId } from './exchange';
import type { Random } from './random';
import type { Scenario } from './scenario/types';

/** What every simulated service receives from the cloud: the world is injected, never global. */
export interface ServiceContext {
	scenario: Scenario;
	clock: Clock;
	random: Random;
}

/**
 * A simulated AWS (or external) service. `handle` must answer every request, however malformed,
 * with the response the real service would give; it never rejects.
 */
export interface Service {
	/** The lifeline this service is drawn on. */
	actor: ActorId;
	/** Whether this service answers requests for `url` (routing by host and path, as AWS does). */
	matches(url: URL): boolean;
	handle(request: Request): Promise<Response>;
}
