import type { Service } from '../service';
import type { Clock } from '../clock';
import { bodyText, wireResponse } from '../wire/http-message';
import { attackerCollectorHost } from './attacker-host';

/** One request the collector received, as plain data. */
export interface CollectedRequest {
	/** Simulated time (epoch ms) it arrived. */
	at: number;
	method: string;
	/** Path and query, e.g. `/tokens`. */
	path: string;
	/** The body as text, cut at `collectedBodyLimit` characters. */
	body: string;
}

/** The attacker's collector: the service the cloud registers, plus what it has received. */
export interface CollectorService extends Service {
	readonly actor: 'attacker';
	readonly host: string;
	/** Every request it received, oldest first. */
	readonly received: readonly CollectedRequest[];
}

/** A collector keeps what fits in a small buffer; the rest of a huge body is dropped. */
export const collectedBodyLimit = 64 * 1024;

/**
 * A server an attacker runs to receive stolen data (`https://attacker.example/...`). Not
 * an AWS service: it answers like the simplest real collector, `204 No Content` to anything, on
 * any path, with any method or body, and a CORS header so a script in another origin's page may
 * read the answer. It never refuses: refusing would only tell the victim's browser something.
 *
 * @example const collector = createCollectorService(clock); network.register(collector);
 */
export function createCollectorService(clock: Clock): CollectorService {
	const received: CollectedRequest[] = [];
	return {
		actor: 'attacker',
		host: attackerCollectorHost,
		received,
		matches: (url) => url.host === attackerCollectorHost,
		async handle(request) {
			const url = new URL(request.url);
			const body = bodyText(request);
			received.push({
				at: clock.now(),
				method: request.method,
				path: `${url.pathname}${url.search}`,
				body: body.slice(0, collectedBodyLimit)
			});
			return wireResponse(204, { 'access-control-allow-origin': '*' });
		}
	};
}
