import { ScenarioError } from './scenario-error';
import { list, object, pattern, text, type Fields } from './scenario-fields';

/** OAuth scopes Cognito itself defines (authorization endpoint reference, cognito.md §5.2). */
export const reservedScopes = [
	'openid',
	'email',
	'phone',
	'profile',
	'aws.cognito.signin.user.admin'
] as const;

const flows = ['code', 'implicit', 'client_credentials'];

/**
 * Checks the pool's resource servers and each client's managed-login settings, with the rules
 * CreateUserPoolClient applies: known grants; `client_credentials` only for a client with a
 * secret, never beside `code` or `implicit`, and with a custom scope to grant; a callback URL
 * for the browser grants; every scope reserved or declared by a resource server; every identity
 * provider one the pool has (`COGNITO`, the pool's own users, or a federated provider's name).
 */
export function checkOAuthSettings(
	pool: Fields,
	clients: Fields[],
	identityProviders: readonly string[]
): void {
	const customScopes = new Set<string>();
	if (pool.resourceServers !== undefined) {
		const identifiers = new Set<string>();
		list(pool.resourceServers, 'userPool.resourceServers').forEach((raw, i) => {
			const at = `userPool.resourceServers[${i}]`;
			const server = object(raw, at);
			const id = pattern(
				server,
				'identifier',
				/^[\x21\x23-\x5b\x5d-\x7e]{1,256}$/,
				'printable characters without spaces, quotes or backslashes (1–256)',
				at
			);
			if (identifiers.has(id))
				throw new ScenarioError(`${at}.identifier`, `repeats the resource server "${id}"`);
			identifiers.add(id);
			text(server, 'name', at);
			list(server.scopes, `${at}.scopes`).forEach((rawScope, j) => {
				const scopeAt = `${at}.scopes[${j}]`;
				const scope = object(rawScope, scopeAt);
				const name = pattern(
					scope,
					'name',
					/^[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]{1,256}$/,
					'printable characters without spaces, quotes, slashes or backslashes',
					scopeAt
				);
				text(scope, 'description', scopeAt);
				customScopes.add(`${id}/${name}`);
			});
		});
	}

	clients.forEach((c, i) => {
		const at = `userPool.clients[${i}]`;
		if (c.allowedOAuthFlows === undefined) return;
		const granted = list(c.allowedOAuthFlows, `${at}.allowedOAuthFlows`).map((f, j) => {
			if (typeof f !== 'string' || !flows.includes(f))
				throw new ScenarioError(
					`${at}.allowedOAuthFlows[${j}]`,
					`must be one of ${flows.join(', ')}`
				);
			return f;
		});
		const scopes = list(c.allowedOAuthScopes ?? [], `${at}.allowedOAuthScopes`).map((s, j) => {
			const known =
				typeof s === 'string' &&
				((reservedScopes as readonly string[]).includes(s) || customScopes.has(s));
			if (!known)
				throw new ScenarioError(
					`${at}.allowedOAuthScopes[${j}]`,
					`must be a reserved scope (${reservedScopes.join(', ')}) or one a resource server declares`
				);
			return s as string;
		});
		list(c.supportedIdentityProviders ?? [], `${at}.supportedIdentityProviders`).forEach((p, j) => {
			const known = ['COGNITO', ...identityProviders];
			if (typeof p !== 'string' || !known.includes(p))
				throw new ScenarioError(
					`${at}.supportedIdentityProviders[${j}]`,
					`must name an identity provider the pool has (${known.join(', ')})`
				);
		});
		if (granted.length === 0) return;
		if (scopes.length === 0)
			throw new ScenarioError(`${at}.allowedOAuthScopes`, 'must list a scope for its OAuth flows');
		if (granted.includes('client_credentials')) {
			if (c.secret === null)
				throw new ScenarioError(
					`${at}.allowedOAuthFlows`,
					'must not include client_credentials for a client without a secret'
				);
			if (granted.length > 1)
				throw new ScenarioError(
					`${at}.allowedOAuthFlows`,
					'must not combine client_credentials with code or implicit'
				);
			if (!scopes.some((s) => customScopes.has(s)))
				throw new ScenarioError(
					`${at}.allowedOAuthScopes`,
					'must list a custom scope (<resource server>/<scope>) for client_credentials'
				);
		} else if (list(c.callbackUrls, `${at}.callbackUrls`).length === 0) {
			throw new ScenarioError(
				`${at}.callbackUrls`,
				'must list a callback URL for code or implicit'
			);
		}
	});
}
