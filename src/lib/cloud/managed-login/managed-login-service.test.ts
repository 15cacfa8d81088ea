import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { totpCode } from '$lib/crypto';
import { decodeJwt } from 'jose';
import { createCloud } from '../create-cloud';
import { defaultScenario } from '../scenario';
import { createCookieJar } from '../browser/cookie-jar';
import { navigate } from '../browser/navigate';
import { bodyText, header, utf8Bytes, type WireResponse } from '../wire/http-message';

const domain = 'https://flow-lab.auth.us-east-1.amazoncognito.com';
const webClient = '3n4flowlab5webclient6a7b8c';
const callback = 'https://app.example.com/callback';
const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 appendix B

function world() {
	const cloud = createCloud();
	const jar = createCookieJar(cloud.clock);
	const get = (path: string, cookie?: string) =>
		cloud.send({
			method: 'GET',
			url: domain + path,
			headers: cookie ? [['cookie', cookie]] : [],
			body: new Uint8Array()
		});
	const browse = (url: string, form?: Record<string, string>) =>
		navigate(
			(r) => cloud.send(r),
			jar,
			{ url, form },
			(u) => !u.startsWith(domain)
		);
	return { cloud, jar, get, browse };
}

const authorize = (params: Record<string, string>) =>
	`/oauth2/authorize?${new URLSearchParams({
		client_id: webClient,
		redirect_uri: callback,
		response_type: 'code',
		state: 'st-1',
		...params
	})}`;

const location = (r: WireResponse) => header(r, 'location') ?? '';

describe('managed login: /oauth2/authorize', () => {
	it.each([
		['an unknown client', { client_id: 'nope' }, 'Invalid client_id.'],
		[
			'a redirect URI that is not registered',
			{ redirect_uri: 'https://evil.example/callback' },
			'redirect_mismatch'
		],
		[
			'a registered URI with a trailing slash',
			{ redirect_uri: `${callback}/` },
			'redirect_mismatch'
		]
	])('%s gets an error page, never a redirect', async (_, params, text) => {
		const { get } = world();
		const r = await get(authorize(params));
		expect(r.status).toBe(400);
		expect(header(r, 'location')).toBeNull();
		expect(header(r, 'x-frame-options')).toBe('DENY');
		expect(bodyText(r)).toContain(text);
	});

	it.each([
		[
			'PKCE with plain',
			{ code_challenge: 'abc', code_challenge_method: 'plain' },
			'invalid_request'
		],
		['a challenge without its method', { code_challenge: challenge }, 'invalid_request'],
		['no response_type', { response_type: '' }, 'invalid_request'],
		[
			'the implicit grant for a code-only client',
			{ response_type: 'token' },
			'unauthorized_client'
		],
		['only scopes the client may not have', { scope: 'phone' }, 'invalid_scope'],
		['email without openid', { scope: 'email' }, 'invalid_scope'],
		[
			'an identity provider the client does not use',
			{ identity_provider: 'Facebook' },
			'invalid_request'
		]
	])('%s redirects back with its error and the state', async (_, params, error) => {
		const { get } = world();
		const r = await get(authorize(params));
		expect(r.status).toBe(302);
		const to = new URL(location(r));
		expect(to.origin + to.pathname).toBe(callback);
		expect(to.searchParams.get('error')).toBe(error);
		expect(to.searchParams.get('state')).toBe('st-1');
	});

	it('without a session sends the browser to /login with the same query and an XSRF-TOKEN cookie', async () => {
		const { get } = world();
		const path = authorize({ code_challenge: challenge, code_challenge_method: 'S256' });
		const r = await get(path);
		expect(r.status).toBe(302);
		expect(location(r)).toBe(`/login${path.slice(path.indexOf('?'))}`);
		expect(header(r, 'set-cookie')).toMatch(
			/^XSRF-TOKEN=[0-9a-f-]{36}; Path=\/; Secure; HttpOnly; SameSite=Lax$/
		);
	});
});

