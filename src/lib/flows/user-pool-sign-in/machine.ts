import { assign, setup, type ErrorActorEvent } from 'xstate';
import { answerNewPasswordActor } from './actors/answer-new-password';
import { answerPasswordVerifierActor } from '../shared/answer-password-verifier';
import { answerSoftwareTokenMfaActor } from '../shared/answer-software-token-mfa';
import { attackerGetUserActor } from './actors/attacker-get-user';
import { getUserActor } from './actors/get-user';
import { globalSignOutActor } from './actors/global-sign-out';
import { initiateSrpAuthActor } from '../shared/initiate-srp-auth';
import { letAccessTokenExpireActor } from './actors/let-access-token-expire';
import { refreshTokensActor, type RefreshTokensInput } from '../shared/refresh-tokens';
import { stealTokensActor } from './actors/steal-tokens';
import { verifyIdTokenActor } from './actors/verify-id-token';
import { cacheTokens, type TokenStorage } from './cache-tokens';
import { capsLockPassword } from './caps-lock-password';
import type { UserPoolSignInMistakeId, UserPoolSignInStepId } from './definition';
import { toSignInFailure, type SignInFailure } from '../shared/sign-in-error';
import type {
	AccessTokenExpiry,
	AuthAnswer,
	PasswordVerifierChallenge,
	RefreshResult,
	UserAttributes,
	UserPoolSignInContext,
	UserPoolSignInInput,
	VerifiedIdToken
} from './sign-in-types';

/** What each step state carries for the UI; the title comes from `userPoolSignInSteps`. */
export interface UserPoolSignInStepMeta {
	step: UserPoolSignInStepId;
}

export interface UserPoolSignInOutput {
	failure: SignInFailure | null;
}

const made = (context: UserPoolSignInContext, mistake: UserPoolSignInMistakeId) =>
	context.input.mistakes.includes(mistake);

/** Every step's `onError`: any error answer ends the run in `failed`, holding the error. */
const failWithError = {
	target: 'failed',
	actions: {
		type: 'storeFailure',
		params: ({ event }: { event: ErrorActorEvent }) => ({ error: event.error })
	}
} as const;

/**
 * Mistake `late-password-verifier`: how long the user goes on typing the password after the app,
 * having started SRP with the username alone, got its PASSWORD_VERIFIER challenge. Well past the
 * "few seconds" AWS allows for the answer (the simulated pool allows ten).
 */
const typingAfterChallengeMs = 30_000;

/** Refresh-tokens and refresh-after-sign-out make the same call with the refresh token the app holds. */
const refreshTokensInput = ({
	context: { input, tokens, userIdForSrp }
}: {
	context: UserPoolSignInContext;
}): RefreshTokensInput => ({
	fetch: input.fetch,
	region: input.region,
	client: input.client,
	username: userIdForSrp!,
	refreshToken: tokens!.refreshToken ?? '',
	omitSecretHash: input.mistakes.includes('missing-secret-hash')
});

/**
 * The app in the browser signing a user in to a user pool with SRP, then using, refreshing and
 * revoking the tokens. One state per step of `userPoolSignInSteps`; each state makes its step's
 * real exchanges through `input.fetch` in one named actor, and only what the pool answered enters
 * the context (through `assign`). Any error answer ends the run in `failed`, holding the error.
 *
 * Mistakes are input, applied by the actor of the step they belong to, so conflicting mistakes
 * resolve by themselves: the earliest step that goes wrong ends the run and later mistakes never
 * happen (`missing-secret-hash` beats everything; `id-token-to-getuser` hides
 * `expired-access-token`). Mistakes of the same step apply together and the pool's answer shows
 * which check it makes first (`id-token-to-getuser` with `api-token-at-userinfo` sends the ID token
 * to userInfo). Choosing the user for `unconfirmed-user` and `wrong-mfa-code` and the
 * client for `missing-secret-hash` is the runner's job (see `run.ts`). One mistake adds steps
 * instead of failing one: with `tokens-in-local-storage` the tokens are cached where a script can
 * read them, and after GetUser a script steals them and the attacker uses the access token.
 *
 * @example createActor(userPoolSignInMachine, { input }).start()
 */
