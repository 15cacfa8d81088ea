import { escapeXml } from '../wire';
import { htmlPage } from '../oauth/oauth-responses';
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
	/** Federated providers the client supports: a "Continue with" link each. */
	providers?: readonly string[];
}): WireResponse {
	const problem = p.problem ? `<p class="error" role="alert">${escapeXml(p.problem)}</p>` : '';
	const links = (p.providers ?? [])
		.map((name) => {
			const query = new URLSearchParams(p.query);
			query.set('identity_provider', name);
			return `<p><a class="idp" href="/oauth2/authorize?${escapeXml(query.toString())}">Continue with ${escapeXml(name)}</a></p>`;
		})
		.join('');
	const form =
		`<h1>Sign in</h1>${links}${problem}` +
		`<form method="post" action="/login?${escapeXml(p.query)}">` +
		`<input type="hidden" name="_csrf" value="${escapeXml(p.csrf)}">` +
		`<label>Username <input name="username" autocomplete="username" value="${escapeXml(p.username ?? '')}"></label>` +
		`<label>Password <input name="password" type="password" autocomplete="current-password"></label>` +
		`<button type="submit">Sign in</button></form>`;
	return htmlPage(p.status ?? 200, 'Signin', form, p.setCookies);
}

/** The step after a right password, when the user owes one more answer. */
export type LoginChallenge = 'new-password' | 'mfa';

/** Where each challenge's form posts. ⚠ SIM: the classic hosted UI's own paths are not documented. */
export const challengePaths: Record<LoginChallenge, string> = {
	'new-password': '/forceChangePassword',
	mfa: '/mfa'
};

/**
 * The page for a challenge: a new password in place of a temporary one, or the code from an
 * authenticator app. It posts back `_csrf`, the challenge's `session` and the answer.
 */
export function challengePage(p: {
	challenge: LoginChallenge;
	query: string;
	csrf: string;
	session: string;
	status?: number;
	problem?: string;
}): WireResponse {
	const problem = p.problem ? `<p class="error" role="alert">${escapeXml(p.problem)}</p>` : '';
	const [title, field] =
		p.challenge === 'mfa'
			? [
					'Enter the code from your authenticator app',
					`<label>Code <input name="code" inputmode="numeric" autocomplete="one-time-code"></label>`
				]
			: [
					'Change your password',
					`<label>New password <input name="password" type="password" autocomplete="new-password"></label>`
				];
	const form =
		`<h1>${title}</h1>${problem}` +
		`<form method="post" action="${challengePaths[p.challenge]}?${escapeXml(p.query)}">` +
		`<input type="hidden" name="_csrf" value="${escapeXml(p.csrf)}">` +
		`<input type="hidden" name="session" value="${escapeXml(p.session)}">` +
		`${field}<button type="submit">Continue</button></form>`;
	return htmlPage(p.status ?? 200, title, form);
}
