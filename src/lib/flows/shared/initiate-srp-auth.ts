import { fromPromise } from 'xstate';
import { srpClientStart } from '$lib/crypto';
import type { CloudFetch } from '$lib/cloud';
import { callUserPool } from './call-user-pool';
import { UnexpectedAnswerError } from './sign-in-error';
import type { PasswordVerifierChallenge } from './sign-in-types';
import type { AuthResponse } from './read-auth-answer';
import { secretHashParameter } from './secret-hash-parameter';

export interface InitiateSrpAuthInput {
	fetch: CloudFetch;
	region: string;
	client: { id: string; secret: string | null };
	username: string;
	omitSecretHash: boolean;
}

const challengeParameters = ['SALT', 'SRP_B', 'SECRET_BLOCK', 'USER_ID_FOR_SRP'];

/**
 * `InitiateAuth` with `USER_SRP_AUTH`: the app picks its SRP secret `a`, sends `A = g^a mod N`
 * as `SRP_A` (never the password) and expects a `PASSWORD_VERIFIER` challenge back.
 */
export async function initiateSrpAuth(
	input: InitiateSrpAuthInput
): Promise<PasswordVerifierChallenge> {
	const { a, A, srpA } = srpClientStart();
	const data = await callUserPool<AuthResponse>(input.fetch, input.region, 'InitiateAuth', {
		AuthFlow: 'USER_SRP_AUTH',
		ClientId: input.client.id,
		AuthParameters: {
			USERNAME: input.username,
			SRP_A: srpA,
			...(await secretHashParameter(input.client, input.username, input.omitSecretHash))
		}
	});
	const parameters = data.ChallengeParameters ?? {};
	if (
		data.ChallengeName !== 'PASSWORD_VERIFIER' ||
		!challengeParameters.every((p) => parameters[p])
	)
		throw new UnexpectedAnswerError(
			'InitiateAuth',
			`PASSWORD_VERIFIER with ${challengeParameters.join(', ')}`,
			data.ChallengeName ?? JSON.stringify(data)
		);
	return {
		srp: { a: a.toString(16), A: A.toString(16) },
		session: data.Session ?? null,
		parameters
	};
}

export const initiateSrpAuthActor = fromPromise<PasswordVerifierChallenge, InitiateSrpAuthInput>(
	({ input }) => initiateSrpAuth(input)
);
