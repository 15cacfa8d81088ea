import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCloud } from '../create-cloud';
import { bodyText, header, utf8Bytes } from '../wire/http-message';

const googleClient = '123456789012-flowlab.apps.googleusercontent.com';
const idpResponse = 'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/idpresponse';

describe('the simulated social provider', () => {
	it('shows an error page, never a redirect, for an unregistered redirect URI', async () => {
		const cloud = createCloud();
		const url = new URL('https://accounts.google.com/o/oauth2/v2/auth');
		url.search = new URLSearchParams({
			client_id: googleClient,
			redirect_uri: 'https://evil.example/cb',
			response_type: 'code',
			scope: 'openid'
		}).toString();
		const r = await cloud.send({
			method: 'GET',
			url: url.href,
			headers: [],
			body: new Uint8Array()
		});
		expect(r.status).toBe(400);
		expect(header(r, 'location')).toBeNull();
		expect(bodyText(r)).toContain('redirect_uri_mismatch');
	});

	it('refuses a token request with the wrong client secret: 401 invalid_client', async () => {
		const cloud = createCloud();
		const r = await cloud.send({
			method: 'POST',
			url: 'https://oauth2.googleapis.com/token',
			headers: [['content-type', 'application/x-www-form-urlencoded']],
			body: utf8Bytes(
				new URLSearchParams({
					grant_type: 'authorization_code',
					code: '4/0Afake',
					redirect_uri: idpResponse,
					client_id: googleClient,
					client_secret: 'wrong'
				}).toString()
			)
		});
		expect(r.status).toBe(401);
		expect(JSON.parse(bodyText(r)).error).toBe('invalid_client');
	});

	it('a Basic header with a broken %-escape is invalid_client, not a server error', async () => {
		const cloud = createCloud();
		const r = await cloud.send({
			method: 'POST',
			url: 'https://oauth2.googleapis.com/token',
			headers: [
				['content-type', 'application/x-www-form-urlencoded'],
				['authorization', `Basic ${btoa(`${googleClient}:%zz`)}`]
			],
			body: utf8Bytes('grant_type=authorization_code&code=x')
		});
		expect(r.status).toBe(401);
		expect(JSON.parse(bodyText(r)).error).toBe('invalid_client');
	});

	it('never answers a malformed request with a 5xx, and token errors are JSON', async () => {
		const cloud = createCloud();
		const urls = [
			'https://accounts.google.com/o/oauth2/v2/auth',
			'https://accounts.google.com/signin',
			'https://accounts.google.com/consent',
			'https://oauth2.googleapis.com/token',
			'https://openidconnect.googleapis.com/v1/userinfo',
			'https://accounts.google.com/nope'
		];
		const names = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce'];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('GET', 'POST'),
				fc.constantFrom(...urls),
				fc.dictionary(
					fc.constantFrom(
						...names,
						'grant_type',
						'code',
						'client_secret',
						'email',
						'password',
						'approve'
					),
					fc.oneof(
						fc.string(),
						fc.constantFrom(googleClient, idpResponse, 'code', 'openid', 'allow')
					)
				),
				fc.option(fc.string(), { nil: undefined }),
				fc.option(fc.string(), { nil: undefined }),
				async (method, base, params, cookie, authorization) => {
					const query = new URLSearchParams(params).toString();
					const headers: [string, string][] = [
						['content-type', 'application/x-www-form-urlencoded']
					];
					if (cookie !== undefined) headers.push(['cookie', cookie]);
					if (authorization !== undefined) headers.push(['authorization', authorization]);
					const r = await cloud.send({
						method,
						url: `${base}?${method === 'GET' ? query : ''}`,
						headers,
						body: utf8Bytes(method === 'POST' ? query : '')
					});
					expect(r.status).toBeLessThan(500);
					if (base.endsWith('/token') && r.status !== 200)
						expect(JSON.parse(bodyText(r))).toHaveProperty('error');
				}
			),
			{ numRuns: 2000 }
		);
	});
});
