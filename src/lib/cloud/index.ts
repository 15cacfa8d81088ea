export { createCloud, type Cloud, type CloudOptions } from './create-cloud';
export { createClock, type Clock, type ClockOptions } from './clock';
export { createRandom, type Random } from './random';
export type { ActorId, Exchange, RecordedRequest, RecordedResponse } from './exchange';
export type { ExchangeLog, ExchangeListener } from './exchange-log';
export type { CloudFetch } from './network';
export type { Service, ServiceContext } from './service';
export * from './scenario';
export * from './user-pool';
