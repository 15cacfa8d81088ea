import { describe, expect, it } from 'vitest';
import { createClock, type Service } from '$lib/cloud';
import { createExchangeLog } from '$lib/cloud/exchange-log';
import { createNetwork } from '$lib/cloud/network';

const t0 = Date.UTC(2026, 10, 3, 9, 5, 7);

/** A service on `host` that echoes what it received; `onHandle` runs as it starts answering. */
function echoService(host: string, actor: string, onHandle?: () => void): Service {
	return {
		actor,
		matches: (url) => url.host === host,
		async handle(request) {
			onHandle?.();
			const body = await request.text();
			return new Response(JSON.stringify({ actor, method: request.method, body }), {
				status: 201,
				statusText: 'Created',
				headers: { 'content-type': 'application/json', 'x-served-by': actor }
			});
		}
	};
}

function setup() {
	const clock = createClock({ fixed: t0 });
	const log = createExchangeLog();
	const network = createNetwork(clock, log);
	return { clock, log, network };
}

describe('createNetwork', () => {
	it('routes each request to the service that answers its host', async () => {
		const { network } = setup();
		network.register(echoService('a.example.com', 'service-a'));
		network.register(echoService('b.example.com', 'service-b'));
		const a = await network.fetch('https://a.example.com/x', { method: 'POST', body: '1' });
		const b = await network.fetch(new URL('https://b.example.com/y'));
		expect(await a.json()).toEqual({ actor: 'service-a', method: 'POST', body: '1' });
		expect(await b.json()).toEqual({ actor: 'service-b', method: 'GET', body: '' });
	});

	it('gives a request to the first registered service that matches it', async () => {
		const { network } = setup();
		network.register(echoService('a.example.com', 'first'));
		network.register(echoService('a.example.com', 'second'));
		const response = await network.fetch('https://a.example.com/');
		expect(response.headers.get('x-served-by')).toBe('first');
	});

	it('records from, to, label, status, headers, both bodies and the simulated time of sending', async () => {
		const { network, log, clock } = setup();
		// The service takes a simulated second: `at` is when the request left, not when it came back.
		network.register(echoService('a.example.com', 'service-a', () => clock.advance(1_000)));
		await network.fetch(
			'https://a.example.com/path?q=1',
			{ method: 'PUT', headers: { 'X-Custom': 'Yes' }, body: 'hello' },
			'back-end'
		);
		expect(log.entries).toEqual([
			{
				id: 1,
				from: 'back-end',
				to: 'service-a',
				label: 'PUT /path',
				request: {
					method: 'PUT',
					url: 'https://a.example.com/path?q=1',
					headers: [
						['content-type', 'text/plain;charset=UTF-8'],
						['x-custom', 'Yes']
					],
					body: 'hello'
				},
				response: {
					status: 201,
					statusText: 'Created',
					headers: [
						['content-type', 'application/json'],
						['x-served-by', 'service-a']
					],
					body: '{"actor":"service-a","method":"PUT","body":"hello"}'
				},
				at: t0
			}
		]);
	});

	it('records a request as coming from the app unless told otherwise', async () => {
		const { network, log } = setup();
		network.register(echoService('a.example.com', 'service-a'));
		await network.fetch('https://a.example.com/');
		expect(log.entries[0]!.from).toBe('app');
	});

	it('labels an AWS JSON call with its operation, not its path', async () => {
		const { network, log } = setup();
		network.register(echoService('cognito-idp.us-east-1.amazonaws.com', 'user-pool'));
		await network.fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
			method: 'POST',
			headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
			body: '{}'
		});
		await network.fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
			method: 'POST',
			headers: { 'X-Amz-Target': 'NoDotAtAll' },
			body: '{}'
		});
		await network.fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
			method: 'POST',
			headers: { 'X-Amz-Target': 'EndsWithADot.' },
			body: '{}'
		});
		expect(log.entries.map((e) => e.label)).toEqual([
			'InitiateAuth',
			'NoDotAtAll',
			'EndsWithADot.'
		]);
	});

	it('leaves both bodies readable: the caller and the service each get the whole body', async () => {
		const { network } = setup();
		network.register(echoService('a.example.com', 'service-a'));
		const response = await network.fetch('https://a.example.com/', { method: 'POST', body: 'abc' });
		expect(response.bodyUsed).toBe(false);
		expect((await response.json()).body).toBe('abc');
	});

	it('records at most 64 KiB of a body and says how much was left out', async () => {
		const { network, log } = setup();
		network.register(echoService('a.example.com', 'service-a'));
		const big = 'x'.repeat(64 * 1024 + 10);
		const response = await network.fetch('https://a.example.com/', { method: 'POST', body: big });
		expect(log.entries[0]!.request.body).toBe(
			`${'x'.repeat(64 * 1024)}… (10 more characters not recorded)`
		);
		expect((await response.json()).body).toHaveLength(64 * 1024 + 10);
	});

	it('rejects a request to a host no service answers with a TypeError, and records nothing', async () => {
		const { network, log } = setup();
		network.register(echoService('a.example.com', 'service-a'));
		await expect(network.fetch('https://nowhere.example.com/')).rejects.toThrow(
			new TypeError('fetch failed: no simulated host answers nowhere.example.com')
		);
		await expect(network.fetch('https://nowhere.example.com/')).rejects.toBeInstanceOf(TypeError);
		expect(log.entries).toEqual([]);
	});

	it.each([
		['an Error', new Error('boom'), 'boom'],
		['a string', 'plain string', 'plain string']
	])(
		'turns a service that throws %s into a recorded 500 InternalErrorException',
		async (_, thrown, message) => {
			const { network, log } = setup();
			network.register({
				actor: 'broken',
				matches: () => true,
				handle: async () => {
					throw thrown;
				}
			});
			const response = await network.fetch('https://broken.example.com/', {
				method: 'POST',
				body: '{}'
			});
			expect(response.status).toBe(500);
			expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
			expect(response.headers.get('x-amzn-errortype')).toBe('InternalErrorException:');
			expect(await response.json()).toEqual({ __type: 'InternalErrorException', message });
			expect(log.entries).toHaveLength(1);
			expect(log.entries[0]!.to).toBe('broken');
			expect(log.entries[0]!.response.status).toBe(500);
		}
	);

	it('notifies log subscribers as each exchange completes', async () => {
		const { network, log } = setup();
		network.register(echoService('a.example.com', 'service-a'));
		const labels: string[] = [];
		log.subscribe((e) => labels.push(e.label));
		await network.fetch('https://a.example.com/one');
		await network.fetch('https://a.example.com/two', { method: 'DELETE' });
		expect(labels).toEqual(['GET /one', 'DELETE /two']);
	});
});
