import { fromPromise } from 'xstate';
import { totpCode } from '$lib/crypto';
import type { Clock, CloudFetch } from '$lib/cloud';
import { callUserPool } from './call-user-pool';
import { SignInError } from './sign-in-error';
import type { AuthAnswer } from './sign-in-types';
import { readAuthAnswer, type AuthResponse } from './read-auth-answer';
import { secretHashParameter } from './secret-hash-parameter';
import { wrongTotpCode } from './wrong-totp-code';

export interface AnswerSoftwareTokenMfaInput {
	fetch: CloudFetch;
	clock: Clock;
	region: string;
	client: { id: string; secret: string | null };
	username: string;
	session: string;
	totpSecret: string | undefined;
	/** Mistake `wrong-mfa-code`: type a code the pool cannot accept. */
	wrongCode: boolean;
	omitSecretHash: boolean;
}

/**
 * `RespondToAuthChallenge` with `SOFTWARE_TOKEN_MFA`: the six digits the authenticator app shows
 * now (RFC 6238 over the shared secret), with the `Session` of the previous answer — the session,
 * not the password, is what ties this call to the password already proven.
 */
export async function answerSoftwareTokenMfa(
	input: AnswerSoftwareTokenMfaInput
): Promise<AuthAnswer> {
	if (!input.totpSecret)
		throw new SignInError(`${input.username} has no authenticator app set up in this scenario`);
	const now = input.clock.now();
	const code = input.wrongCode
		? await wrongTotpCode(input.totpSecret, now)
		: await totpCode(input.totpSecret, now);
	const data = await callUserPool<AuthResponse>(
		input.fetch,
		input.region,
		'RespondToAuthChallenge',
		{
			ChallengeName: 'SOFTWARE_TOKEN_MFA',
			ClientId: input.client.id,
			ChallengeResponses: {
				USERNAME: input.username,
				SOFTWARE_TOKEN_MFA_CODE: code,
				...(await secretHashParameter(input.client, input.username, input.omitSecretHash))
			},
			Session: input.session
		}
	);
	return readAuthAnswer('RespondToAuthChallenge', data, []);
}

export const answerSoftwareTokenMfaActor = fromPromise<AuthAnswer, AnswerSoftwareTokenMfaInput>(
	({ input }) => answerSoftwareTokenMfa(input)
);
