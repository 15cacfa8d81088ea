import type { Clock } from './clock';
import type { ActorId, RecordedRequest, RecordedResponse } from './exchange';
import type { ExchangeLog } from './exchange-log';
import type { Service } from './service';

/** `fetch`-shaped: what the flows, jose and the AWS SDK request handler call. */
export type CloudFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface Network {
	/** Sends a request as `from` (default: the app in the browser) and records the exchange. */
	fetch(input: RequestInfo | URL, init?: RequestInit, from?: ActorId): Promise<Response>;
	register(service: Service): void;
}

/**
 * Routes requests to services by URL and records each exchange. A host no service answers behaves
 * like a failed DNS look-up in a real browser: `fetch` rejects with a TypeError and nothing is
 * recorded, because nothing crossed the network.
 */
export function createNetwork(clock: Clock, log: ExchangeLog): Network {
	const services: Service[] = [];
	return {
		register: (service) => void services.push(service),
		async fetch(input, init, from = 'app') {
			const request = new Request(input, init);
			const url = new URL(request.url);
			const service = services.find((s) => s.matches(url));
			if (!service) throw new TypeError(`fetch failed: no simulated host answers ${url.host}`);
			const at = clock.now();
			const recordedRequest = await recordRequest(request.clone());
			const response = await answer(service, request);
			log.append({
				from,
				to: service.actor,
				label: labelFor(request, url),
				request: recordedRequest,
				response: await recordResponse(response.clone()),
				at
			});
			return response;
		}
	};
}

async function answer(service: Service, request: Request): Promise<Response> {
	try {
		return await service.handle(request);
	} catch (error) {
		// A service bug must still look like AWS on the wire; the property test hunts for these.
		const message = error instanceof Error ? error.message : String(error);
		return new Response(JSON.stringify({ __type: 'InternalErrorException', message }), {
			status: 500,
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amzn-errortype': 'InternalErrorException:'
			}
		});
	}
}

/** The arrow label: the AWS operation for AWS JSON calls, otherwise `METHOD /path`. */
function labelFor(request: Request, url: URL): string {
	const target = request.headers.get('x-amz-target');
	if (target) return target.slice(target.lastIndexOf('.') + 1) || target;
	return `${request.method} ${url.pathname}`;
}

async function recordRequest(request: Request): Promise<RecordedRequest> {
	return {
		method: request.method,
		url: request.url,
		headers: [...request.headers],
		body: await safeText(request)
	};
}

async function recordResponse(response: Response): Promise<RecordedResponse> {
	return {
		status: response.status,
		statusText: response.statusText,
		headers: [...response.headers],
		body: await safeText(response)
	};
}

const recordLimit = 64 * 1024;

async function safeText(message: Request | Response): Promise<string> {
	try {
		const text = await message.text();
		return text.length > recordLimit
			? `${text.slice(0, recordLimit)}… (${text.length - recordLimit} more characters not recorded)`
			: text;
	} catch {
		return '';
	}
}
