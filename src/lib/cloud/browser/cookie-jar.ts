import type { Clock } from '../clock';

/** One cookie as a browser keeps it (RFC 6265 §5.3), times on the simulated clock. */
export interface Cookie {
	name: string;
	value: string;
	/** Lower case, no leading dot. */
	domain: string;
	/** Set without a `Domain` attribute: sent to exactly this host, not to its subdomains. */
	hostOnly: boolean;
	path: string;
	/** Epoch ms; `null` for a session cookie (kept until the browser closes). */
	expires: number | null;
	secure: boolean;
	/** Hidden from the page's scripts (`document.cookie`); still sent with requests. */
	httpOnly: boolean;
	/** `Lax` when the server says nothing, as browsers do today. */
	sameSite: 'Strict' | 'Lax' | 'None';
	created: number;
}

/** What became of one `Set-Cookie` line: stored (or deleted), or ignored and why. */
export type StoreOutcome =
	| { line: string; kept: Cookie }
	| { line: string; deleted: string }
	| { line: string; ignored: string };

/** The request a cookie would go with: where, and how the browser is sending it. */
export interface CookieRequest {
	url: string;
	/** Sent from a page of another site (a form post or a redirect from an identity provider). */
	crossSite?: boolean;
	/** A top-level navigation (address bar, link, redirect), not a `fetch` or an iframe. */
	topLevel?: boolean;
	method?: string;
}

export interface CookieJar {
	/** Stores a response's `Set-Cookie` lines, as the browser does for a response from `url`. */
	store(url: string, setCookie: readonly string[]): StoreOutcome[];
	/** The `Cookie` header for `request` (`''` when no cookie goes): longest paths first. */
	header(request: CookieRequest): string;
	/** What the browser holds now (expired cookies are gone), for the inspector. */
	list(): Cookie[];
	/** What `document.cookie` shows on a page at `url`: no HttpOnly cookie. */
	visibleToScript(url: string): string;
}

/**
 * The simulated browser's cookies: what managed login's `XSRF-TOKEN` and session cookies rely on,
 * and what the inspector shows (HttpOnly, Secure, SameSite). RFC 6265 storage and matching, with
 * today's browser defaults (SameSite=Lax when unset, None only with Secure, the `__Secure-` and
 * `__Host-` prefixes). A small hand-written jar rather than a library: the simulated hosts need no
 * public-suffix list, and the worker stays lean. Expiry follows the simulated clock, so moving the
 * clock ends a session as it would.
 *
 * @example
 * const jar = createCookieJar(clock);
 * jar.store('https://flow-lab.auth.us-east-1.amazoncognito.com/login', response.headers.getSetCookie());
 * jar.header({ url: 'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/authorize', topLevel: true });
 */
export function createCookieJar(clock: Clock): CookieJar {
	let cookies: Cookie[] = [];
	const live = (): Cookie[] => {
		const now = clock.now();
		cookies = cookies.filter((c) => c.expires === null || c.expires > now);
		return cookies;
	};

	return {
		store(url, lines) {
			const target = parseUrl(url);
			if (!target)
				return lines.map((line) => ({ line, ignored: 'the response URL is not http(s)' }));
			return lines.map((line) => storeLine(line, target));
		},
		header(request) {
			const target = parseUrl(request.url);
			if (!target) return '';
			return live()
				.filter((c) => sends(c, target, request))
				.sort((a, b) => b.path.length - a.path.length || a.created - b.created)
				.map((c) => `${c.name}=${c.value}`)
				.join('; ');
		},
		list: () => live().map((c) => ({ ...c })),
		visibleToScript(url) {
			const target = parseUrl(url);
			if (!target) return '';
			return live()
				.filter((c) => !c.httpOnly && sends(c, target, { url, topLevel: true }))
				.map((c) => `${c.name}=${c.value}`)
				.join('; ');
		}
	};

	function storeLine(line: string, target: URL): StoreOutcome {
		const parsed = parseSetCookie(line, clock.now());
		if ('ignored' in parsed) return { line, ignored: parsed.ignored };
		const host = target.hostname.toLowerCase();
		const https = target.protocol === 'https:';
		let domain = host;
		let hostOnly = true;
		if (parsed.domain !== undefined) {
			if (!domainMatches(host, parsed.domain))
				return { line, ignored: `Domain=${parsed.domain} does not cover ${host}` };
			if (!parsed.domain.includes('.'))
				return { line, ignored: `Domain=${parsed.domain} is a top-level domain` };
			domain = parsed.domain;
			hostOnly = false;
		}
		if (parsed.secure && !https) return { line, ignored: 'Secure, but set over http' };
		if (parsed.sameSite === 'None' && !parsed.secure)
			return { line, ignored: 'SameSite=None without Secure' };
		if (parsed.name.startsWith('__Secure-') && !(parsed.secure && https))
			return { line, ignored: 'a __Secure- cookie must be Secure and set over https' };
		if (
			parsed.name.startsWith('__Host-') &&
			!(parsed.secure && https && hostOnly && parsed.path === '/')
		)
			return { line, ignored: 'a __Host- cookie must be Secure, with Path=/ and no Domain' };
		const path = parsed.path ?? defaultPath(target.pathname);
		const old = cookies.find(
			(c) => c.name === parsed.name && c.domain === domain && c.path === path
		);
		cookies = cookies.filter((c) => c !== old);
		if (parsed.expires !== null && parsed.expires <= clock.now())
			return { line, deleted: old ? `${parsed.name} deleted` : `${parsed.name} already absent` };
		const kept: Cookie = {
			name: parsed.name,
			value: parsed.value,
			domain,
			hostOnly,
			path,
			expires: parsed.expires,
			secure: parsed.secure,
			httpOnly: parsed.httpOnly,
			sameSite: parsed.sameSite,
			created: old?.created ?? clock.now()
		};
		cookies.push(kept);
		return { line, kept: { ...kept } };
	}
}

