import { UnexpectedAnswerError } from './sign-in-error';
import type { AuthAnswer } from './sign-in-types';

/** The InitiateAuth / RespondToAuthChallenge response members this flow reads. */
export interface AuthResponse {
	ChallengeName?: string;
	Session?: string;
	ChallengeParameters?: Record<string, string>;
	AuthenticationResult?: {
		IdToken?: string;
		AccessToken?: string;
		RefreshToken?: string;
		ExpiresIn?: number;
		TokenType?: string;
	};
}

const handledChallenges = ['SOFTWARE_TOKEN_MFA', 'NEW_PASSWORD_REQUIRED'] as const;

/**
 * Sorts an answer into tokens or the next challenge, as amazon-cognito-identity-js's
 * `authenticateUserInternal` does. `allowed` lists the challenges the caller can go on with;
 * anything else (SMS_MFA, MFA_SETUP, a second NEW_PASSWORD_REQUIRED...) is not part of this
 * lesson and rejects with `UnexpectedAnswerError` instead of being papered over.
 */
export function readAuthAnswer(
	operation: string,
	data: AuthResponse,
	allowed: readonly (typeof handledChallenges)[number][] = handledChallenges
): AuthAnswer {
	const result = data.AuthenticationResult;
	if (result) {
		const { IdToken, AccessToken, RefreshToken, ExpiresIn, TokenType } = result;
		if (!IdToken || !AccessToken)
			throw new UnexpectedAnswerError(
				operation,
				'an IdToken and an AccessToken',
				JSON.stringify(result)
			);
		return {
			kind: 'tokens',
			tokens: {
				idToken: IdToken,
				accessToken: AccessToken,
				...(RefreshToken !== undefined && { refreshToken: RefreshToken }),
				expiresIn: ExpiresIn ?? 0,
				tokenType: TokenType ?? ''
			}
		};
	}
	const name = data.ChallengeName ?? '(no ChallengeName)';
	const challenge = allowed.find((c) => c === name);
	if (!challenge)
		throw new UnexpectedAnswerError(operation, ['tokens', ...allowed].join(' or '), name);
	return {
		kind: 'challenge',
		challengeName: challenge,
		session: data.Session ?? '',
		parameters: data.ChallengeParameters ?? {}
	};
}
