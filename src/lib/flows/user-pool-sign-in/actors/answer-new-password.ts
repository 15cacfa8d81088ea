import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { callUserPool } from '../../shared/call-user-pool';
import { SignInError } from '../../shared/sign-in-error';
import type { AuthAnswer } from '../sign-in-types';
import { readAuthAnswer, type AuthResponse } from '../../shared/read-auth-answer';
import { secretHashParameter } from '../../shared/secret-hash-parameter';

export interface AnswerNewPasswordInput {
	fetch: CloudFetch;
	region: string;
	client: { id: string; secret: string | null };
	username: string;
	session: string;
	newPassword: string | undefined;
	omitSecretHash: boolean;
}

/**
 * `RespondToAuthChallenge` with `NEW_PASSWORD_REQUIRED`, as `completeNewPasswordChallenge` sends
 * it: the user was created by an administrator with a temporary password and must choose their
 * own before any token is issued. The pool checks it against the password policy.
 */
export async function answerNewPassword(input: AnswerNewPasswordInput): Promise<AuthAnswer> {
	if (!input.newPassword) throw new SignInError('New password is required.');
	const data = await callUserPool<AuthResponse>(
		input.fetch,
		input.region,
		'RespondToAuthChallenge',
		{
			ChallengeName: 'NEW_PASSWORD_REQUIRED',
			ClientId: input.client.id,
			ChallengeResponses: {
				NEW_PASSWORD: input.newPassword,
				USERNAME: input.username,
				...(await secretHashParameter(input.client, input.username, input.omitSecretHash))
			},
			Session: input.session
		}
	);
	return readAuthAnswer('RespondToAuthChallenge', data, []);
}

export const answerNewPasswordActor = fromPromise<AuthAnswer, AnswerNewPasswordInput>(({ input }) =>
	answerNewPassword(input)
);
