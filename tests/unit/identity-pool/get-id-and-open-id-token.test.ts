import {
	GetIdCommand,
	GetOpenIdTokenCommand,
	InvalidParameterException,
	NotAuthorizedException,
	ResourceNotFoundException
} from '@aws-sdk/client-cognito-identity';
import { GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, legacyClientId, unpinTime } from '../../support';
import {
	identityPoolId,
	identityPoolWorld,
	userPoolProvider,
	type IdentityPoolWorld
} from '../../support/identity-pool-cloud';

afterEach(unpinTime);

const identityIdPattern =
	/^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const issuer = 'https://cognito-identity.amazonaws.com';

const getId = (world: IdentityPoolWorld, Logins?: Record<string, string>) =>
	world.identity.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins }));

/** The pool token verified as a relying party would: JWKS fetched from the published URL. */
async function verifyPoolToken(world: IdentityPoolWorld, token: string) {
	const response = await world.cloud.fetch(`${issuer}/.well-known/jwks_uri`);
	expect(response.headers.get('cache-control')).toBe('max-age=2592000');
	const jwks = (await response.json()) as JSONWebKeySet;
	return jwtVerify(token, createLocalJWKSet(jwks), {
		issuer,
		audience: identityPoolId,
		algorithms: ['RS512'],
		currentDate: new Date(world.cloud.clock.now())
	});
}

describe('GetId through CognitoIdentityClient', () => {
	it('gives a guest a new <region>:<uuid> identity on every call', async () => {
		const world = identityPoolWorld();
		const first = await getId(world);
		const second = await getId(world);
		expect(first.IdentityId).toMatch(identityIdPattern);
		expect(second.IdentityId).toMatch(identityIdPattern);
		expect(second.IdentityId).not.toBe(first.IdentityId);
	});

	it('gives the same user pool user the same identity, and another user another one', async () => {
		const world = identityPoolWorld();
		const alice = await world.signIn('alice');
		const first = await getId(world, { [userPoolProvider]: alice.IdToken });
		const again = await getId(world, { [userPoolProvider]: (await world.signIn('alice')).IdToken });
		const grace = await getId(world, { [userPoolProvider]: (await world.signIn('grace')).IdToken });
		expect(again.IdentityId).toBe(first.IdentityId);
		expect(grace.IdentityId).not.toBe(first.IdentityId);
	});

	it('refuses guests when AllowUnauthenticatedIdentities is off', async () => {
		const world = identityPoolWorld((s) => (s.identityPool.allowUnauthenticatedIdentities = false));
		const error = await failure(getId(world));
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe('Unauthenticated access is not supported for this identity pool.');
		expect(error.$metadata?.httpStatusCode).toBe(400);
	});

	it('answers an unknown pool with ResourceNotFoundException and a malformed one with the validation message', async () => {
		const world = identityPoolWorld();
		const unknown = await failure(
			world.identity.send(
				new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000' })
			)
		);
		expect(unknown).toBeInstanceOf(ResourceNotFoundException);
		expect(unknown.message).toBe(
			"IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found."
		);
		const malformed = await failure(
			world.identity.send(new GetIdCommand({ IdentityPoolId: 'not a pool' }))
		);
		expect(malformed).toBeInstanceOf(InvalidParameterException);
		expect(malformed.message).toBe(
			"1 validation error detected: Value 'not a pool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+"
		);
	});
});

describe('Logins are checked in the order and with the words of cognito.md §7.7', () => {
	const refusal = async (world: IdentityPoolWorld, Logins: Record<string, string>) => {
		const error = await failure(getId(world, Logins));
		expect(error).toBeInstanceOf(NotAuthorizedException);
		return error.message;
	};

	it('refuses an access token: it has no aud', async () => {
		const world = identityPoolWorld();
		const { AccessToken } = await world.signIn('alice');
		expect(await refusal(world, { [userPoolProvider]: AccessToken })).toBe(
			'Invalid login token. Missing a required claim: aud'
		);
	});

	it('refuses a key that is not the issuer without https://', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice');
		for (const key of [
			`https://${userPoolProvider}`,
			'cognito-idp.us-east-1.amazonaws.com/us-east-1:7c1d5b2e',
			'cognito-idp.us-west-2.amazonaws.com/us-east-1_FlowLab01'
		])
			expect(await refusal(world, { [key]: IdToken })).toBe(
				"Invalid login token. Issuer doesn't match providerName"
			);
	});

	it('refuses a token of an app client the pool does not list', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice', legacyClientId);
		expect(await refusal(world, { [userPoolProvider]: IdToken })).toBe(
			'Token is not from a supported provider of this identity pool.'
		);
	});

	it('refuses a token whose signature does not verify, and a value that is no JWT', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice');
		const [header, payload, signature] = IdToken.split('.');
		const flipped = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
		expect(await refusal(world, { [userPoolProvider]: flipped })).toBe(
			"Invalid login token. Couldn't verify signed token."
		);
		expect(await refusal(world, { [userPoolProvider]: 'alice' })).toBe(
			'Invalid login token. Not a valid OpenId Connect identity token.'
		);
	});

	it('refuses an expired ID token with <now> >= <exp> in seconds', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice');
		const exp = Math.floor(world.cloud.clock.now() / 1000) + 3600;
		world.cloud.clock.advance(3600_000 + 5_000);
		expect(await refusal(world, { [userPoolProvider]: IdToken })).toBe(
			`Invalid login token. Token expired: ${exp + 5} >= ${exp}`
		);
	});

	it('with ServerSideTokenCheck, refuses the ID token of a user who signed out globally', async () => {
		const world = identityPoolWorld(
			(s) => (s.identityPool.cognitoIdentityProviders[0]!.serverSideTokenCheck = true)
		);
		const { IdToken, AccessToken } = await world.signIn('alice');
		await getId(world, { [userPoolProvider]: IdToken });
		await world.userPool.send(new GlobalSignOutCommand({ AccessToken }));
		expect(await refusal(world, { [userPoolProvider]: IdToken })).toBe(
			'Invalid login token. Token has been revoked.'
		);
	});

	it('without ServerSideTokenCheck, keeps accepting that token until it expires', async () => {
		const world = identityPoolWorld();
		const { IdToken, AccessToken } = await world.signIn('alice');
		await world.userPool.send(new GlobalSignOutCommand({ AccessToken }));
		expect((await getId(world, { [userPoolProvider]: IdToken })).IdentityId).toMatch(
			identityIdPattern
		);
	});
});

