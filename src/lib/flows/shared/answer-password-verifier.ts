import { fromPromise } from 'xstate';
import { formatSrpTimestamp, srpClientSignature } from '$lib/crypto';
import type { Clock, CloudFetch } from '$lib/cloud';
import { callUserPool } from './call-user-pool';
import type { AuthAnswer, PasswordVerifierChallenge } from './sign-in-types';
import { readAuthAnswer, type AuthResponse } from './read-auth-answer';
import { secretHashParameter } from './secret-hash-parameter';

export interface AnswerPasswordVerifierInput {
	fetch: CloudFetch;
	clock: Clock;
	region: string;
	userPoolId: string;
	client: { id: string; secret: string | null };
	/** What the user typed (or mistyped). */
	password: string;
	challenge: PasswordVerifierChallenge;
	/**
	 * Simulated ms between the challenge arriving and the app answering it: 0 when the app had the
	 * password before InitiateAuth; with mistake `late-password-verifier`, the time the user is
	 * still typing it.
	 */
	answerAfterMs: number;
	omitSecretHash: boolean;
}

/**
 * `RespondToAuthChallenge` with `PASSWORD_VERIFIER`, as amazon-cognito-identity-js's
 * `authenticateUserDefaultAuth` builds it: the password never leaves the app; the app proves it
 * knows it by signing pool name ‖ `USER_ID_FOR_SRP` ‖ `SECRET_BLOCK` ‖ `TIMESTAMP` with the key
 * both sides derive from SRP. Every name in the answer is `USER_ID_FOR_SRP`, not what was typed.
 * The pool wants this answer within a few seconds of the challenge, so an app that waits for the
 * user here (`answerAfterMs`) is refused however right the password.
 */
export async function answerPasswordVerifier(
	input: AnswerPasswordVerifierInput
): Promise<AuthAnswer> {
	const { parameters } = input.challenge;
	const userIdForSrp = parameters.USER_ID_FOR_SRP!;
	const secretBlock = parameters.SECRET_BLOCK!;

	// Wait for the password, if the app does not have it yet: the challenge ages meanwhile
	input.clock.advance(input.answerAfterMs);

	// Stamp TIMESTAMP from the same clock the pool reads, and sign
	const timestamp = formatSrpTimestamp(new Date(input.clock.now()));
	const { signature } = await srpClientSignature({
		poolName: input.userPoolId.split('_')[1] ?? '',
		userIdForSrp,
		password: input.password,
		a: BigInt(`0x${input.challenge.srp.a}`),
		A: BigInt(`0x${input.challenge.srp.A}`),
		srpB: parameters.SRP_B!,
		salt: parameters.SALT!,
		secretBlock,
		timestamp
	});
	const data = await callUserPool<AuthResponse>(
		input.fetch,
		input.region,
		'RespondToAuthChallenge',
		{
			ChallengeName: 'PASSWORD_VERIFIER',
			ClientId: input.client.id,
			ChallengeResponses: {
				USERNAME: userIdForSrp,
				PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
				TIMESTAMP: timestamp,
				PASSWORD_CLAIM_SIGNATURE: signature,
				...(await secretHashParameter(input.client, userIdForSrp, input.omitSecretHash))
			},
			...(input.challenge.session !== null && { Session: input.challenge.session })
		}
	);
	return readAuthAnswer('RespondToAuthChallenge', data);
}

export const answerPasswordVerifierActor = fromPromise<AuthAnswer, AnswerPasswordVerifierInput>(
	({ input }) => answerPasswordVerifier(input)
);