export const userPoolSignInMachine = setup({
	types: {
		input: {} as UserPoolSignInInput,
		context: {} as UserPoolSignInContext,
		output: {} as UserPoolSignInOutput
	},
	actors: {
		initiateSrpAuth: initiateSrpAuthActor,
		answerPasswordVerifier: answerPasswordVerifierActor,
		answerSoftwareTokenMfa: answerSoftwareTokenMfaActor,
		answerNewPassword: answerNewPasswordActor,
		verifyIdToken: verifyIdTokenActor,
		getUser: getUserActor,
		letAccessTokenExpire: letAccessTokenExpireActor,
		refreshTokens: refreshTokensActor,
		globalSignOut: globalSignOutActor,
		stealTokens: stealTokensActor,
		attackerGetUser: attackerGetUserActor
	},
	guards: {
		answeredWithTokens: (_, answer: AuthAnswer) => answer.kind === 'tokens',
		challengedForMfa: (_, answer: AuthAnswer) =>
			answer.kind === 'challenge' && answer.challengeName === 'SOFTWARE_TOKEN_MFA',
		challengedForNewPassword: (_, answer: AuthAnswer) =>
			answer.kind === 'challenge' && answer.challengeName === 'NEW_PASSWORD_REQUIRED',
		triesRefreshAfterSignOut: ({ context }) => made(context, 'refresh-after-sign-out'),
		leavesTokensInLocalStorage: ({ context }) => made(context, 'tokens-in-local-storage')
	},
	actions: {
		storeChallenge: assign((_, challenge: PasswordVerifierChallenge) => ({
			challenge,
			userIdForSrp: challenge.parameters.USER_ID_FOR_SRP ?? null
		})),
		storeAnswer: assign((_, answer: AuthAnswer) =>
			answer.kind === 'tokens' ? { tokens: answer.tokens } : { nextChallenge: answer }
		),
		storeIdToken: assign((_, idToken: VerifiedIdToken) => ({ idToken })),
		storeUser: assign((_, user: UserAttributes) => ({ user })),
		storeExpiry: assign((_, expiry: AccessTokenExpiry) => ({ expiry })),
		storeRefresh: assign((_, refresh: RefreshResult) => ({ refresh, tokens: refresh.tokens })),
		// After every store of tokens: amazon-cognito-identity-js caches them in localStorage by
		// default; an app that keeps them in memory (no mistake) writes nothing.
		cacheTokens: assign(({ context: { input, tokens, userIdForSrp, localStorage } }) =>
			input.mistakes.includes('tokens-in-local-storage') && tokens
				? {
						localStorage: cacheTokens(localStorage ?? {}, {
							clientId: input.client.id,
							username: userIdForSrp ?? input.user.username,
							tokens,
							now: input.clock.now()
						})
					}
				: {}
		),
		storeStolen: assign((_, stolen: TokenStorage) => ({ stolen })),
		storeAttackerView: assign((_, attackerView: UserAttributes) => ({ attackerView })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: toSignInFailure(error)
		}))
	}
}).createMachine({
	id: 'userPoolSignIn',
	context: ({ input }) => ({
		input,
		challenge: null,
		userIdForSrp: null,
		nextChallenge: null,
		tokens: null,
		idToken: null,
		user: null,
		expiry: null,
		refresh: null,
		localStorage: null,
		stolen: null,
		attackerView: null,
		failure: null
	}),
	initial: 'initiateAuth',
	states: {
		initiateAuth: {
			meta: { step: 'initiate-auth' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'initiateSrpAuth',
				src: 'initiateSrpAuth',
				input: ({ context: { input } }) => ({
					fetch: input.fetch,
					region: input.region,
					client: input.client,
					username: input.user.username,
					omitSecretHash: input.mistakes.includes('missing-secret-hash')
				}),
				onDone: {
					target: 'passwordVerifier',
					actions: { type: 'storeChallenge', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		passwordVerifier: {
			meta: { step: 'password-verifier' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'answerPasswordVerifier',
				src: 'answerPasswordVerifier',
				input: ({ context: { input, challenge } }) => ({
					fetch: input.fetch,
					clock: input.clock,
					region: input.region,
					userPoolId: input.userPoolId,
					client: input.client,
					password: input.mistakes.includes('wrong-password')
						? capsLockPassword(input.user.password)
						: input.user.password,
					challenge: challenge!,
					answerAfterMs: input.mistakes.includes('late-password-verifier')
						? typingAfterChallengeMs
						: 0,
					omitSecretHash: input.mistakes.includes('missing-secret-hash')
				}),
				onDone: [
					{
						guard: { type: 'answeredWithTokens', params: ({ event }) => event.output },
						target: 'verifyIdToken',
						actions: [{ type: 'storeAnswer', params: ({ event }) => event.output }, 'cacheTokens']
					},
					{
						guard: { type: 'challengedForMfa', params: ({ event }) => event.output },
						target: 'softwareTokenMfa',
						actions: { type: 'storeAnswer', params: ({ event }) => event.output }
					},
					{
						guard: { type: 'challengedForNewPassword', params: ({ event }) => event.output },
						target: 'newPasswordRequired',
						actions: { type: 'storeAnswer', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		softwareTokenMfa: {
			meta: { step: 'software-token-mfa' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'answerSoftwareTokenMfa',
				src: 'answerSoftwareTokenMfa',
				input: ({ context: { input, userIdForSrp, nextChallenge } }) => ({
					fetch: input.fetch,
					clock: input.clock,
					region: input.region,
					client: input.client,
					username: userIdForSrp!,
					session: nextChallenge!.session,
					totpSecret: input.user.totpSecret,
					wrongCode: input.mistakes.includes('wrong-mfa-code'),
					omitSecretHash: input.mistakes.includes('missing-secret-hash')
				}),
				onDone: {
					target: 'verifyIdToken',
					actions: [{ type: 'storeAnswer', params: ({ event }) => event.output }, 'cacheTokens']
				},
				onError: failWithError
			}
		},
		newPasswordRequired: {
			meta: { step: 'new-password-required' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'answerNewPassword',
				src: 'answerNewPassword',
				input: ({ context: { input, userIdForSrp, nextChallenge } }) => ({
					fetch: input.fetch,
					region: input.region,
					client: input.client,
					username: userIdForSrp!,
					session: nextChallenge!.session,
					newPassword: input.user.newPassword,
					omitSecretHash: input.mistakes.includes('missing-secret-hash')
				}),
				onDone: {
					target: 'verifyIdToken',
					actions: [{ type: 'storeAnswer', params: ({ event }) => event.output }, 'cacheTokens']
				},
				onError: failWithError
			}
		},
		verifyIdToken: {
			meta: { step: 'verify-id-token' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'verifyIdToken',
				src: 'verifyIdToken',
				input: ({ context: { input, tokens } }) => ({
					fetch: input.fetch,
					clock: input.clock,
					region: input.region,
					userPoolId: input.userPoolId,
					clientId: input.client.id,
					idToken: tokens!.idToken
				}),
				onDone: {
					target: 'getUser',
					actions: { type: 'storeIdToken', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getUser: {
			meta: { step: 'get-user' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'getUser',
				src: 'getUser',
				input: ({ context: { input, tokens } }) => ({
					fetch: input.fetch,
					region: input.region,
					token: input.mistakes.includes('id-token-to-getuser')
						? tokens!.idToken
						: tokens!.accessToken,
					...(input.mistakes.includes('api-token-at-userinfo') && {
						userInfoUrl: input.userInfoUrl
					})
				}),
				onDone: [
					{
						guard: 'leavesTokensInLocalStorage',
						target: 'stealTokens',
						actions: { type: 'storeUser', params: ({ event }) => event.output }
					},
					{
						target: 'accessTokenExpires',
						actions: { type: 'storeUser', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		stealTokens: {
			meta: { step: 'steal-tokens' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'stealTokens',
				src: 'stealTokens',
				input: ({ context: { input, localStorage } }) => ({
					fetch: input.fetch,
					localStorage: localStorage ?? {}
				}),
				onDone: {
					target: 'attackerGetUser',
					actions: { type: 'storeStolen', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		attackerGetUser: {
			meta: { step: 'attacker-get-user' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'attackerGetUser',
				src: 'attackerGetUser',
				input: ({ context: { input, stolen } }) => ({
					fetch: input.attackerFetch,
					region: input.region,
					clientId: input.client.id,
					stolen: stolen ?? {}
				}),
				onDone: {
					target: 'accessTokenExpires',
					actions: { type: 'storeAttackerView', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		accessTokenExpires: {
			meta: { step: 'access-token-expires' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'letAccessTokenExpire',
				src: 'letAccessTokenExpire',
				input: ({ context: { input, tokens } }) => ({
					fetch: input.fetch,
					clock: input.clock,
					region: input.region,
					accessToken: tokens!.accessToken,
					useExpiredToken: input.mistakes.includes('expired-access-token')
				}),
				onDone: {
					target: 'refreshTokens',
					actions: { type: 'storeExpiry', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		refreshTokens: {
			meta: { step: 'refresh-tokens' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'refreshTokens',
				src: 'refreshTokens',
				input: refreshTokensInput,
				onDone: {
					target: 'globalSignOut',
					actions: [{ type: 'storeRefresh', params: ({ event }) => event.output }, 'cacheTokens']
				},
				onError: failWithError
			}
		},
		globalSignOut: {
			meta: { step: 'global-sign-out' } satisfies UserPoolSignInStepMeta,
			invoke: {
				id: 'globalSignOut',
				src: 'globalSignOut',
				input: ({ context: { input, tokens } }) => ({
					fetch: input.fetch,
					region: input.region,
					accessToken: tokens!.accessToken
				}),
				onDone: [
					{ guard: 'triesRefreshAfterSignOut', target: 'refreshAfterSignOut' },
					{ target: 'done' }
				],
				onError: failWithError
			}
		},
		refreshAfterSignOut: {
			meta: { step: 'refresh-after-sign-out' } satisfies UserPoolSignInStepMeta,
			invoke: {
				// The same call as refresh-tokens, with the refresh token the app still holds
				id: 'refreshAfterSignOut',
				src: 'refreshTokens',
				input: refreshTokensInput,
				onDone: {
					target: 'done',
					actions: [{ type: 'storeRefresh', params: ({ event }) => event.output }, 'cacheTokens']
				},
				onError: failWithError
			}
		},
		done: { type: 'final' },
		failed: { type: 'final' }
	},
	output: ({ context }) => ({ failure: context.failure })
});
