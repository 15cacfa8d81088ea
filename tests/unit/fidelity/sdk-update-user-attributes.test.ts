import {
	type CognitoIdentityProviderClient,
	GetUserCommand,
	InitiateAuthCommand,
	InvalidParameterException,
	NotAuthorizedException,
	UpdateUserAttributesCommand
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, srpSignIn, unpinTime, webClientId } from '../../support';
import { pinnedCloudWithSdk } from '../../support/pinned-cloud';

const poolId = 'us-east-1_FlowLab01';

let sdk: CognitoIdentityProviderClient;
beforeEach(() => ({ sdk } = pinnedCloudWithSdk()));
afterEach(unpinTime);

async function signInAlice() {
	const { AuthenticationResult } = await srpSignIn(sdk, {
		poolId,
		clientId: webClientId,
		username: 'alice',
		password: 'Correct-Horse-42'
	});
	return AuthenticationResult!;
}

const attributesOf = async (AccessToken: string) =>
	Object.fromEntries(
		(await sdk.send(new GetUserCommand({ AccessToken }))).UserAttributes!.map((a) => [
			a.Name,
			a.Value
		])
	);

describe('UpdateUserAttributes through the AWS SDK', () => {
	it('lets the signed-in user set a custom attribute, which GetUser and refreshed ID tokens then carry', async () => {
		const tokens = await signInAlice();
		const answer = await sdk.send(
			new UpdateUserAttributesCommand({
				AccessToken: tokens.AccessToken,
				UserAttributes: [{ Name: 'custom:team', Value: 'admins' }]
			})
		);
		expect(answer.CodeDeliveryDetailsList).toBeUndefined();
		expect((await attributesOf(tokens.AccessToken!))['custom:team']).toBe('admins');
		// The ID token already issued is a snapshot; a refreshed one has the new value.
		expect(decodeJwt(tokens.IdToken!)['custom:team']).toBeUndefined();
		const refreshed = await sdk.send(
			new InitiateAuthCommand({
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				ClientId: webClientId,
				AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! }
			})
		);
		expect(decodeJwt(refreshed.AuthenticationResult!.IdToken!)['custom:team']).toBe('admins');
	});

	it('deletes an attribute sent with a blank value and marks a changed email unverified', async () => {
		const tokens = await signInAlice();
		await sdk.send(
			new UpdateUserAttributesCommand({
				AccessToken: tokens.AccessToken,
				UserAttributes: [
					{ Name: 'name', Value: '' },
					{ Name: 'email', Value: 'alice@example.org' }
				]
			})
		);
		const attributes = await attributesOf(tokens.AccessToken!);
		expect(attributes.name).toBeUndefined();
		expect(attributes).toMatchObject({ email: 'alice@example.org', email_verified: 'false' });
	});

	it('refuses an ID token in AccessToken and a change of sub', async () => {
		const tokens = await signInAlice();
		const withIdToken = await failure(
			sdk.send(
				new UpdateUserAttributesCommand({
					AccessToken: tokens.IdToken,
					UserAttributes: [{ Name: 'custom:team', Value: 'admins' }]
				})
			)
		);
		expect(withIdToken).toBeInstanceOf(NotAuthorizedException);
		const sub = await failure(
			sdk.send(
				new UpdateUserAttributesCommand({
					AccessToken: tokens.AccessToken,
					UserAttributes: [{ Name: 'sub', Value: 'mine' }]
				})
			)
		);
		expect(sub).toBeInstanceOf(InvalidParameterException);
	});
});
