import {
	CodeMismatchException,
	type CognitoIdentityProviderClient,
	CognitoIdentityProviderServiceException,
	ConfirmSignUpCommand,
	ExpiredCodeException,
	GetUserCommand,
	InitiateAuthCommand,
	InvalidParameterException,
	InvalidPasswordException,
	NotAuthorizedException,
	ResendConfirmationCodeCommand,
	RevokeTokenCommand,
	UnsupportedTokenTypeException,
	SignUpCommand,
	UserNotFoundException,
	UsernameExistsException
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '$lib/cloud';
import {
	advanceTime,
	failure,
	legacyClientId,
	serverClientId,
	unpinTime,
	webClientId
} from '../../support';
import { pinnedCloudWithSdk } from '../../support/pinned-cloud';

let cloud: Cloud;
let sdk: CognitoIdentityProviderClient;

beforeEach(() => ({ cloud, sdk } = pinnedCloudWithSdk()));
afterEach(unpinTime);

const signUp = (Username: string, Password = 'Grace-Pass-42', ClientId = legacyClientId) =>
	sdk.send(
		new SignUpCommand({
			ClientId,
			Username,
			Password,
			UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }]
		})
	);
const confirm = (Username: string, ConfirmationCode: string, ClientId = legacyClientId) =>
	sdk.send(new ConfirmSignUpCommand({ ClientId, Username, ConfirmationCode }));
const lastCode = () => cloud.userPool.outbox.at(-1)!.code;