interface ParsedSetCookie {
	name: string;
	value: string;
	domain?: string;
	path?: string;
	expires: number | null;
	secure: boolean;
	httpOnly: boolean;
	sameSite: Cookie['sameSite'];
}

/** RFC 6265 §5.2: lenient, as browsers are; a line with no `=` before the first `;` is ignored. */
function parseSetCookie(line: string, now: number): ParsedSetCookie | { ignored: string } {
	const [pair = '', ...attributes] = line.split(';');
	const eq = pair.indexOf('=');
	if (eq < 0) return { ignored: 'no name=value pair' };
	const name = pair.slice(0, eq).trim();
	const value = pair.slice(eq + 1).trim();
	if (name === '') return { ignored: 'an empty cookie name' };
	if (/[\u0000-\u001f\u007f]/.test(name + value)) return { ignored: 'a control character' };
	const cookie: ParsedSetCookie = {
		name,
		value,
		expires: null,
		secure: false,
		httpOnly: false,
		sameSite: 'Lax'
	};
	let maxAge: number | undefined;
	let expires: number | undefined;
	for (const attribute of attributes) {
		const at = attribute.indexOf('=');
		const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
		const val = at < 0 ? '' : attribute.slice(at + 1).trim();
		if (key === 'expires') {
			const time = Date.parse(val);
			if (!Number.isNaN(time)) expires = time;
		} else if (key === 'max-age') {
			if (/^-?\d+$/.test(val)) maxAge = Number(val);
		} else if (key === 'domain') {
			const domain = val.replace(/^\./, '').toLowerCase();
			if (domain !== '') cookie.domain = domain;
		} else if (key === 'path') {
			if (val.startsWith('/')) cookie.path = val;
		} else if (key === 'secure') cookie.secure = true;
		else if (key === 'httponly') cookie.httpOnly = true;
		else if (key === 'samesite') {
			const same = val.toLowerCase();
			cookie.sameSite = same === 'strict' ? 'Strict' : same === 'none' ? 'None' : 'Lax';
		}
	}
	// Max-Age wins over Expires (§5.3 step 3).
	if (maxAge !== undefined) cookie.expires = maxAge <= 0 ? -Infinity : now + maxAge * 1000;
	else if (expires !== undefined) cookie.expires = expires;
	return cookie;
}

function sends(cookie: Cookie, target: URL, request: CookieRequest): boolean {
	const host = target.hostname.toLowerCase();
	if (cookie.hostOnly ? host !== cookie.domain : !domainMatches(host, cookie.domain)) return false;
	if (!pathMatches(target.pathname, cookie.path)) return false;
	if (cookie.secure && target.protocol !== 'https:') return false;
	if (!request.crossSite) return true;
	// A cross-site request carries Lax cookies only on a top-level navigation with a safe method.
	if (cookie.sameSite === 'None') return true;
	const safe = ['GET', 'HEAD'].includes((request.method ?? 'GET').toUpperCase());
	return cookie.sameSite === 'Lax' && request.topLevel === true && safe;
}

/** §5.1.3: the host is the domain, or a subdomain of it (never an IP address's suffix). */
function domainMatches(host: string, domain: string): boolean {
	if (host === domain) return true;
	return host.endsWith(`.${domain}`) && !/^[\d.]+$/.test(host);
}

/** §5.1.4. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
	if (requestPath === cookiePath) return true;
	if (!requestPath.startsWith(cookiePath)) return false;
	return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** §5.1.4: the directory of the request's path. */
function defaultPath(pathname: string): string {
	if (!pathname.startsWith('/')) return '/';
	const last = pathname.lastIndexOf('/');
	return last <= 0 ? '/' : pathname.slice(0, last);
}

function parseUrl(url: string): URL | null {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
	} catch {
		return null;
	}
}
