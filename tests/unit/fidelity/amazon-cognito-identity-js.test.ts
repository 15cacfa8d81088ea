import {
	AuthenticationDetails,
	CognitoRefreshToken,
	CognitoUser,
	CognitoUserPool,
	type CognitoUserSession,
	type ICognitoStorage
} from 'amazon-cognito-identity-js';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '$lib/cloud';
import { totpCode } from '$lib/crypto';
import { cacheTokens } from '$lib/flows/user-pool-sign-in/cache-tokens';
import { jwksOverTheNetwork, routeGlobalFetch, unpinTime, webClientId } from '../../support';
import { pinnedCloud } from '../../support/pinned-cloud';

const UserPoolId = 'us-east-1_FlowLab01';

/** Keeps the library's token cache in memory: nothing touches localStorage. */
class MemoryStorage implements ICognitoStorage {
	readonly items = new Map<string, string>();
	setItem = (key: string, value: string) => void this.items.set(key, value);
	getItem = (key: string) => this.items.get(key) ?? null;
	removeItem = (key: string) => void this.items.delete(key);
	clear = () => this.items.clear();
}

let cloud: Cloud;
let restoreFetch: () => void;
let pool: CognitoUserPool;
let storage: MemoryStorage;

beforeEach(() => {
	cloud = pinnedCloud();
	restoreFetch = routeGlobalFetch(cloud.fetch);
	storage = new MemoryStorage();
	pool = new CognitoUserPool({ UserPoolId, ClientId: webClientId, Storage: storage });
});
afterEach(() => {
	restoreFetch();
	unpinTime();
});

type Outcome =
	| { kind: 'success'; session: CognitoUserSession }
	| { kind: 'failure'; error: Error }
	| { kind: 'totpRequired' }
	| { kind: 'newPasswordRequired'; userAttributes: Record<string, string> };

/** The library's callback object, as one promise of whichever callback fires. */
function callbacks(resolve: (o: Outcome) => void) {
	return {
		onSuccess: (session: CognitoUserSession) => resolve({ kind: 'success', session }),
		onFailure: (error: Error) => resolve({ kind: 'failure', error }),
		totpRequired: () => resolve({ kind: 'totpRequired' }),
		newPasswordRequired: (userAttributes: Record<string, string>) =>
			resolve({ kind: 'newPasswordRequired', userAttributes })
	};
}

function authenticate(user: CognitoUser, Username: string, Password: string): Promise<Outcome> {
	return new Promise((resolve) =>
		user.authenticateUser(new AuthenticationDetails({ Username, Password }), callbacks(resolve))
	);
}

async function verifyIdToken(session: CognitoUserSession) {
	const verifier = CognitoJwtVerifier.create({
		userPoolId: UserPoolId,
		tokenUse: 'id',
		clientId: webClientId
	});
	verifier.cacheJwks(await jwksOverTheNetwork(cloud));
	return verifier.verifySync(session.getIdToken().getJwtToken());
}