describe('GetOpenIdToken and the pool’s own token', () => {
	it('signs a guest token RS512 with a region kid, 10 minutes, verifiable with the published JWKS', async () => {
		const world = identityPoolWorld();
		const { IdentityId } = await getId(world);
		const { Token, IdentityId: returned } = await world.identity.send(
			new GetOpenIdTokenCommand({ IdentityId })
		);
		expect(returned).toBe(IdentityId);
		expect(decodeProtectedHeader(Token!)).toEqual({ kid: 'us-east-1-1', typ: 'JWS', alg: 'RS512' });
		const { payload } = await verifyPoolToken(world, Token!);
		expect(payload).toEqual({
			sub: IdentityId,
			aud: identityPoolId,
			iss: issuer,
			amr: ['unauthenticated'],
			exp: payload.iat! + 600,
			iat: Math.floor(world.cloud.clock.now() / 1000)
		});
	});

	it('signs an authenticated token with the provider amr entries and the pool ARN', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice');
		const Logins = { [userPoolProvider]: IdToken };
		const { IdentityId } = await getId(world, Logins);
		const { Token } = await world.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
		const { payload } = await verifyPoolToken(world, Token!);
		expect(payload.amr).toEqual([
			'authenticated',
			userPoolProvider,
			`${userPoolProvider}:CognitoSignIn:a11ce000-1111-4aaa-8aaa-000000000001`
		]);
		expect(payload['https://cognito-identity.amazonaws.com/identity-pool-arn']).toBe(
			`arn:aws:cognito-identity:us-east-1:111122223333:identitypool/${identityPoolId}`
		);
	});

	it('refuses an authenticated identity asked for without its logins', async () => {
		const world = identityPoolWorld();
		const { IdToken } = await world.signIn('alice');
		const { IdentityId } = await getId(world, { [userPoolProvider]: IdToken });
		const error = await failure(world.identity.send(new GetOpenIdTokenCommand({ IdentityId })));
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe(
			"Logins don't match. Please include at least one valid login for this identity or identity pool."
		);
	});

	it('refuses the basic flow when AllowClassicFlow is off, or when the pool has role mappings', async () => {
		const off = identityPoolWorld((s) => (s.identityPool.allowClassicFlow = false));
		const offId = (await getId(off)).IdentityId;
		const disabled = await failure(
			off.identity.send(new GetOpenIdTokenCommand({ IdentityId: offId }))
		);
		expect(disabled).toBeInstanceOf(InvalidParameterException);
		expect(disabled.message).toBe('Basic (classic) flow is not enabled, please use enhanced flow.');
		unpinTime();

		const mapped = identityPoolWorld((s) => {
			s.identityPool.roleMappings[`${userPoolProvider}:3n4flowlab5webclient6a7b8c`] = {
				type: 'Token',
				ambiguousRoleResolution: 'AuthenticatedRole'
			};
		});
		const mappedId = (await getId(mapped)).IdentityId;
		const withMappings = await failure(
			mapped.identity.send(new GetOpenIdTokenCommand({ IdentityId: mappedId }))
		);
		expect(withMappings).toBeInstanceOf(InvalidParameterException);
		expect(withMappings.message).toBe(
			'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.'
		);
	});

	it('answers an unknown identity with ResourceNotFoundException', async () => {
		const world = identityPoolWorld();
		const IdentityId = 'us-east-1:00000000-0000-4000-8000-000000000000';
		const error = await failure(world.identity.send(new GetOpenIdTokenCommand({ IdentityId })));
		expect(error).toBeInstanceOf(ResourceNotFoundException);
		expect(error.message).toBe(`Identity '${IdentityId}' not found.`);
	});

	it('publishes an openid-configuration naming the issuer and the jwks_uri', async () => {
		const world = identityPoolWorld();
		const config = await (
			await world.cloud.fetch(`${issuer}/.well-known/openid-configuration`)
		).json();
		expect(config).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks_uri` });
	});
});
