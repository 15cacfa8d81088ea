import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handle } from '../../../../tests/support/handle';
import { createAccount } from '../account';
import { createClock } from '../clock';
import { createRandom } from '../random';
import { defaultScenario } from '../scenario';
import type { ServiceContext } from '../service';
import { createBackEndService } from './back-end-service';

const t0 = Date.UTC(2026, 10, 3, 9, 5, 7);

function backEnd() {
	const scenario = structuredClone(defaultScenario);
	const random = createRandom();
	const context: ServiceContext = {
		scenario,
		clock: createClock({ fixed: t0 }),
		random,
		account: createAccount(scenario, random)
	};
	return createBackEndService(context);
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	new Request(`https://api.example.com${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

describe('the back end at api.example.com', () => {
	it('signs a demo user in and answers their id and an opaque session', async () => {
		const response = await handle(
			backEnd(),
			post('/sign-in', { username: 'alice', password: 'Own-Login-Alice-42' })
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		const body = (await response.json()) as Record<string, string>;
		expect(body).toMatchObject({ userId: 'user-1001', username: 'alice' });
		expect(body.session).toMatch(/^[A-Za-z0-9_-]{32}$/);
	});

	it('answers a wrong password and an unknown user with the same 401', async () => {
		const service = backEnd();
		for (const attempt of [
			{ username: 'alice', password: 'Own-Login-Bob-42' },
			{ username: 'mallory', password: 'Own-Login-Alice-42' }
		]) {
			const response = await handle(service, post('/sign-in', attempt));
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({
				error: 'invalid_credentials',
				message: 'Incorrect username or password.'
			});
		}
	});

	it('refuses a body that is not a JSON object with username and password strings with 400', async () => {
		const service = backEnd();
		for (const body of [
			'',
			'not json',
			'[]',
			'"alice"',
			'{"username":"alice"}',
			'{"username":1,"password":2}'
		]) {
			const response = await handle(service, post('/sign-in', body));
			expect(response.status, body).toBe(400);
			expect(((await response.json()) as { error: string }).error).toBe('bad_request');
		}
	});

	it('gives an identity token only to a signed-in session', async () => {
		const service = backEnd();
		const attempts: Record<string, string>[] = [
			{},
			{ authorization: 'Bearer nope' },
			{ authorization: 'Basic x' }
		];
		for (const headers of attempts) {
			const response = await handle(service, post('/identity-token', {}, headers));
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({
				error: 'invalid_session',
				message: 'Sign in first.'
			});
		}
	});

	it('answers an unknown path with 404 and another method with 405 and Allow: POST', async () => {
		const service = backEnd();
		const missing = await handle(service, post('/admin', {}));
		expect(missing.status).toBe(404);
		const get = await handle(service, new Request('https://api.example.com/sign-in'));
		expect(get.status).toBe(405);
		expect(get.headers.get('allow')).toBe('POST');
	});

	it('answers any request, however malformed, with a JSON 4xx and never a 5xx', async () => {
		const service = backEnd();
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
				fc.oneof(fc.constantFrom('/sign-in', '/identity-token', '/'), fc.webPath()),
				fc.option(fc.string({ maxLength: 60 })),
				fc.oneof(fc.string({ maxLength: 200 }), fc.json(), fc.uint8Array({ maxLength: 64 })),
				async (method, path, authorization, body) => {
					const hasBody = method !== 'GET';
					const request = new Request(
						`https://api.example.com${path.startsWith('/') ? path : `/${path}`}`,
						{
							method,
							headers:
								authorization === null
									? {}
									: { authorization: authorization.replace(/[^\x20-\x7e]/g, '') },
							...(hasBody && { body })
						}
					);
					const response = await handle(service, request);
					if (response.status === 200) return;
					expect(response.status).toBeGreaterThanOrEqual(400);
					expect(response.status).toBeLessThan(500);
					const answer = (await response.json()) as { error: unknown };
					expect(typeof answer.error).toBe('string');
				}
			),
			{ numRuns: 200 }
		);
	});
});