describe('managed login: the sign-in form', () => {
	async function formPage() {
		const w = world();
		const page = await w.browse(domain + authorize({}));
		const csrf = /name="_csrf" value="([^"]+)"/.exec(bodyText(page.response))![1]!;
		return { ...w, page, csrf };
	}

	it('refuses a post whose _csrf is not the cookie it set (a forged form)', async () => {
		const { browse, page } = await formPage();
		const r = await browse(page.url, {
			_csrf: 'forged',
			username: 'alice',
			password: 'Correct-Horse-42'
		});
		expect(r.response.status).toBe(403);
		expect(r.leftFor).toBeUndefined();
	});

	it('answers a wrong password and an unknown user alike, and counts toward the lockout', async () => {
		const { cloud, browse, page, csrf } = await formPage();
		const wrong = await browse(page.url, { _csrf: csrf, username: 'alice', password: 'nope' });
		const unknown = await browse(page.url, { _csrf: csrf, username: 'nobody', password: 'nope' });
		for (const r of [wrong, unknown]) {
			expect(r.response.status).toBe(400);
			expect(bodyText(r.response)).toContain('Incorrect username or password.');
		}
		for (let i = 0; i < 4; i++)
			await browse(page.url, { _csrf: csrf, username: 'alice', password: 'nope' });
		const locked = await browse(page.url, {
			_csrf: csrf,
			username: 'alice',
			password: 'Correct-Horse-42'
		});
		expect(bodyText(locked.response)).toContain('Password attempts exceeded');
		cloud.clock.advance(20 * 60_000);
		const later = await browse(page.url, {
			_csrf: csrf,
			username: 'alice',
			password: 'Correct-Horse-42'
		});
		expect(later.leftFor).toMatch(/^https:\/\/app\.example\.com\/callback\?code=/);
	});

	/** The hidden fields and the action of the page the browser is on. */
	function nextForm(page: { response: WireResponse; url: string }) {
		const html = bodyText(page.response);
		const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
		const session = /name="session" value="([^"]+)"/.exec(html)?.[1] ?? '';
		return { url: new URL(action, page.url).href, session, html };
	}

	it('asks carol for a new password, holds it to the policy, then sends her on', async () => {
		const { browse, page, csrf } = await formPage();
		const asked = await browse(page.url, {
			_csrf: csrf,
			username: 'carol',
			password: 'Temporary-Pass-42'
		});
		let form = nextForm(asked);
		expect(form.html).toContain('Change your password');
		const weak = await browse(form.url, { _csrf: csrf, session: form.session, password: 'short' });
		expect(bodyText(weak.response)).toContain(
			'Password did not conform with policy: Password not long enough'
		);
		form = nextForm(weak);
		const done = await browse(form.url, {
			_csrf: csrf,
			session: form.session,
			password: 'New-Strong-Pass-42'
		});
		expect(done.leftFor).toMatch(/^https:\/\/app\.example\.com\/callback\?code=/);
	});

	it('asks bob for his authenticator code: a wrong one is refused, the right one signs him in', async () => {
		const { cloud, browse, page, csrf } = await formPage();
		const asked = await browse(page.url, {
			_csrf: csrf,
			username: 'bob',
			password: 'Battery-Staple-42'
		});
		let form = nextForm(asked);
		expect(form.html).toContain('authenticator app');
		const wrong = await browse(form.url, { _csrf: csrf, session: form.session, code: '000000' });
		expect(bodyText(wrong.response)).toContain('Invalid code received for user');
		form = nextForm(wrong);
		const code = await totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', cloud.clock.now());
		const done = await browse(form.url, { _csrf: csrf, session: form.session, code });
		expect(done.leftFor).toMatch(/[?&]code=/);
		// The challenge was used up: posting it again starts the sign-in over.
		const replay = await browse(form.url, { _csrf: csrf, session: form.session, code });
		expect(bodyText(replay.response)).toContain('Sign in again');
	});

	it('escapes what it echoes: a username with markup comes back as text', async () => {
		const { browse, page, csrf } = await formPage();
		const r = await browse(page.url, {
			_csrf: csrf,
			username: '"><script>x</script>',
			password: 'p'
		});
		expect(bodyText(r.response)).not.toContain('<script>x');
		expect(bodyText(r.response)).toContain('&lt;script&gt;');
	});

	it('logs each hop of the browser as its own exchange, drawn to managed login', async () => {
		const { cloud, browse, page, csrf } = await formPage();
		await browse(page.url, { _csrf: csrf, username: 'alice', password: 'Correct-Horse-42' });
		const hops = cloud.log.entries.map((e) => `${e.to} ${e.label} ${e.response.status}`);
		expect(hops).toEqual([
			'managed-login GET /oauth2/authorize 302',
			'managed-login GET /login 200',
			'managed-login POST /login 302'
		]);
	});
});

