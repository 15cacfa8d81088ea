import { escapeXml } from '../wire';
import { htmlPage } from './oauth-responses';
import type { WireResponse } from '../wire/http-message';

/**
 * Managed login's own sign-in form (the classic hosted UI): a POST back to `/login` with the
 * same query, carrying `_csrf` (the `XSRF-TOKEN` cookie's value), `username` and `password`
 * (cognito.md §5.2b). `problem` is shown above the form after a refused attempt.
 */
export function loginPage(p: {
	query: string;
	csrf: string;
	status?: number;
	problem?: string;
	username?: string;
	setCookies?: readonly string[];
}): WireResponse {
	const problem = p.problem ? `<p class="error" role="alert">${escapeXml(p.problem)}</p>` : '';
	const form =
		`<h1>Sign in</h1>${problem}` +
		`<form method="post" action="/login?${escapeXml(p.query)}">` +
		`<input type="hidden" name="_csrf" value="${escapeXml(p.csrf)}">` +
		`<label>Username <input name="username" autocomplete="username" value="${escapeXml(p.username ?? '')}"></label>` +
		`<label>Password <input name="password" type="password" autocomplete="current-password"></label>` +
		`<button type="submit">Sign in</button></form>`;
	return htmlPage(p.status ?? 200, 'Signin', form, p.setCookies);
}
