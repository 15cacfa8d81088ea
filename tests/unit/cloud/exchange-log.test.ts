import { describe, expect, it, vi } from 'vitest';
import type { Exchange } from '$lib/cloud';
import { createExchangeLog, type ExchangeLog } from '$lib/cloud/exchange-log';

function partial(label: string, at = 0): Omit<Exchange, 'id'> {
	return {
		from: 'app',
		to: 'user-pool',
		label,
		request: {
			method: 'POST',
			url: 'https://cognito-idp.us-east-1.amazonaws.com/',
			headers: [],
			body: '{}'
		},
		response: { status: 200, statusText: '', headers: [], body: '{}' },
		outcome: { ok: true, status: 200, code: null, message: null },
		at
	};
}

/** Sends and answers at once: the common case. */
const append = (log: ExchangeLog, given: Omit<Exchange, 'id'>) =>
	log.close({ id: log.open(), ...given });

describe('createExchangeLog', () => {
	it('numbers exchanges from 1 in the order they are appended and keeps that order', () => {
		const log = createExchangeLog();
		const first = append(log, partial('InitiateAuth', 10));
		const second = append(log, partial('RespondToAuthChallenge', 20));
		expect(first.id).toBe(1);
		expect(second.id).toBe(2);
		expect(log.entries.map((e) => [e.id, e.label])).toEqual([
			[1, 'InitiateAuth'],
			[2, 'RespondToAuthChallenge']
		]);
	});

	it('returns the stored exchange, with every field it was given', () => {
		const log = createExchangeLog();
		const given = partial('GetUser', 42);
		expect(append(log, given)).toEqual({ id: 1, ...given });
		expect(log.entries[0]).toEqual({ id: 1, ...given });
	});

	it('calls each subscriber with each new exchange, in order, from subscription on', () => {
		const log = createExchangeLog();
		append(log, partial('before'));
		const seen: string[] = [];
		const other = vi.fn();
		log.subscribe((e) => seen.push(`${e.id}:${e.label}`));
		log.subscribe(other);
		append(log, partial('a'));
		append(log, partial('b'));
		expect(seen).toEqual(['2:a', '3:b']);
		expect(other).toHaveBeenCalledTimes(2);
		expect(other).toHaveBeenLastCalledWith(log.entries[2]);
	});

	it('stops calling a subscriber once it unsubscribes, and unsubscribing twice is harmless', () => {
		const log = createExchangeLog();
		const listener = vi.fn();
		const unsubscribe = log.subscribe(listener);
		append(log, partial('a'));
		unsubscribe();
		unsubscribe();
		append(log, partial('b'));
		expect(listener).toHaveBeenCalledTimes(1);
	});

	it('lists a call made while answering another in the order it was sent, announced when answered', () => {
		const log = createExchangeLog();
		const heard: number[] = [];
		log.subscribe((e) => heard.push(e.id));
		const outer = log.open();
		const inner = log.open();
		log.close({ id: inner, ...partial('inner'), parent: outer });
		expect(log.entries.map((e) => e.label)).toEqual(['inner']);
		log.close({ id: outer, ...partial('outer') });
		expect(log.entries.map((e) => [e.id, e.label, e.parent])).toEqual([
			[1, 'outer', undefined],
			[2, 'inner', 1]
		]);
		expect(heard).toEqual([2, 1]);
		expect(log.lastId).toBe(2);
	});

	it('since(id) lists the exchanges after that id, in order', () => {
		const log = createExchangeLog();
		for (const label of ['a', 'b', 'c', 'd']) append(log, partial(label));
		expect(log.since(0).map((e) => e.label)).toEqual(['a', 'b', 'c', 'd']);
		expect(log.since(2).map((e) => e.label)).toEqual(['c', 'd']);
		expect(log.since(4)).toEqual([]);
		expect(log.since(99)).toEqual([]);
	});

	it('holds plain data that survives structuredClone and JSON unchanged', () => {
		const log = createExchangeLog();
		append(log, partial('a', 1));
		expect(structuredClone(log.entries)).toEqual(log.entries);
		expect(JSON.parse(JSON.stringify(log.entries))).toEqual(log.entries);
	});
});
