/**
 * A managed-login cookie: sent only to its own domain, only over HTTPS, never readable by a page
 * script. ⚠ SIM: AWS documents the `XSRF-TOKEN` and session cookies' existence, not their
 * attributes (cognito.md §5.2b); these are the safe ones a browser would need.
 */
export function setCookie(name: string, value: string, maxAgeSeconds?: number): string {
	const age = maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`;
	return `${name}=${value}; Path=/; Secure; HttpOnly; SameSite=Lax${age}`;
}

/** Names of the cookies: `XSRF-TOKEN` is AWS's own; `cognito` is the commonly reported session name. */
export const xsrfCookie = 'XSRF-TOKEN';
export const sessionCookie = 'cognito';
