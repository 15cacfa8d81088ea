import type { Exchange } from './exchange';

export type ExchangeListener = (exchange: Exchange) => void;

/** The record of every exchange the network carried, in order, with subscribers. */
export interface ExchangeLog {
	readonly entries: readonly Exchange[];
	/** Calls `listener` for each new exchange; returns the function that unsubscribes. */
	subscribe(listener: ExchangeListener): () => void;
	append(exchange: Omit<Exchange, 'id'>): Exchange;
	/** Entries with an id greater than `afterId`. */
	since(afterId: number): Exchange[];
}

export function createExchangeLog(): ExchangeLog {
	const entries: Exchange[] = [];
	const listeners = new Set<ExchangeListener>();
	return {
		entries,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		append(partial) {
			const exchange: Exchange = { id: entries.length + 1, ...partial };
			entries.push(exchange);
			for (const listener of listeners) listener(exchange);
			return exchange;
		},
		since: (afterId) => entries.filter((e) => e.id > afterId)
	};
}
