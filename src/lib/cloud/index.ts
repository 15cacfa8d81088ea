export { createCloud, type Cloud, type CloudOptions } from './create-cloud';
export { createClock, type Clock, type ClockOptions } from './clock';
export { createRandom, type Random } from './random';
export type {
	ActorId,
	Exchange,
	Explanation,
	ExplanationCheck,
	RecordedRequest,
	RecordedResponse
} from './exchange';
export type { ExchangeLog, ExchangeListener } from './exchange-log';
export type { Outcome } from './wire/read-outcome';
export type { CloudFetch, Sender } from './network';
export type { LazyService, Service, ServiceCall, ServiceContext } from './service';
export * from './account';
export * from './scenario';
export * from './user-pool';
export * from './attacker';
