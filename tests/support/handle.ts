import type { Service } from '$lib/cloud';
import { toResponse, toWireRequest } from '$lib/cloud/wire';

/**
 * Sends one platform `Request` straight to a service, as the network would, and answers with a
 * platform `Response`: for tests of one service on the wire, without the rest of the cloud.
 */
export async function handle(service: Service, request: Request): Promise<Response> {
	const call = {
		exchangeId: 0,
		send: () => Promise.reject(new Error('This test gives the service no network')),
		explain: () => undefined
	};
	return toResponse(await service.handle(await toWireRequest(request), call));
}
