import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	createCloud,
	defaultScenario,
	resolveScenario,
	ScenarioError,
	type Scenario
} from '$lib/cloud';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test inputs are edited freely
type Mutable = Record<string, any>;

/** The default scenario, changed by `edit`: each bad case below differs from it in one field. */
function variant(edit: (s: Mutable) => void): unknown {
	const s = structuredClone(defaultScenario) as Mutable;
	edit(s);
	return s;
}

describe('resolveScenario', () => {
	it('accepts the default scenario and returns a copy of it', () => {
		const resolved = resolveScenario(defaultScenario);
		expect(resolved).toEqual(defaultScenario);
		expect(resolved).not.toBe(defaultScenario);
		expect(resolved.userPool).not.toBe(defaultScenario.userPool);
	});

	it('uses the default scenario when given none, as createCloud does', () => {
		expect(resolveScenario()).toEqual(defaultScenario);
		expect(createCloud().scenario).toEqual(defaultScenario);
	});

	it('accepts a scenario that went through JSON (a share link)', () => {
		const text = JSON.stringify(defaultScenario);
		expect(resolveScenario(JSON.parse(text))).toEqual(defaultScenario);
	});

	it('never lets a later change to the input reach the resolved scenario', () => {
		const input = structuredClone(defaultScenario);
		const resolved = resolveScenario(input);
		input.userPool.users[0]!.password = 'changed';
		expect(resolved.userPool.users[0]!.password).toBe('Correct-Horse-42');
	});

	it.each<[string, unknown, string]>([
		['JSON null', null, 'Scenario field "(scenario)" must be an object'],
		['an array', [defaultScenario], 'Scenario field "(scenario)" must be an object'],
		['a number', 42, 'Scenario field "(scenario)" must be an object'],
		['a string', JSON.stringify(defaultScenario), 'Scenario field "(scenario)" must be an object'],
		[
			'a region that is not one',
			variant((s) => (s.region = 'us-east-one')),
			'Scenario field "region" must be an AWS region such as us-east-1, got "us-east-one"'
		],
		[
			'a pool id from another region',
			variant((s) => (s.region = 'eu-west-1')),
			'Scenario field "userPool.id" must start with the scenario region "eu-west-1_"'
		],
		[
			'a pool id without its region',
			variant((s) => (s.userPool.id = 'FlowLab01')),
			'Scenario field "userPool.id" must be a user pool id such as us-east-1_AbCdEf123, got "FlowLab01"'
		],
		[
			'an account id of 11 digits',
			variant((s) => (s.accountId = '11112222333')),
			'Scenario field "accountId" must be a 12-digit AWS account id, got "11112222333"'
		],
		[
			'no user pool',
			variant((s) => delete s.userPool),
			'Scenario field "userPool" must be an object'
		],
		[
			'an OAuth grant AWS does not have',
			variant((s) => (s.userPool.clients[0].allowedOAuthFlows = ['password'])),
			'Scenario field "userPool.clients[0].allowedOAuthFlows[0]" must be one of code, implicit, client_credentials'
		],
		[
			'a custom scope no resource server declares',
			variant(
				(s) => (s.userPool.clients[0].allowedOAuthScopes = ['openid', 'flow-lab/notes.write'])
			),
			'Scenario field "userPool.clients[0].allowedOAuthScopes[1]" must be a reserved scope (openid, email, phone, profile, aws.cognito.signin.user.admin) or one a resource server declares'
		],
		[
			'client credentials for a public client',
			variant((s) => (s.userPool.clients[2].secret = null)),
			'Scenario field "userPool.clients[2].allowedOAuthFlows" must not include client_credentials for a client without a secret'
		],
		[
			'client credentials beside the code grant',
			variant((s) => (s.userPool.clients[2].allowedOAuthFlows = ['client_credentials', 'code'])),
			'Scenario field "userPool.clients[2].allowedOAuthFlows" must not combine client_credentials with code or implicit'
		],
		[
			'the code grant with nowhere to send the code',
			variant((s) => (s.userPool.clients[0].callbackUrls = [])),
			'Scenario field "userPool.clients[0].callbackUrls" must list a callback URL for code or implicit'
		],
		[
			'an identity provider the pool does not have',
			variant((s) => (s.userPool.clients[0].supportedIdentityProviders = ['COGNITO', 'Facebook'])),
			'Scenario field "userPool.clients[0].supportedIdentityProviders[1]" must name an identity provider the pool has (COGNITO, Google, ExampleCorp)'
		],
		[
			'a SAML provider whose metadata is not at an https URL',
			variant(
				(s) => (s.userPool.identityProviders[1].metadataUrl = 'http://idp.example.com/metadata')
			),
			'Scenario field "userPool.identityProviders[1].metadataUrl" must be an https URL'
		],
		[
			'a SAML identifier used twice',
			variant(
				(s) => (s.userPool.identityProviders[1].idpIdentifiers = ['example.com', 'example.com'])
			),
			'Scenario field "userPool.identityProviders[1].idpIdentifiers[1]" repeats the identifier "example.com"'
		],
		[
			'two SAML IdP users with one NameID',
			variant((s) => (s.samlIdp.users[1].nameId = 'JDOE@example.com')),
			'Scenario field "samlIdp.users[1].nameId" repeats the user "JDOE@example.com"'
		],
		[
			'a SAML service provider whose ACS is not a URL',
			variant((s) => (s.samlIdp.serviceProviders[0].acsUrl = 'saml2/idpresponse')),
			'Scenario field "samlIdp.serviceProviders[0].acsUrl" must be an absolute URL'
		],
		[
			'identity-provider scopes without openid',
			variant((s) => (s.userPool.identityProviders[0].authorizeScopes = 'email profile')),
			'Scenario field "userPool.identityProviders[0].authorizeScopes" must include openid'
		],
		[
			'a social account whose id is not a number',
			variant((s) => (s.socialProvider.accounts[1].sub = 'dana')),
			'Scenario field "socialProvider.accounts[1].sub" must be a numeric account id, got "dana"'
		],
		[
			'a scope name with a slash',
			variant((s) => (s.userPool.resourceServers[0].scopes[0].name = 'notes/read')),
			'Scenario field "userPool.resourceServers[0].scopes[0].name" must be printable characters without spaces, quotes, slashes or backslashes, got "notes/read"'
		],
		[
			'an ID token that lives 4 minutes (AWS allows 5 minutes to 1 day)',
			variant((s) => (s.userPool.clients[0].idTokenValidity = 240)),
			'Scenario field "userPool.clients[0].idTokenValidity" must be a whole number from 300 to 86400'
		],
		[
			'an access token that lives 25 hours',
			variant((s) => (s.userPool.clients[1].accessTokenValidity = 25 * 3600)),
			'Scenario field "userPool.clients[1].accessTokenValidity" must be a whole number from 300 to 86400'
		],
		[
			'a refresh token that lives 11 years (AWS allows 1 hour to 10 years)',
			variant((s) => (s.userPool.clients[0].refreshTokenValidity = 11 * 365 * 24 * 3600)),
			'Scenario field "userPool.clients[0].refreshTokenValidity" must be a whole number from 3600 to 315360000'
		],
		[
			'a token lifetime given as a string',
			variant((s) => (s.userPool.clients[0].idTokenValidity = '3600')),
			'Scenario field "userPool.clients[0].idTokenValidity" must be a whole number from 300 to 86400'
		],
		[
			'a session of 16 minutes',
			variant((s) => (s.userPool.clients[0].authSessionValidity = 16)),
			'Scenario field "userPool.clients[0].authSessionValidity" must be a whole number from 3 to 15'
		],
		[
			'a client without ALLOW_REFRESH_TOKEN_AUTH',
			variant((s) => (s.userPool.clients[0].explicitAuthFlows = ['ALLOW_USER_SRP_AUTH'])),
			'Scenario field "userPool.clients[0].explicitAuthFlows" must include ALLOW_REFRESH_TOKEN_AUTH (AWS always requires it)'
		],
		[
			'an auth flow AWS does not have',
			variant((s) => s.userPool.clients[1].explicitAuthFlows.push('ALLOW_MAGIC_LINK')),
			'Scenario field "userPool.clients[1].explicitAuthFlows[3]" must be one of ALLOW_USER_SRP_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH'
		],
		[
			'two clients with one id',
			variant((s) => (s.userPool.clients[1].id = s.userPool.clients[0].id)),
			'Scenario field "userPool.clients[1].id" repeats the client id "3n4flowlab5webclient6a7b8c"'
		],
		[
			'no app client',
			variant((s) => (s.userPool.clients = [])),
			'Scenario field "userPool.clients" must list at least one app client'
		],
		[
			'a callback URL that is not absolute',
			variant((s) => (s.userPool.clients[0].callbackUrls = ['/callback'])),
			'Scenario field "userPool.clients[0].callbackUrls[0]" must be an absolute URL'
		],
		[
			'a password policy shorter than AWS allows',
			variant((s) => (s.userPool.passwordPolicy.minimumLength = 5)),
			'Scenario field "userPool.passwordPolicy.minimumLength" must be a whole number from 6 to 99'
		],
		[
			'an MFA setting AWS does not have',
			variant((s) => (s.userPool.mfaConfiguration = 'MAYBE')),
			'Scenario field "userPool.mfaConfiguration" must be one of OFF, ON, OPTIONAL'
		],
		[
			'a user in a group the pool does not have',
			variant((s) => (s.userPool.users[1].groups = ['readers', 'admins'])),
			'Scenario field "userPool.users[1].groups[1]" must name a group of userPool.groups'
		],
		[
			'two users whose names differ only in case',
			variant((s) => (s.userPool.users[1].username = 'ALICE')),
			'Scenario field "userPool.users[1].username" repeats the username "ALICE"'
		],
		[
			'two users with one sub',
			variant((s) => (s.userPool.users[3].sub = s.userPool.users[0].sub)),
			'Scenario field "userPool.users[3].sub" repeats the sub "a11ce000-1111-4aaa-8aaa-000000000001"'
		],
		[
			'a sub in upper case',
			variant((s) => (s.userPool.users[0].sub = 'A11CE000-1111-4AAA-8AAA-000000000001')),
			'Scenario field "userPool.users[0].sub" must be a lowercase UUID, got "A11CE000-1111-4AAA-8AAA-000000000001"'
		],
		[
			'an attribute that is not a string',
			variant((s) => (s.userPool.users[0].attributes.email_verified = true)),
			'Scenario field "userPool.users[0].attributes.email_verified" must be a string (Cognito attribute values are strings)'
		],
		[
			'a user status AWS does not have',
			variant((s) => (s.userPool.users[2].status = 'ACTIVE')),
			'Scenario field "userPool.users[2].status" must be one of CONFIRMED, UNCONFIRMED, FORCE_CHANGE_PASSWORD, RESET_REQUIRED'
		],
		[
			'a TOTP secret that is not base32',
			variant((s) => (s.userPool.users[1].totpSecret = 'jbswy3dpehpk3pxp')),
			'Scenario field "userPool.users[1].totpSecret" must be a base32 secret of at least 16 characters, got "jbswy3dpehpk3pxp"'
		],
		[
			'two groups with one name',
			variant((s) => (s.userPool.groups[1].name = 'editors')),
			'Scenario field "userPool.groups[1].name" repeats the group "editors"'
		],
		[
			'a group role that is not an IAM role ARN',
			variant((s) => (s.userPool.groups[0].roleArn = 'FlowLabEditors')),
			'Scenario field "userPool.groups[0].roleArn" must be an IAM role ARN, got "FlowLabEditors"'
		],
		[
			'a returning identity whose id is not the region and a UUID',
			variant((s) => (s.identityPool.identities = [{ id: 'user-1002', logins: {} }])),
			'Scenario field "identityPool.identities[0].id" must be "us-east-1:" and a UUID, got "user-1002"'
		],
		[
			'a returning identity with a login that is not a string',
			variant(
				(s) =>
					(s.identityPool.identities = [
						{ id: 'us-east-1:5f0c3a9e-8d2b-4e71-a6c4-2b9d7e1f0c38', logins: { 'login.x': 7 } }
					])
			),
			'Scenario field "identityPool.identities[0].logins["login.x"]" must be a login id'
		]
	])('refuses %s, naming the field', (_, input, message) => {
		let error: unknown;
		try {
			resolveScenario(input);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ScenarioError);
		expect((error as ScenarioError).message).toBe(message);
		expect((error as ScenarioError).code).toBe('ERR_SCENARIO_INVALID');
		expect((error as ScenarioError).name).toBe('ScenarioError');
		expect(message).toContain(`"${(error as ScenarioError).path}"`);
		// createCloud checks its scenario the same way, before anything else happens.
		expect(() => createCloud(input)).toThrow(message);
	});

	it('throws nothing but ScenarioError for any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				try {
					resolveScenario(value);
				} catch (error) {
					if (!(error instanceof ScenarioError)) throw error;
				}
			}),
			{ seed: 20261122, numRuns: 500 }
		);
	});

	it('throws nothing but ScenarioError when any one field of the default scenario is replaced by any JSON value or removed', () => {
		const paths = fieldPaths(defaultScenario);
		fc.assert(
			fc.property(
				fc.constantFrom(...paths),
				fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
				(path, value) => {
					const input = structuredClone(defaultScenario) as Mutable;
					const parent = path.slice(0, -1).reduce((o, key) => o[key], input);
					const key = path.at(-1)!;
					if (value === undefined) delete parent[key];
					else parent[key] = value;
					let resolved: Scenario;
					try {
						resolved = resolveScenario(input);
					} catch (error) {
						if (!(error instanceof ScenarioError)) throw error;
						return;
					}
					// Whatever passes is returned as given, never half-corrected.
					expect(resolved).toEqual(input);
				}
			),
			{ seed: 20261122, numRuns: 2000 }
		);
	});
});

/** Every path to a member or element of `value`, e.g. ['userPool', 'users', 1, 'sub']. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (typeof value !== 'object' || value === null) return [];
	const entries = Array.isArray(value)
		? value.map((v, i) => [i, v] as const)
		: Object.entries(value);
	return entries.flatMap(([key, child]) => [
		[...prefix, key],
		...fieldPaths(child, [...prefix, key])
	]);
}
