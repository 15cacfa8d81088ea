import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callUserPool } from './call-user-pool';
import { UnexpectedAnswerError } from './sign-in-error';
import type { RefreshResult } from './sign-in-types';
import type { AuthResponse } from './read-auth-answer';
import { secretHashParameter } from './secret-hash-parameter';

export interface RefreshTokensInput {
	fetch: CloudFetch;
	region: string;
	client: { id: string; secret: string | null };
	/** The user's username, for the SECRET_HASH of a client with a secret. */
	username: string;
	refreshToken: string;
	omitSecretHash: boolean;
}

/**
 * `InitiateAuth` with `REFRESH_TOKEN_AUTH`: new ID and access tokens, and — rotation being off —
 * no new refresh token. Like amazon-cognito-identity-js's `refreshSession`, the app keeps its
 * refresh token unless the answer has an own `RefreshToken` member.
 */
export async function refreshTokens(input: RefreshTokensInput): Promise<RefreshResult> {
	const data = await callUserPool<AuthResponse>(input.fetch, input.region, 'InitiateAuth', {
		AuthFlow: 'REFRESH_TOKEN_AUTH',
		ClientId: input.client.id,
		AuthParameters: {
			REFRESH_TOKEN: input.refreshToken,
			...(await secretHashParameter(input.client, input.username, input.omitSecretHash))
		}
	});
	const result = data.AuthenticationResult;
	if (!result?.IdToken || !result.AccessToken)
		throw new UnexpectedAnswerError(
			'InitiateAuth',
			'an AuthenticationResult with IdToken and AccessToken',
			data.ChallengeName ?? JSON.stringify(data)
		);
	const returnedRefreshToken = Object.hasOwn(result, 'RefreshToken');
	return {
		tokens: {
			idToken: result.IdToken,
			accessToken: result.AccessToken,
			refreshToken: returnedRefreshToken ? result.RefreshToken : input.refreshToken,
			expiresIn: result.ExpiresIn ?? 0,
			tokenType: result.TokenType ?? ''
		},
		returnedRefreshToken
	};
}

export const refreshTokensActor = fromPromise<RefreshResult, RefreshTokensInput>(({ input }) =>
	refreshTokens(input)
);
