import { defaultScenario } from './default-scenario';
import { checkAccountResources } from './resolve-account-resources';
import { checkIdentityProviders, checkSamlIdp, checkSocialProvider } from './resolve-federation';
import { checkOAuthSettings } from './resolve-oauth-settings';
import { ScenarioError } from './scenario-error';
import { boolean, integer, list, object, oneOf, pattern, text, urlText } from './scenario-fields';
import type { Scenario } from './types';

const minute = 60;
const hour = 3600;
const day = 24 * hour;
const year = 365 * day;

/**
 * Checks a scenario from untrusted JSON (a share link, the scenario editor) and returns it typed.
 * Throws `ScenarioError` naming the first bad field. Limits are AWS's own (token lifetimes, id
 * formats) so a scenario can never describe a pool AWS would refuse to create.
 *
 * @example resolveScenario(JSON.parse(text)) // throws: Scenario field "region" must be ...
 */
export function resolveScenario(input: unknown = defaultScenario): Scenario {
	const s = object(input, '(scenario)');
	const region = pattern(
		s,
		'region',
		/^[a-z]{2}(-gov)?-[a-z]+-\d$/,
		'an AWS region such as us-east-1'
	);
	const accountId = pattern(s, 'accountId', /^\d{12}$/, 'a 12-digit AWS account id');
	const pool = object(s.userPool, 'userPool');
	const poolId = pattern(
		pool,
		'id',
		/^[a-z]{2}(-gov)?-[a-z]+-\d_[a-zA-Z0-9]+$/,
		'a user pool id such as us-east-1_AbCdEf123',
		'userPool'
	);
	if (!poolId.startsWith(`${region}_`))
		throw new ScenarioError('userPool.id', `must start with the scenario region "${region}_"`);
	text(pool, 'name', 'userPool');
	pattern(
		pool,
		'domainPrefix',
		/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
		'lowercase letters, digits and hyphens',
		'userPool'
	);
	oneOf(pool, 'mfaConfiguration', ['OFF', 'ON', 'OPTIONAL'], 'userPool');

	const policy = object(pool.passwordPolicy, 'userPool.passwordPolicy');
	integer(policy, 'minimumLength', 6, 99, 'userPool.passwordPolicy');
	for (const flag of ['requireUppercase', 'requireLowercase', 'requireNumbers', 'requireSymbols'])
		boolean(policy, flag, 'userPool.passwordPolicy');

	const clients = list(pool.clients, 'userPool.clients');
	if (clients.length === 0)
		throw new ScenarioError('userPool.clients', 'must list at least one app client');
	const clientIds = new Set<string>();
	clients.forEach((raw, i) => {
		const at = `userPool.clients[${i}]`;
		const c = object(raw, at);
		const id = pattern(
			c,
			'id',
			/^[\w+]{1,128}$/,
			'letters, digits, underscores or plus signs (1–128)',
			at
		);
		if (clientIds.has(id)) throw new ScenarioError(`${at}.id`, `repeats the client id "${id}"`);
		clientIds.add(id);
		text(c, 'name', at);
		if (c.secret !== null) text(c, 'secret', at);
		const flows = list(c.explicitAuthFlows, `${at}.explicitAuthFlows`);
		const known = [
			'ALLOW_USER_SRP_AUTH',
			'ALLOW_USER_PASSWORD_AUTH',
			'ALLOW_REFRESH_TOKEN_AUTH',
			'ALLOW_CUSTOM_AUTH',
			'ALLOW_ADMIN_USER_PASSWORD_AUTH'
		];
		flows.forEach((f, j) => {
			if (typeof f !== 'string' || !known.includes(f))
				throw new ScenarioError(
					`${at}.explicitAuthFlows[${j}]`,
					`must be one of ${known.join(', ')}`
				);
		});
		// AWS refuses a client without refresh: "REFRESH_TOKEN_AUTH should always be allowed."
		if (!flows.includes('ALLOW_REFRESH_TOKEN_AUTH'))
			throw new ScenarioError(
				`${at}.explicitAuthFlows`,
				'must include ALLOW_REFRESH_TOKEN_AUTH (AWS always requires it)'
			);
		oneOf(c, 'preventUserExistenceErrors', ['ENABLED', 'LEGACY'], at);
		boolean(c, 'enableTokenRevocation', at);
		integer(c, 'idTokenValidity', 5 * minute, day, at);
		integer(c, 'accessTokenValidity', 5 * minute, day, at);
		integer(c, 'refreshTokenValidity', hour, 10 * year, at);
		integer(c, 'authSessionValidity', 3, 15, at);
		for (const key of ['callbackUrls', 'logoutUrls'])
			list(c[key], `${at}.${key}`).forEach((u, j) => urlText(u, `${at}.${key}[${j}]`));
	});

	checkOAuthSettings(
		pool,
		clients.map((raw, i) => object(raw, `userPool.clients[${i}]`)),
		checkIdentityProviders(pool)
	);
	checkSocialProvider(s);
	checkSamlIdp(s);

	const groupNames = new Set<string>();
	list(pool.groups, 'userPool.groups').forEach((raw, i) => {
		const at = `userPool.groups[${i}]`;
		const g = object(raw, at);
		const name = text(g, 'name', at);
		if (groupNames.has(name)) throw new ScenarioError(`${at}.name`, `repeats the group "${name}"`);
		groupNames.add(name);
		integer(g, 'precedence', 0, 2 ** 31 - 1, at);
		if (g.roleArn !== undefined)
			pattern(g, 'roleArn', /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'an IAM role ARN', at);
		if (g.description !== undefined) text(g, 'description', at);
	});

	const usernames = new Set<string>();
	const subs = new Set<string>();
	list(pool.users, 'userPool.users').forEach((raw, i) => {
		const at = `userPool.users[${i}]`;
		const u = object(raw, at);
		const username = pattern(
			u,
			'username',
			/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u,
			'a username without spaces (1–128 characters)',
			at
		);
		if (usernames.has(username.toLowerCase()))
			throw new ScenarioError(`${at}.username`, `repeats the username "${username}"`);
		usernames.add(username.toLowerCase());
		const sub = pattern(
			u,
			'sub',
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
			'a lowercase UUID',
			at
		);
		if (subs.has(sub)) throw new ScenarioError(`${at}.sub`, `repeats the sub "${sub}"`);
		subs.add(sub);
		text(u, 'password', at);
		oneOf(u, 'status', ['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED'], at);
		boolean(u, 'enabled', at);
		const attributes = object(u.attributes, `${at}.attributes`);
		for (const [name, value] of Object.entries(attributes))
			if (typeof value !== 'string')
				throw new ScenarioError(
					`${at}.attributes.${name}`,
					'must be a string (Cognito attribute values are strings)'
				);
		list(u.groups, `${at}.groups`).forEach((g, j) => {
			if (typeof g !== 'string' || !groupNames.has(g))
				throw new ScenarioError(`${at}.groups[${j}]`, `must name a group of userPool.groups`);
		});
		if (u.totpSecret !== undefined)
			pattern(u, 'totpSecret', /^[A-Z2-7]{16,}$/, 'a base32 secret of at least 16 characters', at);
	});
	checkAccountResources(s, { region, accountId });
	return structuredClone(input) as Scenario;
}