describe('managed login: the implicit grant', () => {
	it('puts the tokens in the fragment, bearer in lower case, and never a refresh token', async () => {
		const scenario = structuredClone(defaultScenario);
		scenario.userPool.clients[0]!.allowedOAuthFlows = ['code', 'implicit'];
		const cloud = createCloud(scenario);
		const jar = createCookieJar(cloud.clock);
		const browse = (url: string, form?: Record<string, string>) =>
			navigate(
				(r) => cloud.send(r),
				jar,
				{ url, form },
				(u) => !u.startsWith(domain)
			);
		const page = await browse(domain + authorize({ response_type: 'token', nonce: 'n-1' }));
		const csrf = /name="_csrf" value="([^"]+)"/.exec(bodyText(page.response))![1]!;
		const back = await browse(page.url, {
			_csrf: csrf,
			username: 'alice',
			password: 'Correct-Horse-42'
		});
		const to = new URL(back.leftFor!);
		expect(to.search).toBe('');
		const fragment = new URLSearchParams(to.hash.slice(1));
		expect(fragment.get('token_type')).toBe('bearer');
		expect(fragment.get('state')).toBe('st-1');
		expect(fragment.get('expires_in')).toBe('3600');
		expect(fragment.has('refresh_token')).toBe(false);
		expect(decodeJwt(fragment.get('id_token')!)).toMatchObject({ nonce: 'n-1', aud: webClient });
		expect(decodeJwt(fragment.get('access_token')!).client_id).toBe(webClient);
	});
});

describe("managed login: the form offers the client's other providers", () => {
	it('links "Continue with Google" to authorize with identity_provider=Google', async () => {
		const { browse } = world();
		const page = await browse(domain + authorize({}));
		const link = /<a class="idp" href="([^"]+)">Continue with Google<\/a>/.exec(
			bodyText(page.response)
		)?.[1];
		const to = new URL(link!.replace(/&amp;/g, '&'), domain);
		expect(to.pathname).toBe('/oauth2/authorize');
		expect(to.searchParams.get('identity_provider')).toBe('Google');
		expect(to.searchParams.get('client_id')).toBe(webClient);
	});
});

