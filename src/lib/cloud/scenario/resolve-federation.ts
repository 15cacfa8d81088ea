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
 * characters with no underscore at either end, a known type; for Google a client at the
 * provider and scopes with `openid`; for SAML a metadata URL and identifiers unique in the pool;
 * a mapping of attribute names to claim names) and returns their names.
 */
export function checkIdentityProviders(pool: Fields): string[] {
	if (pool.identityProviders === undefined) return [];
	const names: string[] = [];
	const identifiers = new Set<string>();
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
		const type = oneOf(idp, 'providerType', ['Google', 'SAML'], at);
		if (type === 'SAML') checkSamlDetails(idp, at, identifiers);
		else {
			text(idp, 'clientId', at);
			text(idp, 'clientSecret', at);
			const scopes = text(idp, 'authorizeScopes', at);
			if (!scopes.split(' ').includes('openid'))
				throw new ScenarioError(`${at}.authorizeScopes`, 'must include openid');
		}
		const mapping = object(idp.attributeMapping, `${at}.attributeMapping`);
		for (const key of Object.keys(mapping)) text(mapping, key, `${at}.attributeMapping`);
	});
	return names;
}

/** A SAML provider's details: an https metadata URL, and `IdpIdentifiers` (1–40 characters). */
function checkSamlDetails(idp: Fields, at: string, identifiers: Set<string>): void {
	const metadataUrl = text(idp, 'metadataUrl', at);
	if (!URL.canParse(metadataUrl) || new URL(metadataUrl).protocol !== 'https:')
		throw new ScenarioError(`${at}.metadataUrl`, 'must be an https URL');
	if (idp.idpIdentifiers === undefined) return;
	list(idp.idpIdentifiers, `${at}.idpIdentifiers`).forEach((raw, j) => {
		const path = `${at}.idpIdentifiers[${j}]`;
		if (typeof raw !== 'string' || !/^[\w\s+=.@-]{1,40}$/.test(raw))
			throw new ScenarioError(path, 'must be 1–40 letters, digits, spaces or +=.@-_');
		if (identifiers.has(raw)) throw new ScenarioError(path, `repeats the identifier "${raw}"`);
		identifiers.add(raw);
	});
}

/** Checks the simulated SAML IdP: its users (unique `nameId`) and the service providers it trusts. */
export function checkSamlIdp(scenario: Fields): void {
	if (scenario.samlIdp === undefined) return;
	const idp = object(scenario.samlIdp, 'samlIdp');
	const nameIds = new Set<string>();
	list(idp.users, 'samlIdp.users').forEach((raw, i) => {
		const at = `samlIdp.users[${i}]`;
		const user = object(raw, at);
		const nameId = pattern(user, 'nameId', /^[^\s<>&"]{1,256}$/u, 'a NameID without spaces', at);
		if (nameIds.has(nameId.toLowerCase()))
			throw new ScenarioError(`${at}.nameId`, `repeats the user "${nameId}"`);
		nameIds.add(nameId.toLowerCase());
		text(user, 'password', at);
		const attributes = object(user.attributes, `${at}.attributes`);
		for (const key of Object.keys(attributes)) text(attributes, key, `${at}.attributes`);
	});
	list(idp.serviceProviders, 'samlIdp.serviceProviders').forEach((raw, i) => {
		const at = `samlIdp.serviceProviders[${i}]`;
		const sp = object(raw, at);
		text(sp, 'entityId', at);
		urlText(sp.acsUrl, `${at}.acsUrl`);
		if (sp.audience !== undefined) text(sp, 'audience', at);
	});
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
