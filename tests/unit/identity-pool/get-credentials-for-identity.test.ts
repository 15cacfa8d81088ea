import {
	GetCredentialsForIdentityCommand,
	GetIdCommand,
	InvalidIdentityPoolConfigurationException,
	NotAuthorizedException
} from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import { afterEach, describe, expect, it } from 'vitest';
import { guestScopeDownPolicy } from '$lib/cloud/identity-pool';
import type { Scenario } from '$lib/cloud';
import { cloudRequestHandler, failure, unpinTime } from '../../support';
import {
	identityPoolId,
	identityPoolWorld,
	userPoolProvider,
	type IdentityPoolWorld
} from '../../support/identity-pool-cloud';

afterEach(unpinTime);

const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`;
const webClientKey = `${userPoolProvider}:3n4flowlab5webclient6a7b8c`;

/** Adds a role trusting the pool's authenticated identities, like FlowLabAuthenticated. */
function addRole(scenario: Scenario, name: string, roleId: string): void {
	const template = scenario.iam.roles.find((r) => r.name === 'FlowLabAuthenticated')!;
	scenario.iam.roles.push({ ...structuredClone(template), name, arn: role(name), roleId });
}

async function credentialsFor(
	world: IdentityPoolWorld,
	Logins?: Record<string, string>,
	CustomRoleArn?: string
) {
	const { IdentityId } = await world.identity.send(
		new GetIdCommand({ IdentityPoolId: identityPoolId, Logins })
	);
	return world.identity.send(
		new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn })
	);
}

/** Who the account says holds an access key: the role and the credentials' request context. */
function holder(world: IdentityPoolWorld, accessKeyId: string) {
	const owner = world.cloud.account.accessKeyOwner(accessKeyId);
	if (owner?.kind !== 'assumed-role') throw new Error(`${accessKeyId} is not a role session`);
	return owner.credentials;
}

describe('GetCredentialsForIdentity (enhanced flow) through CognitoIdentityClient', () => {
	it('gives a guest one-hour FlowLabGuest credentials narrowed by the scope-down policy', async () => {
		const world = identityPoolWorld();
		const { IdentityId, Credentials } = await credentialsFor(world);
		expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
		expect(Credentials?.SecretKey).toHaveLength(40);
		expect(Credentials?.SessionToken).toBeTruthy();
		expect(Credentials?.Expiration).toEqual(
			new Date(Math.floor(Date.now() / 1000) * 1000 + 3600_000)
		);
		const issued = holder(world, Credentials!.AccessKeyId!);
		expect(issued).toMatchObject({
			roleArn: role('FlowLabGuest'),
			roleSessionName: 'CognitoIdentityCredentials',
			assumedRoleArn:
				'arn:aws:sts::111122223333:assumed-role/FlowLabGuest/CognitoIdentityCredentials',
			context: {
				'cognito-identity.amazonaws.com:aud': identityPoolId,
				'cognito-identity.amazonaws.com:amr': ['unauthenticated'],
				'cognito-identity.amazonaws.com:sub': IdentityId
			},
			sessionPolicy: guestScopeDownPolicy
		});
	});

	it('gives alice FlowLabAuthenticated credentials, not scoped down, and explains role and trust', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice');
		const { Credentials } = await credentialsFor(world, { [userPoolProvider]: IdToken });
		const issued = holder(world, Credentials!.AccessKeyId!);
		expect(issued.roleArn).toBe(role('FlowLabAuthenticated'));
		expect(issued.sessionPolicy).toBeUndefined();
		expect(issued.context['cognito-identity.amazonaws.com:amr']).toEqual([
			'authenticated',
			userPoolProvider,
			`${userPoolProvider}:CognitoSignIn:a11ce000-1111-4aaa-8aaa-000000000001`
		]);
		const exchange = world.cloud.log.entries.findLast(
			(e) => e.label === 'GetCredentialsForIdentity'
		)!;
		expect(exchange.explanations?.map((e) => [e.kind, e.verdict])).toEqual([
			['token', 'pass'],
			['role-selection', 'pass'],
			['trust-policy', 'pass']
		]);
	});

	it('refuses a role whose trust policy allows sts:AssumeRole instead of AssumeRoleWithWebIdentity', async () => {
		const world = identityPoolWorld((s) => {
			const guest = s.iam.roles.find((r) => r.name === 'FlowLabGuest')!;
			guest.assumeRolePolicyDocument.Statement[0]!.Action = 'sts:AssumeRole';
		});
		const error = await failure(credentialsFor(world));
		expect(error).toBeInstanceOf(InvalidIdentityPoolConfigurationException);
		expect(error.message).toBe(
			'Invalid identity pool configuration. Check assigned IAM roles for this pool.'
		);
		const exchange = world.cloud.log.entries.findLast(
			(e) => e.label === 'GetCredentialsForIdentity'
		)!;
		expect(exchange.explanations?.at(-1)).toMatchObject({ kind: 'trust-policy', verdict: 'fail' });
	});

	it('refuses a guest when the pool has no guest role', async () => {
		const world = identityPoolWorld((s) => delete s.identityPool.roles.unauthenticated);
		const error = await failure(credentialsFor(world));
		expect(error).toBeInstanceOf(InvalidIdentityPoolConfigurationException);
	});

	it('links a login presented for a guest identity: the identity becomes authenticated', async () => {
		const world = identityPoolWorld();
		const { IdentityId } = await world.identity.send(
			new GetIdCommand({ IdentityPoolId: identityPoolId })
		);
		const { IdToken } = await world.signIn('alice');
		const Logins = { [userPoolProvider]: IdToken };
		const { Credentials } = await world.identity.send(
			new GetCredentialsForIdentityCommand({ IdentityId, Logins })
		);
		expect(holder(world, Credentials!.AccessKeyId!).roleArn).toBe(role('FlowLabAuthenticated'));
		const again = await world.identity.send(
			new GetIdCommand({ IdentityPoolId: identityPoolId, Logins })
		);
		expect(again.IdentityId).toBe(IdentityId);
		const asGuest = await failure(
			world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId }))
		);
		expect(asGuest).toBeInstanceOf(NotAuthorizedException);
	});

	it('refuses an authenticated identity asked for without its logins', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice');
		const { IdentityId } = await world.identity.send(
			new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [userPoolProvider]: IdToken } })
		);
		const error = await failure(
			world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId }))
		);
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe(
			"Logins don't match. Please include at least one valid login for this identity or identity pool."
		);
	});
});

describe('Role mappings (cognito.md §7.8)', () => {
	const rules = (resolution: 'AuthenticatedRole' | 'Deny') => (s: Scenario) => {
		addRole(s, 'FlowLabBlueTeam', 'AROAFLOWLABBLUETEAM01');
		s.identityPool.roleMappings[webClientKey] = {
			type: 'Rules',
			ambiguousRoleResolution: resolution,
			rules: [
				{ claim: 'custom:team', matchType: 'Equals', value: 'red', roleArn: role('FlowLabGuest') },
				{
					claim: 'custom:team',
					matchType: 'StartsWith',
					value: 'bl',
					roleArn: role('FlowLabBlueTeam')
				}
			]
		};
	};

	it('Rules: the first matching rule picks the role', async () => {
		const world = identityPoolWorld(rules('Deny'));
		const { IdToken } = await world.signIn('grace');
		const { Credentials } = await credentialsFor(world, { [userPoolProvider]: IdToken });
		expect(holder(world, Credentials!.AccessKeyId!).roleArn).toBe(role('FlowLabBlueTeam'));
	});

	it('Rules: nothing matches → the authenticated role, or Deny with the observed message', async () => {
		const fallback = identityPoolWorld(rules('AuthenticatedRole'));
		const alice = await fallback.signIn('alice');
		const { Credentials } = await credentialsFor(fallback, { [userPoolProvider]: alice.IdToken });
		expect(holder(fallback, Credentials!.AccessKeyId!).roleArn).toBe(role('FlowLabAuthenticated'));
		unpinTime();

		const deny = identityPoolWorld(rules('Deny'));
		const { IdToken } = await deny.signIn('alice');
		const error = await failure(credentialsFor(deny, { [userPoolProvider]: IdToken }));
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe(
			`The ambiguous role mapping rules for: ${webClientKey} denied this request.`
		);
	});

	it('Token: cognito:preferred_role from the group, or a CustomRoleArn listed in cognito:roles', async () => {
		const world = identityPoolWorld((s) => {
			s.identityPool.roleMappings[webClientKey] = {
				type: 'Token',
				ambiguousRoleResolution: 'Deny'
			};
		});
		const { IdToken } = await world.signIn('alice');
		const Logins = { [userPoolProvider]: IdToken };
		const preferred = await credentialsFor(world, Logins);
		expect(holder(world, preferred.Credentials!.AccessKeyId!).roleArn).toBe(role('FlowLabEditors'));
		const custom = await failure(credentialsFor(world, Logins, role('FlowLabGuest')));
		expect(custom).toBeInstanceOf(NotAuthorizedException);
	});
});

describe('fromCognitoIdentityPool', () => {
	/** The provider builds its own client (the SDK's nested one), sent into the cloud. */
	const clientConfig = (world: IdentityPoolWorld) => ({
		region: 'us-east-1',
		maxAttempts: 1,
		requestHandler: cloudRequestHandler(world.cloud.fetch)
	});

	it('resolves guest credentials, and a signed-in user’s, against the simulated pool', async () => {
		const world = identityPoolWorld();
		const guest = await fromCognitoIdentityPool({
			clientConfig: clientConfig(world),
			identityPoolId
		})();
		expect(guest.accessKeyId).toMatch(/^ASIA/);
		expect(holder(world, guest.accessKeyId).roleArn).toBe(role('FlowLabGuest'));

		const { IdToken } = await world.signIn('alice');
		const alice = await fromCognitoIdentityPool({
			clientConfig: clientConfig(world),
			identityPoolId,
			logins: { [userPoolProvider]: IdToken }
		})();
		expect(alice.identityId).toMatch(/^us-east-1:/);
		expect(alice.expiration).toEqual(new Date(Math.floor(Date.now() / 1000) * 1000 + 3600_000));
		expect(holder(world, alice.accessKeyId).roleArn).toBe(role('FlowLabAuthenticated'));
	});
});
