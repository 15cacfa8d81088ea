import { decodeJwt } from 'jose';
import { fromPromise } from 'xstate';
import type { Clock, CloudFetch } from '$lib/cloud';
import { answerPasswordVerifier } from '../../shared/answer-password-verifier';
import { answerSoftwareTokenMfa } from '../../shared/answer-software-token-mfa';
import { initiateSrpAuth } from '../../shared/initiate-srp-auth';
import { UnexpectedAnswerError } from '../../shared/sign-in-error';
import type { SignInTokens } from '../../shared/sign-in-types';

export interface SignInInput {
	fetch: CloudFetch;
	clock: Clock;
	region: string;
	userPoolId: string;
	client: { id: string; secret: string | null };
	user: { username: string; password: string; totpSecret?: string };
}

export interface SignedIn {
	tokens: SignInTokens;
	/** `USER_ID_FOR_SRP`: the name later user pool calls use. */
	username: string;
	/** The ID token's `sub`, read as the app reads its own token (the pool just sent it). */
	sub: string;
}

/**
 * The whole user pool sign-in as one step, the way the sign-in lesson takes it apart: InitiateAuth
 * with `USER_SRP_AUTH`, the `PASSWORD_VERIFIER` answer, and for a user with an authenticator app
 * the `SOFTWARE_TOKEN_MFA` answer. Only tokens end it; any other challenge is not this lesson's.
 */
export async function signIn(input: SignInInput): Promise<SignedIn> {
	const common = { fetch: input.fetch, region: input.region, client: input.client };
	const challenge = await initiateSrpAuth({
		...common,
		username: input.user.username,
		omitSecretHash: false
	});
	const username = challenge.parameters.USER_ID_FOR_SRP ?? input.user.username;
	let answer = await answerPasswordVerifier({
		...common,
		clock: input.clock,
		userPoolId: input.userPoolId,
		password: input.user.password,
		challenge,
		answerAfterMs: 0,
		omitSecretHash: false
	});
	if (answer.kind === 'challenge' && answer.challengeName === 'SOFTWARE_TOKEN_MFA')
		answer = await answerSoftwareTokenMfa({
			...common,
			clock: input.clock,
			username,
			session: answer.session,
			totpSecret: input.user.totpSecret,
			wrongCode: false,
			omitSecretHash: false
		});
	if (answer.kind !== 'tokens')
		throw new UnexpectedAnswerError('RespondToAuthChallenge', 'tokens', answer.challengeName);
	return { tokens: answer.tokens, username, sub: String(decodeJwt(answer.tokens.idToken).sub) };
}

export const signInActor = fromPromise<SignedIn, SignInInput>(({ input }) => signIn(input));
