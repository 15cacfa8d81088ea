import type { Clock } from './clock';
import type { ActorId, Exchange, Explanation, RecordedRequest, RecordedResponse } from './exchange';
import type { ExchangeLog } from './exchange-log';
import type { LazyService, Service, ServiceCall } from './service';
import {
	bodyText,
	toResponse,
	toWireRequest,
	wireResponse,
	type WireRequest,
	type WireResponse
} from './wire/http-message';
import { readOutcome } from './wire/read-outcome';

/** `fetch`-shaped: what the flows, jose and the AWS SDK request handler call. */
export type CloudFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Who sends a request, and on behalf of which exchange (a service calling another). */
export interface Sender {
	from: ActorId;
	parent?: number;
}

export interface Network {
	/** Sends a plain request and records the exchange. The core every other door goes through. */
	send(request: WireRequest, sender: Sender): Promise<WireResponse>;
	/** `fetch` at the edge: platform objects in and out, plain data inside. */
	fetch(input: RequestInfo | URL, init?: RequestInit, from?: ActorId): Promise<Response>;
	register(service: Service | LazyService): void;
}

/**
 * Routes requests to services by URL and records each exchange. A host no service answers behaves
 * like a failed DNS look-up in a real browser: the send rejects with a TypeError and nothing is
 * recorded, because nothing crossed the network.
 */
export function createNetwork(clock: Clock, log: ExchangeLog): Network {
	const registered: (Service | LazyService)[] = [];
	const loaded = new Map<LazyService, Promise<Service>>();

	const serviceFor = async (url: URL): Promise<Service | undefined> => {
		const entry = registered.find((s) => s.matches(url));
		if (!entry || !('load' in entry)) return entry;
		if (!loaded.has(entry)) loaded.set(entry, entry.load());
		return loaded.get(entry)!;
	};

	const network: Network = {
		register: (service) => void registered.push(service),
		async send(request, sender) {
			const url = new URL(request.url);
			const service = await serviceFor(url);
			if (!service) throw new TypeError(`fetch failed: no simulated host answers ${url.host}`);
			const id = log.open();
			const at = clock.now();
			const explanations: Explanation[] = [];
			const call: ServiceCall = {
				exchangeId: id,
				send: (inner) => network.send(inner, { from: service.actor, parent: id }),
				explain: (explanation) => void explanations.push(structuredClone(explanation))
			};
			const response = await answer(service, request, call);
			const exchange: Exchange = {
				id,
				from: sender.from,
				to: service.actor,
				label: labelFor(service, request, url),
				request: record(request),
				response: record(response),
				// From the whole body: the recorded one may be cut short.
				outcome: readOutcome(response),
				at,
				...(sender.parent !== undefined && { parent: sender.parent }),
				...(explanations.length > 0 && { explanations })
			};
			log.close(exchange);
			return response;
		},
		async fetch(input, init, from = 'app') {
			const response = await network.send(await toWireRequest(input, init), { from });
			return toResponse(response);
		}
	};
	return network;
}

async function answer(service: Service, request: WireRequest, call: ServiceCall) {
	try {
		return await service.handle(request, call);
	} catch (error) {
		// A service bug must still look like AWS on the wire; the property tests hunt for these.
		const message = error instanceof Error ? error.message : String(error);
		return wireResponse(
			500,
			{
				'content-type': 'application/x-amz-json-1.1',
				'x-amzn-errortype': 'InternalErrorException:'
			},
			JSON.stringify({ __type: 'InternalErrorException', message })
		);
	}
}

function labelFor(service: Service, request: WireRequest, url: URL): string {
	try {
		const label = service.label?.(request, url);
		if (label) return label;
	} catch {
		// A label is decoration; a malformed request still gets its arrow.
	}
	return `${request.method} ${url.pathname}`;
}

const recordLimit = 64 * 1024;

function record(message: WireRequest): RecordedRequest;
function record(message: WireResponse): RecordedResponse;
function record(message: WireRequest | WireResponse): RecordedRequest | RecordedResponse {
	const text = bodyText(message);
	const body =
		text.length > recordLimit
			? `${text.slice(0, recordLimit)}… (${text.length - recordLimit} more characters not recorded)`
			: text;
	const headers = message.headers.map(([n, v]): [string, string] => [n, v]);
	return 'method' in message
		? { method: message.method, url: message.url, headers, body }
		: { status: message.status, statusText: message.statusText, headers, body };
}
