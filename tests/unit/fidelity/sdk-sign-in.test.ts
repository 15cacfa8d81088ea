import {
	type CognitoIdentityProviderClient,
	GetUserCommand,
	GlobalSignOutCommand,
	InitiateAuthCommand,
	NotAuthorizedException,
	RespondToAuthChallengeCommand,
	RevokeTokenCommand,
	UserNotConfirmedException,
	UserNotFoundException,
	CodeMismatchException,
	InvalidParameterException,
	InvalidPasswordException,
	PasswordResetRequiredException,
	ResourceNotFoundException
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '$lib/cloud';
import { computeSecretHash, totpCode } from '$lib/crypto';
import {
	advanceTime,
	failure,
	legacyClientId,
	serverClientId,
	serverClientSecret,
	srpSignIn,
	unpinTime,
	webClientId
} from '../../support';
import { pinnedCloudWithSdk } from '../../support/pinned-cloud';

const poolId = 'us-east-1_FlowLab01';
const bobTotp = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let cloud: Cloud;
let sdk: CognitoIdentityProviderClient;

beforeEach(() => ({ cloud, sdk } = pinnedCloudWithSdk()));
afterEach(unpinTime);

const passwordAuth = (username: string, password: string, clientId = legacyClientId) =>
	sdk.send(
		new InitiateAuthCommand({
			AuthFlow: 'USER_PASSWORD_AUTH',
			ClientId: clientId,
			AuthParameters: { USERNAME: username, PASSWORD: password }
		})
	);

describe('USER_SRP_AUTH through the AWS SDK', () => {
	it('signs a plain user in with tokens and a refresh token', async () => {
		const result = await srpSignIn(sdk, {
			poolId,
			clientId: webClientId,
			username: 'alice',
			password: 'Correct-Horse-42'
		});
		expect(result.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
		expect(result.AuthenticationResult?.RefreshToken?.split('.')).toHaveLength(5);
	});

	it('refuses a wrong password at PASSWORD_VERIFIER with Incorrect username or password.', async () => {
		const error = await failure(
			srpSignIn(sdk, { poolId, clientId: webClientId, username: 'alice', password: 'wrong' })
		);
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe('Incorrect username or password.');
	});

	it('wants the PASSWORD_VERIFIER answer within 10 s of the challenge, not the 3-minute Session', async () => {
		const signIn = (thinkMs: number) =>
			srpSignIn(sdk, {
				poolId,
				clientId: webClientId,
				username: 'alice',
				password: 'Correct-Horse-42',
				thinkMs
			});
		expect((await signIn(10_000 - 1)).AuthenticationResult).toBeDefined();
		const late = await failure(signIn(10_000));
		expect(late).toBeInstanceOf(NotAuthorizedException);
		expect(late.message).toBe('Invalid session for the user, session is expired.');
	});

	it('under ENABLED gives an unknown user a challenge with a stable salt, then the generic failure', async () => {
		const first = await sdk.send(
			new InitiateAuthCommand({
				AuthFlow: 'USER_SRP_AUTH',
				ClientId: webClientId,
				AuthParameters: { USERNAME: 'nobody', SRP_A: 'abc123' }
			})
		);
		const second = await sdk.send(
			new InitiateAuthCommand({
				AuthFlow: 'USER_SRP_AUTH',
				ClientId: webClientId,
				AuthParameters: { USERNAME: 'nobody', SRP_A: 'abc123' }
			})
		);
		expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
		expect(second.ChallengeParameters?.SALT).toBe(first.ChallengeParameters?.SALT);
		expect(second.ChallengeParameters?.USER_ID_FOR_SRP).toMatch(/^[0-9a-f-]{36}$/);
		const error = await failure(
			srpSignIn(sdk, { poolId, clientId: webClientId, username: 'nobody', password: 'x' })
		);
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe('Incorrect username or password.');
	});

	it('under LEGACY tells an unknown user at InitiateAuth: User does not exist.', async () => {
		const error = await failure(
			srpSignIn(sdk, { poolId, clientId: legacyClientId, username: 'nobody', password: 'x' })
		);
		expect(error).toBeInstanceOf(UserNotFoundException);
		expect(error.message).toBe('User does not exist.');
	});

	it('tells an unconfirmed user at PASSWORD_VERIFIER, even with a wrong password', async () => {
		for (const password of ['Unconfirmed-Pass-42', 'wrong']) {
			const error = await failure(
				srpSignIn(sdk, { poolId, clientId: webClientId, username: 'dave', password })
			);
			expect(error).toBeInstanceOf(UserNotConfirmedException);
			expect(error.message).toBe('User is not confirmed.');
		}
	});

	it('refuses a disabled user with User is disabled.', async () => {
		const error = await failure(
			srpSignIn(sdk, {
				poolId,
				clientId: webClientId,
				username: 'frank',
				password: 'Disabled-Pass-42'
			})
		);
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe('User is disabled.');
	});

	it('RESET_REQUIRED: PasswordResetRequiredException under LEGACY, generic under ENABLED', async () => {
		const legacy = await failure(
			srpSignIn(sdk, {
				poolId,
				clientId: legacyClientId,
				username: 'erin',
				password: 'Reset-Me-Pass-42'
			})
		);
		expect(legacy).toBeInstanceOf(PasswordResetRequiredException);
		expect(legacy.message).toBe('Password reset required for the user');
		const enabled = await failure(
			srpSignIn(sdk, {
				poolId,
				clientId: webClientId,
				username: 'erin',
				password: 'Reset-Me-Pass-42'
			})
		);
		expect(enabled).toBeInstanceOf(NotAuthorizedException);
		expect(enabled.message).toBe('Incorrect username or password.');
	});

	it('asks a TOTP user for SOFTWARE_TOKEN_MFA and accepts the current code', async () => {
		const step = await srpSignIn(sdk, {
			poolId,
			clientId: webClientId,
			username: 'bob',
			password: 'Battery-Staple-42'
		});
		expect(step.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
		const done = await sdk.send(
			new RespondToAuthChallengeCommand({
				ClientId: webClientId,
				ChallengeName: 'SOFTWARE_TOKEN_MFA',
				Session: step.Session,
				ChallengeResponses: {
					USERNAME: 'bob',
					SOFTWARE_TOKEN_MFA_CODE: await totpCode(bobTotp, Date.now())
				}
			})
		);
		expect(done.AuthenticationResult?.IdToken).toBeTruthy();
	});

	it.each([
		['a wrong code', async () => '000000'],
		['a code from ten minutes ago', () => totpCode(bobTotp, Date.now() - 600_000)]
	])('refuses %s with Invalid code or auth state for the user.', async (_, code) => {
		// The password step is not the point here: the cheaper USER_PASSWORD_AUTH reaches MFA too
		const step = await passwordAuth('bob', 'Battery-Staple-42');
		const error = await failure(
			sdk.send(
				new RespondToAuthChallengeCommand({
					ClientId: legacyClientId,
					ChallengeName: 'SOFTWARE_TOKEN_MFA',
					Session: step.Session,
					ChallengeResponses: { USERNAME: 'bob', SOFTWARE_TOKEN_MFA_CODE: await code() }
				})
			)
		);
		expect(error).toBeInstanceOf(CodeMismatchException);
		expect(error.message).toBe('Invalid code or auth state for the user.');
	});

	it('expires the challenge Session after AuthSessionValidity minutes, and ends it after one use', async () => {
		// The password step is not the point here: the cheaper USER_PASSWORD_AUTH reaches MFA too
		const step = await passwordAuth('bob', 'Battery-Staple-42');
		advanceTime(3 * 60_000 + 1);
		const respond = async () =>
			sdk.send(
				new RespondToAuthChallengeCommand({
					ClientId: legacyClientId,
					ChallengeName: 'SOFTWARE_TOKEN_MFA',
					Session: step.Session,
					ChallengeResponses: {
						USERNAME: 'bob',
						SOFTWARE_TOKEN_MFA_CODE: await totpCode(bobTotp, Date.now())
					}
				})
			);
		const expired = await failure(respond());
		expect(expired).toBeInstanceOf(NotAuthorizedException);
		expect(expired.message).toBe('Invalid session for the user, session is expired.');
		const reused = await failure(respond());
		expect(reused).toBeInstanceOf(NotAuthorizedException);
		expect(reused.message).toBe('Invalid session for the user, session can only be used once.');
	});

	it('ends the Session with a wrong MFA code: the right code on the same Session is refused', async () => {
		const step = await passwordAuth('bob', 'Battery-Staple-42');
		const respond = (code: string) =>
			sdk.send(
				new RespondToAuthChallengeCommand({
					ClientId: legacyClientId,
					ChallengeName: 'SOFTWARE_TOKEN_MFA',
					Session: step.Session,
					ChallengeResponses: { USERNAME: 'bob', SOFTWARE_TOKEN_MFA_CODE: code }
				})
			);
		expect(await failure(respond('000000'))).toBeInstanceOf(CodeMismatchException);
		const retyped = await failure(respond(await totpCode(bobTotp, Date.now())));
		expect(retyped).toBeInstanceOf(NotAuthorizedException);
		expect(retyped.message).toBe('Invalid session for the user, session can only be used once.');
	});

	describe('wrong MFA codes count toward the lockout', () => {
		/** A fresh sign-in with bob's right password, answered with `code`. */
		async function signInWithCode(code: string) {
			const step = await passwordAuth('bob', 'Battery-Staple-42');
			return sdk.send(
				new RespondToAuthChallengeCommand({
					ClientId: legacyClientId,
					ChallengeName: 'SOFTWARE_TOKEN_MFA',
					Session: step.Session,
					ChallengeResponses: { USERNAME: 'bob', SOFTWARE_TOKEN_MFA_CODE: code }
				})
			);
		}

		it('locks the user after 5 wrong codes, although each sign-in had the right password', async () => {
			for (let i = 0; i < 5; i++) {
				const wrong = await failure(signInWithCode('000000'));
				expect(wrong).toBeInstanceOf(CodeMismatchException);
				expect(wrong.message).toBe('Invalid code or auth state for the user.');
			}
			const locked = await failure(passwordAuth('bob', 'Battery-Staple-42'));
			expect(locked).toBeInstanceOf(NotAuthorizedException);
			expect(locked.message).toBe('Password attempts exceeded');
			advanceTime(1000);
			const done = await signInWithCode(await totpCode(bobTotp, Date.now()));
			expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
		});

		it('shares one count with wrong passwords, and only tokens clear it', async () => {
			for (let i = 0; i < 4; i++) await failure(signInWithCode('000000'));
			const fifth = await failure(passwordAuth('bob', 'wrong'));
			expect(fifth.message).toBe('Incorrect username or password.');
			const locked = await failure(passwordAuth('bob', 'Battery-Staple-42'));
			expect(locked).toBeInstanceOf(NotAuthorizedException);
			expect(locked.message).toBe('Password attempts exceeded');
		});

		it('refuses a code during a lock that began after the Session was issued', async () => {
			const pending = await passwordAuth('bob', 'Battery-Staple-42');
			for (let i = 0; i < 5; i++) await failure(passwordAuth('bob', 'wrong'));
			const locked = await failure(
				sdk.send(
					new RespondToAuthChallengeCommand({
						ClientId: legacyClientId,
						ChallengeName: 'SOFTWARE_TOKEN_MFA',
						Session: pending.Session,
						ChallengeResponses: {
							USERNAME: 'bob',
							SOFTWARE_TOKEN_MFA_CODE: await totpCode(bobTotp, Date.now())
						}
					})
				)
			);
			expect(locked).toBeInstanceOf(NotAuthorizedException);
			expect(locked.message).toBe('Password attempts exceeded');
		});
	});

	it('makes a FORCE_CHANGE_PASSWORD user pick a policy-conforming password, then CONFIRMED', async () => {
		const step = await srpSignIn(sdk, {
			poolId,
			clientId: webClientId,
			username: 'carol',
			password: 'Temporary-Pass-42'
		});
		expect(step.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
		expect(JSON.parse(step.ChallengeParameters!.userAttributes!)).toEqual({
			email: 'carol@example.com',
			email_verified: 'true'
		});
		const respond = (password: string) =>
			sdk.send(
				new RespondToAuthChallengeCommand({
					ClientId: webClientId,
					ChallengeName: 'NEW_PASSWORD_REQUIRED',
					Session: step.Session,
					ChallengeResponses: { USERNAME: 'carol', NEW_PASSWORD: password }
				})
			);
		const weak = await failure(respond('short'));
		expect(weak).toBeInstanceOf(InvalidPasswordException);
		expect(weak.message).toBe('Password did not conform with policy: Password not long enough');
		const done = await respond('Brand-New-Pass-42');
		expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
		const again = await srpSignIn(sdk, {
			poolId,
			clientId: webClientId,
			username: 'carol',
			password: 'Brand-New-Pass-42'
		});
		expect(again.AuthenticationResult).toBeDefined();
	});
});

describe('USER_PASSWORD_AUTH, flows and SECRET_HASH through the AWS SDK', () => {
	it('signs in with the password and refuses it where the client does not allow the flow', async () => {
		const ok = await passwordAuth('alice', 'Correct-Horse-42');
		expect(ok.AuthenticationResult?.IdToken).toBeTruthy();
		const error = await failure(passwordAuth('alice', 'Correct-Horse-42', webClientId));
		expect(error).toBeInstanceOf(InvalidParameterException);
		expect(error.message).toBe('USER_PASSWORD_AUTH flow not enabled for this client');
	});

	it('refuses admin flows with Initiate Auth method not supported.', async () => {
		const error = await failure(
			sdk.send(
				new InitiateAuthCommand({
					AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
					ClientId: legacyClientId,
					AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct-Horse-42' }
				})
			)
		);
		expect(error).toBeInstanceOf(InvalidParameterException);
		expect(error.message).toBe('Initiate Auth method not supported.');
	});

	it('reports unknown and unconfirmed users per PreventUserExistenceErrors', async () => {
		const legacy = await failure(passwordAuth('nobody', 'x'));
		expect(legacy).toBeInstanceOf(UserNotFoundException);
		const unconfirmed = await failure(passwordAuth('dave', 'wrong'));
		expect(unconfirmed).toBeInstanceOf(UserNotConfirmedException);
		expect(unconfirmed.message).toBe('User is not confirmed.');
		const wrong = await failure(passwordAuth('alice', 'wrong'));
		expect(wrong).toBeInstanceOf(NotAuthorizedException);
		expect(wrong.message).toBe('Incorrect username or password.');
	});

	it('locks the user after 5 failures: Password attempts exceeded, even with the right password', async () => {
		for (let i = 0; i < 5; i++) await failure(passwordAuth('alice', 'wrong'));
		const locked = await failure(passwordAuth('alice', 'Correct-Horse-42'));
		expect(locked).toBeInstanceOf(NotAuthorizedException);
		expect(locked.message).toBe('Password attempts exceeded');
		advanceTime(1000);
		expect((await failure(passwordAuth('alice', 'wrong'))).message).toBe(
			'Incorrect username or password.'
		);
		advanceTime(1000);
		expect((await failure(passwordAuth('alice', 'Correct-Horse-42'))).message).toBe(
			'Password attempts exceeded'
		);
		advanceTime(15 * 60_000);
		expect((await passwordAuth('alice', 'Correct-Horse-42')).AuthenticationResult).toBeDefined();
	});

	it('needs SECRET_HASH for a client with a secret, and checks it', async () => {
		const missing = await failure(passwordAuth('alice', 'Correct-Horse-42', serverClientId));
		expect(missing).toBeInstanceOf(NotAuthorizedException);
		expect(missing.message).toBe(
			`Client ${serverClientId} is configured with secret but SECRET_HASH was not received`
		);
		const withHash = (hash: string) =>
			sdk.send(
				new InitiateAuthCommand({
					AuthFlow: 'USER_PASSWORD_AUTH',
					ClientId: serverClientId,
					AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct-Horse-42', SECRET_HASH: hash }
				})
			);
		const bobHash = await computeSecretHash('bob', serverClientId, serverClientSecret);
		const wrong = await failure(withHash(bobHash));
		expect(wrong.message).toBe(`Unable to verify secret hash for client ${serverClientId}`);
		const ok = await withHash(await computeSecretHash('alice', serverClientId, serverClientSecret));
		expect(ok.AuthenticationResult).toBeDefined();
	});

	it('runs SRP with SECRET_HASH on both steps for a client with a secret', async () => {
		const result = await srpSignIn(sdk, {
			poolId,
			clientId: serverClientId,
			clientSecret: serverClientSecret,
			username: 'alice',
			password: 'Correct-Horse-42'
		});
		expect(result.AuthenticationResult).toBeDefined();
	});

	it('answers an unknown client with ResourceNotFoundException', async () => {
		const error = await failure(passwordAuth('alice', 'x', 'nosuchclient'));
		expect(error).toBeInstanceOf(ResourceNotFoundException);
		expect(error.message).toBe('User pool client nosuchclient does not exist.');
	});

	it('names missing members and parameters as AWS validation does', async () => {
		const noClient = await failure(
			sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH' } as never))
		);
		expect(noClient).toBeInstanceOf(InvalidParameterException);
		expect(noClient.message).toBe(
			"1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null"
		);
		const noUsername = await failure(
			sdk.send(
				new InitiateAuthCommand({
					AuthFlow: 'USER_SRP_AUTH',
					ClientId: webClientId,
					AuthParameters: { SRP_A: 'abc' }
				})
			)
		);
		expect(noUsername).toBeInstanceOf(InvalidParameterException);
		expect(noUsername.message).toBe('Missing required parameter USERNAME');
	});
});

describe('refresh, GetUser, GlobalSignOut and RevokeToken through the AWS SDK', () => {
	async function signIn() {
		const out = await passwordAuth('alice', 'Correct-Horse-42');
		return out.AuthenticationResult!;
	}
	const refresh = (token: string, clientId = legacyClientId) =>
		sdk.send(
			new InitiateAuthCommand({
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				ClientId: clientId,
				AuthParameters: { REFRESH_TOKEN: token }
			})
		);

	it('refreshes without returning a RefreshToken key at all', async () => {
		const tokens = await signIn();
		const raw = await cloud.fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth'
			},
			body: JSON.stringify({
				AuthFlow: 'REFRESH_TOKEN',
				ClientId: legacyClientId,
				AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken }
			})
		});
		const body = await raw.json();
		expect(Object.keys(body.AuthenticationResult)).toEqual([
			'AccessToken',
			'ExpiresIn',
			'TokenType',
			'IdToken'
		]);
		const viaSdk = await refresh(tokens.RefreshToken!);
		expect(viaSdk.AuthenticationResult?.RefreshToken).toBeUndefined();
	});

	it('refuses garbage, another client, expiry and revocation with the exact messages', async () => {
		const tokens = await signIn();
		const garbage = await failure(refresh('not-a-token'));
		expect(garbage).toBeInstanceOf(NotAuthorizedException);
		expect(garbage.message).toBe('Invalid Refresh Token.');
		const other = await failure(refresh(tokens.RefreshToken!, webClientId));
		expect(other.message).toBe('Invalid Refresh Token.');
		await sdk.send(
			new RevokeTokenCommand({ Token: tokens.RefreshToken, ClientId: legacyClientId })
		);
		const revoked = await failure(refresh(tokens.RefreshToken!));
		expect(revoked.message).toBe('Refresh Token has been revoked');
		const revokedAccess = await failure(
			sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))
		);
		expect(revokedAccess.message).toBe('Access Token has been revoked');
		const fresh = await signIn();
		advanceTime(31 * 24 * 3600_000);
		const expired = await failure(refresh(fresh.RefreshToken!));
		expect(expired.message).toBe('Refresh Token has expired');
	});

	it('GetUser returns the attributes for an access token, refuses an ID token and garbage', async () => {
		const tokens = await signIn();
		const user = await sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
		expect(user.Username).toBe('alice');
		expect(user.UserAttributes?.[0]).toEqual({
			Name: 'sub',
			Value: 'a11ce000-1111-4aaa-8aaa-000000000001'
		});
		for (const token of [tokens.IdToken, 'garbage']) {
			const error = await failure(sdk.send(new GetUserCommand({ AccessToken: token })));
			expect(error).toBeInstanceOf(NotAuthorizedException);
			expect(error.message).toBe('Invalid Access Token');
		}
	});

	it('GetUser refuses an expired access token with Access Token has expired', async () => {
		const tokens = await signIn();
		advanceTime(3600_000);
		const error = await failure(sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken })));
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe('Access Token has expired');
	});

	it('GlobalSignOut revokes the access token and every refresh token of the user', async () => {
		const one = await signIn();
		const two = await signIn();
		await sdk.send(new GlobalSignOutCommand({ AccessToken: one.AccessToken }));
		const access = await failure(sdk.send(new GetUserCommand({ AccessToken: two.AccessToken })));
		expect(access.message).toBe('Access Token has been revoked');
		const again = await failure(refresh(two.RefreshToken!));
		expect(again.message).toBe('Refresh Token has been revoked');
	});
});
