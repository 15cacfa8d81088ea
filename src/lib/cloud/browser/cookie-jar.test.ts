import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import { createCookieJar } from './cookie-jar';

const login = 'https://flow-lab.auth.us-east-1.amazoncognito.com/login';
const authorize = 'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/authorize';
const start = Date.UTC(2026, 11, 2, 10, 0, 0);

function jar() {
	const clock = createClock({ fixed: start });
	return { clock, jar: createCookieJar(clock) };
}

describe('the simulated browser’s cookie jar', () => {
	it('sends a host-only cookie back to its host on any path under its own, not to other hosts', () => {
		const { jar: j } = jar();
		j.store(login, ['XSRF-TOKEN=abc; Path=/; Secure; HttpOnly; SameSite=Lax']);
		expect(j.header({ url: authorize, topLevel: true })).toBe('XSRF-TOKEN=abc');
		expect(j.header({ url: 'https://other.auth.us-east-1.amazoncognito.com/login' })).toBe('');
		expect(j.header({ url: 'http://flow-lab.auth.us-east-1.amazoncognito.com/login' })).toBe('');
	});

	it('defaults the path to the response’s directory and matches paths on segment boundaries', () => {
		const { jar: j } = jar();
		j.store('https://a.example/oauth2/authorize', ['state=1']);
		expect(j.list()[0]).toMatchObject({ path: '/oauth2', hostOnly: true, sameSite: 'Lax' });
		expect(j.header({ url: 'https://a.example/oauth2/token' })).toBe('state=1');
		expect(j.header({ url: 'https://a.example/oauth2x' })).toBe('');
		expect(j.header({ url: 'https://a.example/login' })).toBe('');
	});

	it('sends a Domain cookie to subdomains, and refuses a Domain that does not cover the host', () => {
		const { jar: j } = jar();
		const [kept, foreign, tld] = j.store('https://auth.example.com/', [
			'sid=1; Domain=.example.com',
			'x=1; Domain=evil.test',
			'y=1; Domain=com'
		]);
		expect(kept).toMatchObject({ kept: { domain: 'example.com', hostOnly: false } });
		expect(foreign).toMatchObject({ ignored: 'Domain=evil.test does not cover auth.example.com' });
		expect(tld).toMatchObject({ ignored: 'Domain=com is a top-level domain' });
		expect(j.header({ url: 'https://api.example.com/' })).toBe('sid=1');
	});

	it('replaces a cookie of the same name, domain and path, longest path first when sending', () => {
		const { jar: j } = jar();
		j.store('https://a.example/', ['a=1; Path=/', 'b=2; Path=/x']);
		j.store('https://a.example/', ['a=3; Path=/']);
		expect(j.header({ url: 'https://a.example/x/y' })).toBe('b=2; a=3');
		expect(j.list()).toHaveLength(2);
	});

	it('expires cookies on the simulated clock, and Max-Age=0 deletes one', () => {
		const { jar: j, clock } = jar();
		j.store(login, ['cognito=s1; Max-Age=3600; Secure', 'tmp=1']);
		clock.advance(3_599_000);
		expect(j.header({ url: login })).toBe('cognito=s1; tmp=1');
		clock.advance(1_000);
		expect(j.header({ url: login })).toBe('tmp=1');
		expect(j.store(login, ['tmp=; Max-Age=0'])).toEqual([
			{ line: 'tmp=; Max-Age=0', deleted: 'tmp deleted' }
		]);
		expect(j.list()).toEqual([]);
	});

	it('keeps a Secure cookie only from https and SameSite=None only with Secure', () => {
		const { jar: j } = jar();
		const outcomes = j.store('http://a.example/', ['s=1; Secure', 'n=1; SameSite=None']);
		expect(outcomes.map((o) => ('ignored' in o ? o.ignored : ''))).toEqual([
			'Secure, but set over http',
			'SameSite=None without Secure'
		]);
	});

	it('enforces the __Host- and __Secure- prefixes', () => {
		const { jar: j } = jar();
		const [host, hostWithDomain, secure] = j.store('https://a.example/p/q', [
			'__Host-sid=1; Secure; Path=/',
			'__Host-x=1; Secure; Path=/; Domain=a.example',
			'__Secure-y=1'
		]);
		expect(host).toHaveProperty('kept');
		expect(hostWithDomain).toHaveProperty('ignored');
		expect(secure).toHaveProperty('ignored');
	});

	it('on a cross-site request sends None always, Lax only on a top-level GET, Strict never', () => {
		const { jar: j } = jar();
		j.store(login, ['n=1; SameSite=None; Secure', 'l=1; SameSite=Lax', 's=1; SameSite=Strict']);
		expect(j.header({ url: login, crossSite: true, topLevel: true, method: 'GET' })).toBe(
			'n=1; l=1'
		);
		expect(j.header({ url: login, crossSite: true, topLevel: true, method: 'POST' })).toBe('n=1');
		expect(j.header({ url: login, crossSite: true })).toBe('n=1');
		expect(j.header({ url: login })).toBe('n=1; l=1; s=1');
	});

	it('hides HttpOnly cookies from the page’s scripts', () => {
		const { jar: j } = jar();
		j.store(login, ['XSRF-TOKEN=abc; HttpOnly; Secure', 'theme=dark']);
		expect(j.visibleToScript(login)).toBe('theme=dark');
	});

	it('never throws on any Set-Cookie line or URL, and never keeps a cookie with an empty name', () => {
		fc.assert(
			fc.property(fc.array(fc.string()), fc.string(), (lines, url) => {
				const { jar: j } = jar();
				j.store(url, lines);
				j.store(login, lines);
				j.header({ url, crossSite: true });
				j.header({ url: login });
				expect(j.list().every((c) => c.name !== '')).toBe(true);
			}),
			{ numRuns: 500, seed: 7 }
		);
	});
});
