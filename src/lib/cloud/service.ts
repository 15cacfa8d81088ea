import type { Account } from './account';
import type { Clock } from './clock';
import type { ActorId, Explanation } from './exchange';
import type { Random } from './random';
import type { Scenario } from './scenario/types';
import type { WireRequest, WireResponse } from './wire/http-message';

/** What every simulated service receives from the cloud: the world is injected, never global. */
export interface ServiceContext {
	scenario: Scenario;
	clock: Clock;
	random: Random;
	/** The one AWS account every service shares: IAM, access keys, credentials, issuers' keys. */
	account: Account;
}

/**
 * What a service may do while answering one request: call another service through the network.
 * That call is an exchange too, drawn from this service's lifeline, logged in the order it was
 * sent and with the exchange being answered as its parent.
 */
export interface ServiceCall {
	/** The id of the exchange being answered. */
	readonly exchangeId: number;
	send(request: WireRequest): Promise<WireResponse>;
	/** Records how the service decided, shown beside this exchange in the inspector. */
	explain(explanation: Explanation): void;
}

/**
 * A simulated AWS (or external) service. `handle` must answer every request, however malformed,
 * with the response the real service would give; it never rejects. Requests and responses are
 * plain data (see `WireRequest`).
 */
export interface Service {
	/** The lifeline this service is drawn on. */
	actor: ActorId;
	/** Whether this service answers requests for `url` (routing by host and path, as AWS does). */
	matches(url: URL): boolean;
	/**
	 * The arrow's label in the service's own terms: the operation (`InitiateAuth` from
	 * `X-Amz-Target`, `AssumeRoleWithWebIdentity` from `Action`, `GetObject` from method and
	 * path). Without it the label is `METHOD /path`.
	 */
	label?(request: WireRequest, url: URL): string;
	handle(request: WireRequest, call: ServiceCall): Promise<WireResponse>;
}

/**
 * A service registered by host whose code is imported on its first request, so a page whose flow
 * never calls S3 never downloads S3.
 */
export interface LazyService {
	actor: ActorId;
	matches(url: URL): boolean;
	load(): Promise<Service>;
}