describe('amazon-cognito-identity-js signs in against the simulated pool (SRP)', () => {
	it('signs a plain user in; the tokens verify with the pool JWKS', async () => {
		const user = new CognitoUser({ Username: 'alice', Pool: pool });
		const outcome = await authenticate(user, 'alice', 'Correct-Horse-42');
		if (outcome.kind !== 'success') throw new Error(`expected success, got ${outcome.kind}`);
		expect((await verifyIdToken(outcome.session))['cognito:username']).toBe('alice');
		expect(cloud.log.entries.map((e) => e.label)).toEqual([
			'InitiateAuth',
			'RespondToAuthChallenge',
			`GET /${UserPoolId}/.well-known/jwks.json`
		]);
	});

	it("caches the tokens under the keys and values the lab's cacheTokens models", async () => {
		// The user, not the pool, caches the tokens: it takes the storage it is given
		const user = new CognitoUser({ Username: 'alice', Pool: pool, Storage: storage });
		const outcome = await authenticate(user, 'alice', 'Correct-Horse-42');
		if (outcome.kind !== 'success') throw new Error(`expected success, got ${outcome.kind}`);
		const { session } = outcome;
		const modelled = cacheTokens(
			{},
			{
				clientId: webClientId,
				username: 'alice',
				tokens: {
					idToken: session.getIdToken().getJwtToken(),
					accessToken: session.getAccessToken().getJwtToken(),
					refreshToken: session.getRefreshToken().getToken(),
					expiresIn: 3600,
					tokenType: 'Bearer'
				},
				now: Date.now()
			}
		);
		// Same keys, same order, same values (the library also caches userData only when asked).
		expect([...storage.items]).toEqual(Object.entries(modelled));
	});

	it('gets the generic NotAuthorizedException for a wrong password', async () => {
		const user = new CognitoUser({ Username: 'alice', Pool: pool });
		const outcome = await authenticate(user, 'alice', 'wrong');
		expect(outcome).toMatchObject({ kind: 'failure' });
		const error = (outcome as { error: Error & { code?: string } }).error;
		expect(error.code).toBe('NotAuthorizedException');
		expect(error.message).toBe('Incorrect username or password.');
	});

	it('answers totpRequired for a TOTP user, then sendMFACode completes the sign-in', async () => {
		const user = new CognitoUser({ Username: 'bob', Pool: pool });
		expect(await authenticate(user, 'bob', 'Battery-Staple-42')).toEqual({ kind: 'totpRequired' });
		const code = await totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', Date.now());
		const outcome = await new Promise<Outcome>((resolve) =>
			user.sendMFACode(code, callbacks(resolve), 'SOFTWARE_TOKEN_MFA')
		);
		if (outcome.kind !== 'success') throw new Error(`expected success, got ${outcome.kind}`);
		expect((await verifyIdToken(outcome.session)).sub).toBe('b0b00000-2222-4bbb-8bbb-000000000002');
	});

	it('answers newPasswordRequired, then completeNewPasswordChallenge signs in', async () => {
		const user = new CognitoUser({ Username: 'carol', Pool: pool });
		const first = await authenticate(user, 'carol', 'Temporary-Pass-42');
		expect(first).toMatchObject({
			kind: 'newPasswordRequired',
			userAttributes: { email: 'carol@example.com' }
		});
		const outcome = await new Promise<Outcome>((resolve) =>
			user.completeNewPasswordChallenge('Brand-New-Pass-42', {}, callbacks(resolve))
		);
		expect(outcome.kind).toBe('success');
	});

	it('refreshSession gets new tokens and keeps the old refresh token', async () => {
		const user = new CognitoUser({ Username: 'alice', Pool: pool });
		const outcome = await authenticate(user, 'alice', 'Correct-Horse-42');
		if (outcome.kind !== 'success') throw new Error(`expected success, got ${outcome.kind}`);
		const refreshToken = outcome.session.getRefreshToken().getToken();
		const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
			user.refreshSession(new CognitoRefreshToken({ RefreshToken: refreshToken }), (err, s) =>
				err ? reject(err) : resolve(s)
			)
		);
		expect(refreshed.getRefreshToken().getToken()).toBe(refreshToken);
		expect(refreshed.getAccessToken().getJwtToken()).not.toBe(
			outcome.session.getAccessToken().getJwtToken()
		);
	});

	it('reads the user attributes with GetUser', async () => {
		const user = new CognitoUser({ Username: 'alice', Pool: pool });
		await authenticate(user, 'alice', 'Correct-Horse-42');
		const attributes = await new Promise<{ Name: string; Value: string }[]>((resolve, reject) =>
			user.getUserAttributes((err, attrs) =>
				err
					? reject(err)
					: resolve((attrs ?? []).map((a) => ({ Name: a.getName(), Value: a.getValue() })))
			)
		);
		expect(attributes).toContainEqual({ Name: 'email', Value: 'alice@example.com' });
	});
});