describe('SignUp, ConfirmSignUp and ResendConfirmationCode through the AWS SDK', () => {
	it('creates an UNCONFIRMED user and sends a code to the outbox, masked in the answer', async () => {
		const out = await signUp('grace');
		expect(out.UserConfirmed).toBe(false);
		expect(out.UserSub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
		expect(out.CodeDeliveryDetails).toEqual({
			Destination: 'g***@e***',
			DeliveryMedium: 'EMAIL',
			AttributeName: 'email'
		});
		expect(cloud.userPool.outbox).toEqual([
			expect.objectContaining({
				username: 'grace',
				destination: 'grace@example.com',
				purpose: 'SignUp'
			})
		]);
		const error = await failure(
			sdk.send(
				new InitiateAuthCommand({
					AuthFlow: 'USER_PASSWORD_AUTH',
					ClientId: legacyClientId,
					AuthParameters: { USERNAME: 'grace', PASSWORD: 'Grace-Pass-42' }
				})
			)
		);
		expect(error.message).toBe('User is not confirmed.');
	});

	it('confirms with the right code only, once', async () => {
		await signUp('grace');
		const wrong = await failure(confirm('grace', lastCode() === '000000' ? '111111' : '000000'));
		expect(wrong).toBeInstanceOf(CodeMismatchException);
		expect(wrong.message).toBe('Invalid verification code provided, please try again.');
		await confirm('grace', lastCode());
		const again = await failure(confirm('grace', lastCode()));
		expect(again).toBeInstanceOf(NotAuthorizedException);
		expect(again.message).toBe('User cannot be confirmed. Current status is CONFIRMED');
	});

	it('expires a replaced code and a code older than 24 hours', async () => {
		await signUp('grace');
		const first = lastCode();
		await sdk.send(
			new ResendConfirmationCodeCommand({ ClientId: legacyClientId, Username: 'grace' })
		);
		const replaced = await failure(confirm('grace', first));
		expect(replaced).toBeInstanceOf(ExpiredCodeException);
		expect(replaced.message).toBe('Invalid code provided, please request a code again.');
		advanceTime(24 * 3600_000);
		expect(await failure(confirm('grace', lastCode()))).toBeInstanceOf(ExpiredCodeException);
	});

	it('refuses a taken username and a weak password', async () => {
		const taken = await failure(signUp('alice'));
		expect(taken).toBeInstanceOf(UsernameExistsException);
		expect(taken.message).toBe('User already exists');
		const weak = await failure(signUp('grace', 'alllowercase1!'));
		expect(weak).toBeInstanceOf(InvalidPasswordException);
		expect(weak.message).toBe(
			'Password did not conform with policy: Password must have uppercase characters'
		);
	});

	it('needs SecretHash for a client with a secret', async () => {
		const error = await failure(signUp('grace', 'Grace-Pass-42', serverClientId));
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe(
			`Client ${serverClientId} is configured with secret but SECRET_HASH was not received`
		);
	});

	it('tells about an unknown user under LEGACY and pretends under ENABLED', async () => {
		const legacy = await failure(
			sdk.send(new ResendConfirmationCodeCommand({ ClientId: legacyClientId, Username: 'nobody' }))
		);
		expect(legacy).toBeInstanceOf(UserNotFoundException);
		expect(await failure(confirm('nobody', '123456'))).toBeInstanceOf(UserNotFoundException);
		const pretend = await sdk.send(
			new ResendConfirmationCodeCommand({ ClientId: webClientId, Username: 'nobody' })
		);
		expect(pretend.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
		expect(cloud.userPool.outbox).toHaveLength(0);
		expect(await failure(confirm('nobody', '123456', webClientId))).toBeInstanceOf(
			CodeMismatchException
		);
	});
});

describe('RevokeToken and GetUser input checks through the AWS SDK', () => {
	it('refuses an access token as Token with UnsupportedTokenTypeException', async () => {
		const out = await sdk.send(
			new InitiateAuthCommand({
				AuthFlow: 'USER_PASSWORD_AUTH',
				ClientId: legacyClientId,
				AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct-Horse-42' }
			})
		);
		const error = await failure(
			sdk.send(
				new RevokeTokenCommand({
					Token: out.AuthenticationResult!.AccessToken,
					ClientId: legacyClientId
				})
			)
		);
		expect(error).toBeInstanceOf(UnsupportedTokenTypeException);
	});

	it('needs ClientSecret to revoke for a client with a secret', async () => {
		const error = await failure(
			sdk.send(new RevokeTokenCommand({ Token: 'a.b.c.d.e', ClientId: serverClientId }))
		);
		expect(error).toBeInstanceOf(NotAuthorizedException);
		expect(error.message).toBe(
			`Client ${serverClientId} is configured with secret but ClientSecret was not received`
		);
	});

	it('names a missing AccessToken as AWS validation does', async () => {
		const error = await failure(sdk.send(new GetUserCommand({} as never)));
		expect(error).toBeInstanceOf(InvalidParameterException);
		expect(error.message).toBe(
			"1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null"
		);
	});
});

describe('malformed requests reach the SDK as AWS errors', () => {
	/** Rewrites the outgoing request after the SDK serialised it. */
	function tamper(edit: (request: { headers: Record<string, string>; body: unknown }) => void) {
		sdk.middlewareStack.add(
			(next) => async (args) => {
				edit(args.request as { headers: Record<string, string>; body: unknown });
				return next(args);
			},
			{ step: 'finalizeRequest', name: 'tamper' }
		);
	}

	it('an unknown operation is UnknownOperationException (400, no message)', async () => {
		tamper(
			(r) => (r.headers['x-amz-target'] = 'AWSCognitoIdentityProviderService.NoSuchOperation')
		);
		const error = await failure(sdk.send(new GetUserCommand({ AccessToken: 'x' })));
		expect(error).toBeInstanceOf(CognitoIdentityProviderServiceException);
		expect(error.name).toBe('UnknownOperationException');
		expect(error.$metadata?.httpStatusCode).toBe(400);
	});

	it('a body that is not JSON is SerializationException', async () => {
		tamper((r) => (r.body = '{"AccessToken":'));
		const error = await failure(sdk.send(new GetUserCommand({ AccessToken: 'x' })));
		expect(error.name).toBe('SerializationException');
		expect(error.$metadata?.httpStatusCode).toBe(400);
	});

	it('a member of the wrong type is InvalidParameterException naming the member', async () => {
		tamper((r) => (r.body = JSON.stringify({ AuthFlow: 'USER_SRP_AUTH', ClientId: 42 })));
		const error = await failure(
			sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: webClientId }))
		);
		expect(error).toBeInstanceOf(InvalidParameterException);
		expect(error.message).toBe(
			"1 validation error detected: Value at 'clientId' failed to satisfy constraint: Member must be of type String"
		);
	});

	it('several problems are counted and joined as AWS does', async () => {
		tamper((r) => (r.body = JSON.stringify({ AuthFlow: 'PASSWORDLESS' })));
		const error = await failure(
			sdk.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: webClientId }))
		);
		expect(error.message).toBe(
			"2 validation errors detected: Value 'PASSWORDLESS' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]; Value null at 'clientId' failed to satisfy constraint: Member must not be null"
		);
	});
});