describe('managed login: /oauth2/token errors', () => {
	const post = (
		body: string,
		headers: [string, string][] = [['content-type', 'application/x-www-form-urlencoded']]
	) => {
		const { cloud } = world();
		return cloud.send({
			method: 'POST',
			url: `${domain}/oauth2/token`,
			headers,
			body: utf8Bytes(body)
		});
	};

	it.each([
		['no grant_type', `client_id=${webClient}`, 'invalid_request'],
		[
			'a grant it does not know',
			`client_id=${webClient}&grant_type=password`,
			'unsupported_grant_type'
		],
		['an unknown client', 'client_id=nope&grant_type=authorization_code', 'invalid_client'],
		[
			'a secret for a public client',
			`client_id=${webClient}&client_secret=x&grant_type=refresh_token`,
			'invalid_client'
		],
		[
			'a made-up code',
			`client_id=${webClient}&grant_type=authorization_code&code=abc&redirect_uri=${encodeURIComponent(callback)}`,
			'invalid_grant'
		],
		[
			'a refresh token that is not one',
			`client_id=${webClient}&grant_type=refresh_token&refresh_token=abc`,
			'invalid_grant'
		]
	])('%s: 400 {"error": "%s"} in JSON', async (_, body, error) => {
		const r = await post(body);
		expect(r.status).toBe(400);
		expect(header(r, 'content-type')).toBe('application/json;charset=UTF-8');
		expect(JSON.parse(bodyText(r)).error).toBe(error);
	});

	it('a body that is not a form is invalid_request', async () => {
		const r = await post('{"grant_type":"client_credentials"}', [
			['content-type', 'application/json']
		]);
		expect(JSON.parse(bodyText(r)).error).toBe('invalid_request');
	});

	it('never answers a malformed request with a 5xx, and token errors are always JSON', async () => {
		const { cloud } = world();
		const paths = [
			'/oauth2/authorize',
			'/login',
			'/mfa',
			'/forceChangePassword',
			'/oauth2/idpresponse',
			'/oauth2/token',
			'/oauth2/revoke',
			'/oauth2/userInfo',
			'/logout',
			'/nope'
		];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('GET', 'POST', 'PUT'),
				fc.constantFrom(...paths),
				fc.dictionary(
					fc.constantFrom(
						'client_id',
						'redirect_uri',
						'response_type',
						'scope',
						'state',
						'code_challenge',
						'code_challenge_method',
						'grant_type',
						'code',
						'refresh_token',
						'_csrf',
						'username',
						'password',
						'client_secret',
						'session',
						'token',
						'identity_provider',
						'logout_uri',
						'error'
					),
					fc.oneof(
						fc.string(),
						fc.constantFrom(
							webClient,
							callback,
							'code',
							'S256',
							challenge,
							'authorization_code',
							'openid'
						)
					)
				),
				fc.option(fc.string(), { nil: undefined }),
				fc.option(
					fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data'),
					{ nil: undefined }
				),
				fc.boolean(),
				async (method, path, params, cookie, type, basic) => {
					const query = new URLSearchParams(params).toString();
					const headers: [string, string][] = [];
					if (cookie !== undefined) headers.push(['cookie', cookie]);
					if (type) headers.push(['content-type', type]);
					if (basic) headers.push(['authorization', `Basic ${cookie ?? ''}`]);
					const r = await cloud.send({
						method,
						url: `${domain}${path}?${method === 'GET' ? query : ''}`,
						headers,
						body: utf8Bytes(method === 'POST' ? query : '')
					});
					expect(r.status).toBeLessThan(500);
					if (['/oauth2/token', '/oauth2/revoke'].includes(path) && r.status >= 400)
						expect(JSON.parse(bodyText(r))).toHaveProperty('error');
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('managed login: /saml2/idpresponse', () => {
	/** A real answer of the SAML IdP, for the fuzz to break. */
	async function realAnswer(cloud: ReturnType<typeof createCloud>) {
		const jar = createCookieJar(cloud.clock);
		const browse = (url: string, form?: Record<string, string>) =>
			navigate(
				(r) => cloud.send(r),
				jar,
				{ url, form },
				(u) => u.startsWith(callback)
			);
		const page = await browse(domain + authorize({ identity_provider: 'ExampleCorp' }));
		const action = /<form method="post" action="([^"]+)"/.exec(bodyText(page.response))![1]!;
		const posted = await browse(new URL(action.replace(/&amp;/g, '&'), page.url).href, {
			username: 'jdoe@example.com',
			password: 'ExampleCorp-Jdoe-42'
		});
		const saml = /name="SAMLResponse" value="([^"]+)"/.exec(bodyText(posted.response))![1]!;
		return new TextDecoder().decode(Uint8Array.from(atob(saml), (c) => c.charCodeAt(0)));
	}

	it('shows an error page for a post without a RelayState it started', async () => {
		const { cloud } = world();
		const r = await cloud.send({
			method: 'POST',
			url: `${domain}/saml2/idpresponse`,
			headers: [['content-type', 'application/x-www-form-urlencoded']],
			body: utf8Bytes('SAMLResponse=PHg%2BPC94Pg%3D%3D&RelayState=made-up')
		});
		expect(r.status).toBe(400);
		expect(header(r, 'location')).toBeNull();
		expect(bodyText(r)).toContain('Invalid samlResponse or relayState from identity provider');
	});

	it('never answers a malformed SAML post with a 5xx: a page, or the app hears why', async () => {
		const { cloud } = world();
		const xml = await realAnswer(cloud);
		const b64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
		/** A fresh RelayState: managed login sends the browser to the IdP with it. */
		const relayState = async () => {
			const r = await cloud.send({
				method: 'GET',
				url: domain + authorize({ identity_provider: 'ExampleCorp' }),
				headers: [],
				body: new Uint8Array()
			});
			return new URL(location(r)).searchParams.get('RelayState')!;
		};
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string(),
					fc.base64String(),
					fc.constant(b64(xml)),
					fc.constant('A'.repeat(100_004)),
					fc
						.record({
							at: fc.nat(),
							cut: fc.nat({ max: 12 }),
							insert: fc.string({ maxLength: 12 })
						})
						.map(({ at, cut, insert }) => {
							const i = at % (xml.length + 1);
							return b64(xml.slice(0, i) + insert + xml.slice(i + cut));
						})
				),
				fc.constantFrom('fresh', 'random', 'absent'),
				fc.string(),
				fc.constantFrom('application/x-www-form-urlencoded', 'text/plain'),
				async (samlResponse, relay, randomRelay, type) => {
					const form = new URLSearchParams({ SAMLResponse: samlResponse });
					if (relay === 'fresh') form.set('RelayState', await relayState());
					if (relay === 'random') form.set('RelayState', randomRelay);
					const r = await cloud.send({
						method: 'POST',
						url: `${domain}/saml2/idpresponse`,
						headers: [['content-type', type]],
						body: utf8Bytes(form.toString())
					});
					expect(r.status).toBeLessThan(500);
					if (r.status === 302) {
						const to = new URL(location(r));
						expect(to.origin + to.pathname).toBe(callback);
						expect(to.searchParams.get('error') ?? to.searchParams.get('code')).toBeTruthy();
					} else expect(r.status).toBe(400);
				}
			),
			{ numRuns: 600 }
		);
	});
});
