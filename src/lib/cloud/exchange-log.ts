import type { Exchange } from './exchange';

export type ExchangeListener = (exchange: Exchange) => void;

/**
 * The record of every exchange the network carried, with subscribers. Ids follow the order the
 * requests were sent: a call a service makes while answering another gets its id before the
 * outer exchange is answered, so an exchange is recorded (and announced) when its answer comes,
 * but always listed in send order.
 */
export interface ExchangeLog {
	/** Answered exchanges, in send order. */
	readonly entries: readonly Exchange[];
	/** Calls `listener` as each exchange is answered; returns the function that unsubscribes. */
	subscribe(listener: ExchangeListener): () => void;
	/** Reserves the next id for a request being sent. */
	open(): number;
	/** Records the answered exchange under the id `open` gave. */
	close(exchange: Exchange): Exchange;
	/** Answered entries with an id greater than `afterId`, in send order. */
	since(afterId: number): Exchange[];
	/** The last id given out (0 before any request). */
	readonly lastId: number;
}

export function createExchangeLog(): ExchangeLog {
	const slots: (Exchange | undefined)[] = [];
	const listeners = new Set<ExchangeListener>();
	const answered = () => slots.filter((e): e is Exchange => e !== undefined);
	return {
		get entries() {
			return answered();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		open() {
			slots.push(undefined);
			return slots.length;
		},
		close(exchange) {
			slots[exchange.id - 1] = exchange;
			for (const listener of listeners) listener(exchange);
			return exchange;
		},
		since: (afterId) => answered().filter((e) => e.id > afterId),
		get lastId() {
			return slots.length;
		}
	};
}
