import { ScenarioError } from './scenario-error';
import {
	boolean,
	list,
	object,
	oneOf,
	pattern,
	text,
	urlText,
	type Fields
} from './scenario-fields';

/**
 * Checks the pool's identity providers (CreateIdentityProvider's rules: a name of 1–32
 * characters with no underscore at either end, a known type, a client at the provider, scopes
 * with `openid`, a mapping of attribute names to claim names) and returns their names.
 */
export function checkIdentityProviders(pool: Fields): string[] {
	if (pool.identityProviders === undefined) return [];
	const names: string[] = [];
	list(pool.identityProviders, 'userPool.identityProviders').forEach((raw, i) => {
		const at = `userPool.identityProviders[${i}]`;
		const idp = object(raw, at);
		const name = pattern(
			idp,
			'providerName',
			/^[^_\s][^\s]{0,30}[^_\s]$/u,
			'1–32 characters without spaces, not starting or ending with "_"',
			at
		);
		if (name === 'COGNITO' || names.includes(name))
			throw new ScenarioError(`${at}.providerName`, `repeats the provider "${name}"`);
		names.push(name);
		oneOf(idp, 'providerType', ['Google'], at);
		text(idp, 'clientId', at);
		text(idp, 'clientSecret', at);
		const scopes = text(idp, 'authorizeScopes', at);
		if (!scopes.split(' ').includes('openid'))
			throw new ScenarioError(`${at}.authorizeScopes`, 'must include openid');
		const mapping = object(idp.attributeMapping, `${at}.attributeMapping`);
		for (const key of Object.keys(mapping)) text(mapping, key, `${at}.attributeMapping`);
	});
	return names;
}

/** Checks the simulated social provider: its accounts (numeric, unique `sub`) and clients. */
export function checkSocialProvider(scenario: Fields): void {
	if (scenario.socialProvider === undefined) return;
	const provider = object(scenario.socialProvider, 'socialProvider');
	const subs = new Set<string>();
	list(provider.accounts, 'socialProvider.accounts').forEach((raw, i) => {
		const at = `socialProvider.accounts[${i}]`;
		const account = object(raw, at);
		const sub = pattern(account, 'sub', /^\d{1,64}$/, 'a numeric account id', at);
		if (subs.has(sub)) throw new ScenarioError(`${at}.sub`, `repeats the account "${sub}"`);
		subs.add(sub);
		for (const key of ['email', 'name', 'givenName', 'familyName', 'password'])
			text(account, key, at);
		boolean(account, 'emailVerified', at);
	});
	list(provider.clients, 'socialProvider.clients').forEach((raw, i) => {
		const at = `socialProvider.clients[${i}]`;
		const client = object(raw, at);
		text(client, 'clientId', at);
		text(client, 'clientSecret', at);
		list(client.redirectUris, `${at}.redirectUris`).forEach((u, j) =>
			urlText(u, `${at}.redirectUris[${j}]`)
		);
	});
}
