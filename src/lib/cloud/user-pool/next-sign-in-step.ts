import type { AppClientScenario } from '../scenario';
import { issueTokens, type AuthenticationResult } from './issue-tokens';
import { recordSuccess } from './lockout';
import type { PoolUser, UserPoolModel } from './model';

/** What InitiateAuth and RespondToAuthChallenge answer: a further challenge, or tokens. */
export type SignInStep =
	| {
			ChallengeName: string;
			Session: string;
			ChallengeParameters: Record<string, string>;
	  }
	| { ChallengeParameters: Record<string, string>; AuthenticationResult: AuthenticationResult };

/**
 * Once the password is proven: a temporary password must be replaced first
 * (NEW_PASSWORD_REQUIRED), then a user with a software token answers SOFTWARE_TOKEN_MFA (unless
 * the pool has MFA off), then tokens. `ChallengeParameters: {}` accompanies tokens (§3.2 SIM).
 * Only a sign-in that ends in tokens clears the user's failed attempts (see `lockout.ts`).
 */
export async function nextSignInStep(
	model: UserPoolModel,
	user: PoolUser,
	client: AppClientScenario
): Promise<SignInStep> {
	if (user.status === 'FORCE_CHANGE_PASSWORD') {
		const { sub: _sub, ...visible } = user.attributes;
		return {
			ChallengeName: 'NEW_PASSWORD_REQUIRED',
			Session: model.openSession(
				{ challengeName: 'NEW_PASSWORD_REQUIRED', clientId: client.id, username: user.username },
				client
			),
			// Both are JSON *strings* (parsed by amazon-cognito-identity-js), §3.2.
			ChallengeParameters: {
				USER_ID_FOR_SRP: user.username,
				requiredAttributes: '[]',
				userAttributes: JSON.stringify(visible)
			}
		};
	}
	if (user.totpSecret && model.pool.mfaConfiguration !== 'OFF') {
		return {
			ChallengeName: 'SOFTWARE_TOKEN_MFA',
			Session: model.openSession(
				{ challengeName: 'SOFTWARE_TOKEN_MFA', clientId: client.id, username: user.username },
				client
			),
			ChallengeParameters: {}
		};
	}
	recordSuccess(user);
	const AuthenticationResult = await issueTokens(model, { user, client });
	return { ChallengeParameters: {}, AuthenticationResult };
}
