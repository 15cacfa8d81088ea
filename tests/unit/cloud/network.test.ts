import { describe, expect, it } from 'vitest';
import { createClock, type LazyService, type Service } from '$lib/cloud';
import { bodyText, header, wireResponse } from '$lib/cloud/wire';
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
			const body = bodyText(request);
			return wireResponse(
				201,
				{ 'content-type': 'application/json', 'x-served-by': actor },
				JSON.stringify({ actor, method: request.method, body })
			);
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

	it("records each exchange's outcome, read from the whole body even when the record is cut", async () => {
		const { network, log } = setup();
		const padding = ' '.repeat(70 * 1024);
		network.register({
			actor: 's3',
			matches: (url) => url.host === 'bucket.example.com',
			handle: async () =>
				wireResponse(
					403,
					{ 'content-type': 'application/xml' },
					`<?xml version="1.0"?>${padding}<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`
				)
		});
		await network.fetch('https://bucket.example.com/key');
		const [exchange] = log.entries;
		expect(exchange!.response.body).not.toContain('AccessDenied');
		expect(exchange!.outcome).toEqual({
			ok: false,
			status: 403,
			code: 'AccessDenied',
			message: 'Access Denied'
		});
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
						['x-custom', 'Yes'],
						['content-type', 'text/plain;charset=UTF-8']
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
				outcome: { ok: true, status: 201, code: null, message: null },
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

	it("labels an arrow with the service's own name for the request, else METHOD /path", async () => {
		const { network, log } = setup();
		network.register({
			...echoService('sts.amazonaws.com', 'sts'),
			label: (request) => new URLSearchParams(bodyText(request)).get('Action') ?? ''
		});
		network.register({
			...echoService('s3.example.com', 's3'),
			label: () => {
				throw new Error('a label must never break a request');
			}
		});
		await network.fetch('https://sts.amazonaws.com/', {
			method: 'POST',
			body: 'Action=AssumeRoleWithWebIdentity'
		});
		await network.fetch('https://sts.amazonaws.com/', { method: 'POST', body: 'x=1' });
		await network.fetch('https://s3.example.com/key', { method: 'PUT', body: 'x' });
		expect(log.entries.map((e) => e.label)).toEqual([
			'AssumeRoleWithWebIdentity',
			'POST /',
			'PUT /key'
		]);
	});

	it('keeps Cookie, Origin and Host for the service and Set-Cookie in the record (browsers drop them on platform objects)', async () => {
		const { network, log } = setup();
		const seen: (string | null)[] = [];
		network.register({
			actor: 'login',
			matches: () => true,
			async handle(request) {
				seen.push(header(request, 'cookie'), header(request, 'origin'), header(request, 'host'));
				return wireResponse(302, [
					['location', 'https://app.example.com/'],
					['set-cookie', 'a=1; Secure'],
					['set-cookie', 'b=2; Secure']
				]);
			}
		});
		const response = await network.send(
			{
				method: 'GET',
				url: 'https://login.example.com/',
				headers: [
					['cookie', 'session=abc'],
					['origin', 'https://app.example.com'],
					['host', 'login.example.com']
				],
				body: new Uint8Array()
			},
			{ from: 'browser' }
		);
		expect(seen).toEqual(['session=abc', 'https://app.example.com', 'login.example.com']);
		expect(response.headers.filter(([n]) => n === 'set-cookie')).toHaveLength(2);
		expect(log.entries[0]!.response.headers).toContainEqual(['set-cookie', 'b=2; Secure']);
		expect(log.entries[0]!.response.statusText).toBe('Found');
	});

	it('logs a call a service makes while answering in the order it was sent, with its parent, from that service', async () => {
		const { network, log } = setup();
		network.register(echoService('cognito-identity.example.com', 'identity-pool'));
		network.register({
			actor: 'back-end',
			matches: (url) => url.host === 'api.example.com',
			async handle(_request, call) {
				const inner = await call.send({
					method: 'POST',
					url: 'https://cognito-identity.example.com/',
					headers: [],
					body: new Uint8Array()
				});
				return wireResponse(200, { 'content-type': 'application/json' }, inner.body);
			}
		});
		await network.fetch('https://api.example.com/sign-in', { method: 'POST', body: '{}' });
		expect(log.entries.map((e) => [e.id, e.from, e.to, e.parent])).toEqual([
			[1, 'app', 'back-end', undefined],
			[2, 'back-end', 'identity-pool', 1]
		]);
	});

	it('keeps what a service explains about its decision with the exchange', async () => {
		const { network, log } = setup();
		network.register({
			actor: 's3',
			matches: () => true,
			async handle(_request, call) {
				call.explain({
					kind: 'permissions',
					title: 'IAM policy evaluation',
					verdict: 'fail',
					checks: [{ label: 'Statement ReadPublic', value: 's3:GetObject', verdict: 'skip' }]
				});
				return wireResponse(403, { 'content-type': 'application/xml' }, '<Error/>');
			}
		});
		await network.fetch('https://bucket.s3.us-east-1.amazonaws.com/a');
		await network.fetch('https://bucket.s3.us-east-1.amazonaws.com/b', { method: 'HEAD' });
		expect(log.entries[0]!.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
			['permissions', 'fail']
		]);
	});

	it('imports a lazily registered service on its first request only', async () => {
		const { network } = setup();
		let loads = 0;
		const lazy: LazyService = {
			actor: 's3',
			matches: (url) => url.host === 'bucket.s3.us-east-1.amazonaws.com',
			load: async () => {
				loads++;
				return echoService('bucket.s3.us-east-1.amazonaws.com', 's3');
			}
		};
		network.register(lazy);
		expect(loads).toBe(0);
		await network.fetch('https://bucket.s3.us-east-1.amazonaws.com/a');
		await network.fetch('https://bucket.s3.us-east-1.amazonaws.com/b');
		expect(loads).toBe(1);
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
