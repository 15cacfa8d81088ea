import type * as oauth from 'oauth4webapi';
import { assign, setup, type ErrorActorEvent } from 'xstate';
import { attackerRedeemsCodeActor } from './actors/attacker-redeems-code';
import { authorizeActor } from './actors/authorize';
import { checkCallbackActor, type CallbackResult } from './actors/check-callback';
import { discoverActor } from '../shared/oauth-discover';
import { idpResponseActor } from './actors/idp-response';
import { letCodeExpireActor } from './actors/let-code-expire';
import { logOutActor } from './actors/log-out';
import { passwordSignInActor, type PasswordSignIn } from './actors/password-sign-in';
import { redeemCodeActor } from './actors/redeem-code';
import { signInAtGoogleActor } from './actors/sign-in-at-google';
import { userInfoActor } from '../shared/oauth-user-info';
import type { SocialSignInMistakeId, SocialSignInStepId } from './definition';
import { toFederationFailure } from '../shared/oauth-refusal';
import type {
	AuthorizeResult,
	CognitoTokens,
	SocialSignInContext,
	SocialSignInFailure,
	SocialSignInInput
} from './social-sign-in-types';

/** What each step state carries for the UI; the title comes from the definition. */
export interface SocialSignInStepMeta {
	step: SocialSignInStepId;
}

export interface SocialSignInOutput {
	failure: SocialSignInFailure | null;
}

/** Every step's `onError` unless the step says otherwise: the run ends in `failed`, holding it. */
const failWithError = {
	target: 'failed',
	actions: {
		type: 'storeFailure',
		params: ({ event }: { event: ErrorActorEvent }) => ({ error: event.error })
	}
} as const;

const withServer = ({ context }: { context: SocialSignInContext }) => ({
	...context.input,
	server: context.server!
});

/** A code redemption (the first, or the same code again) sends what the callback checked. */
const redeemInput = ({ context }: { context: SocialSignInContext }) => ({
	...withServer({ context }),
	request: context.request!,
	callbackParams: context.callbackParams!
});

/** userInfo, before and after `/logout`, with the same access token. */
const userInfoInput = ({ context }: { context: SocialSignInContext }) => ({
	...withServer({ context }),
	tokens: context.tokens!
});

const mistake =
	(id: SocialSignInMistakeId) =>
	({ context }: { context: SocialSignInContext }) =>
		context.input.mistakes.includes(id);

/**
 * The app, a single-page app using oauth4webapi, signs a user in with Google through the user
 * pool's managed login: discovery, the browser to `/oauth2/authorize` and on to Google, the
 * user's sign-in and consent there, Cognito's `/oauth2/idpresponse` (where it redeems Google's
 * code), the app's check of its callback, the code redeemed with the PKCE verifier for Cognito's
 * tokens, and `/oauth2/userInfo`. Any refusal ends the run in `failed`, holding it.
 *
 * Mistakes are input. Most change a request (a redirect URI, the scope, no PKCE, no nonce, a wrong
 * verifier, a secret, `response_type=token`); some add steps: an attacker who redeems a stolen
 * code (the run ends there: the app never gets the code; PKCE's refusal is recorded in
 * `refusedSteps`), six minutes' wait, a second redemption, `/logout` followed by `userInfo`, and
 * a later sign-in with the password of the pool user who has the same email.
 *
 * @example createActor(socialSignInMachine, { input }).start()
 */
export const socialSignInMachine = setup({
	types: {
		input: {} as SocialSignInInput,
		context: {} as SocialSignInContext,
		output: {} as SocialSignInOutput
	},
	actors: {
		discover: discoverActor,
		authorize: authorizeActor,
		signInAtGoogle: signInAtGoogleActor,
		idpResponse: idpResponseActor,
		attackerRedeemsCode: attackerRedeemsCodeActor,
		checkCallback: checkCallbackActor,
		letCodeExpire: letCodeExpireActor,
		redeemCode: redeemCodeActor,
		userInfo: userInfoActor,
		logOut: logOutActor,
		passwordSignIn: passwordSignInActor
	},
	guards: {
		codeStolen: ({ context }) =>
			mistake('code-stolen-without-pkce')({ context }) ||
			mistake('code-stolen-with-pkce')({ context }),
		implicitGrant: mistake('implicit-grant'),
		codeExpires: mistake('code-expired'),
		codeReused: mistake('code-reused'),
		logsOut: mistake('logout-keeps-tokens'),
		signsInAgain: mistake('duplicate-users'),
		// Only PKCE's refusal is the lesson; any other error is a real failure.
		refusedByPkce: (_, { error }: { error: unknown }) =>
			toFederationFailure(error).code === 'invalid_grant'
	},
	actions: {
		storeServer: assign((_, server: oauth.AuthorizationServer) => ({ server })),
		storeRequest: assign((_, { request, googlePage }: AuthorizeResult) => ({
			request,
			googlePage
		})),
		storeGoogleResponse: assign((_, googleResponse: string) => ({ googleResponse })),
		storeCallback: assign(({ context }, callbackUrl: string) => ({
			callbackUrl,
			codeIssuedAt: context.input.now()
		})),
		storeAttackerTokens: assign((_, attackerTokens: CognitoTokens) => ({ attackerTokens })),
		recordRefusal: assign(({ context }, { error }: { error: unknown }) => ({
			failure: toFederationFailure(error),
			refusedSteps: [...context.refusedSteps, 'attacker-redeems-code' as const]
		})),
		storeCallbackResult: assign((_, { url, params, code, tokens }: CallbackResult) => ({
			callbackUrl: url,
			callbackParams: params,
			code,
			tokens
		})),
		storeTokens: assign((_, tokens: CognitoTokens) => ({ tokens })),
		storeUserInfo: assign((_, userInfo: Record<string, unknown>) => ({ userInfo })),
		storeUserInfoAfterLogout: assign((_, userInfoAfterLogout: Record<string, unknown>) => ({
			userInfoAfterLogout
		})),
		storePasswordUser: assign((_, passwordUser: PasswordSignIn) => ({ passwordUser })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: toFederationFailure(error)
		}))
	}
}).createMachine({
	id: 'federationSocialOidc',
	context: ({ input }) => ({
		input,
		server: null,
		request: null,
		googlePage: null,
		googleResponse: null,
		callbackUrl: null,
		callbackParams: null,
		code: null,
		attackerTokens: null,
		tokens: null,
		codeIssuedAt: null,
		userInfo: null,
		userInfoAfterLogout: null,
		passwordUser: null,
		failure: null,
		refusedSteps: []
	}),
	initial: 'discover',
	states: {
		discover: {
			meta: { step: 'discover' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'discover',
				input: ({ context }) => context.input,
				onDone: {
					target: 'authorize',
					actions: { type: 'storeServer', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		authorize: {
			meta: { step: 'authorize' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'authorize',
				input: withServer,
				onDone: {
					target: 'signInAtGoogle',
					actions: { type: 'storeRequest', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		signInAtGoogle: {
			meta: { step: 'sign-in-at-google' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'signInAtGoogle',
				input: ({ context }) => ({
					...context.input,
					googlePage: context.googlePage!,
					idpResponse: new URL('/oauth2/idpresponse', context.server!.authorization_endpoint).href
				}),
				onDone: {
					target: 'idpResponse',
					actions: { type: 'storeGoogleResponse', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		idpResponse: {
			meta: { step: 'idp-response' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'idpResponse',
				input: ({ context }) => ({ ...context.input, googleResponse: context.googleResponse! }),
				onDone: {
					target: 'afterIdpResponse',
					actions: { type: 'storeCallback', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		// Not a step: where the code goes once the browser carries it back.
		afterIdpResponse: {
			always: [{ guard: 'codeStolen', target: 'attackerRedeemsCode' }, { target: 'checkCallback' }]
		},
		attackerRedeemsCode: {
			meta: { step: 'attacker-redeems-code' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'attackerRedeemsCode',
				input: ({ context }) => ({
					...context.input,
					tokenEndpoint: context.server!.token_endpoint!,
					callbackUrl: context.callbackUrl!
				}),
				// The app never sees the code the attacker took: the run ends either way.
				onDone: {
					target: 'done',
					actions: { type: 'storeAttackerTokens', params: ({ event }) => event.output }
				},
				onError: [
					{
						guard: { type: 'refusedByPkce', params: ({ event }) => ({ error: event.error }) },
						target: 'done',
						actions: { type: 'recordRefusal', params: ({ event }) => ({ error: event.error }) }
					},
					failWithError
				]
			}
		},
		checkCallback: {
			meta: { step: 'check-callback' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'checkCallback',
				input: ({ context }) => ({
					...withServer({ context }),
					request: context.request!,
					callbackUrl: context.callbackUrl!
				}),
				onDone: [
					{
						guard: 'implicitGrant',
						target: 'userInfo',
						actions: { type: 'storeCallbackResult', params: ({ event }) => event.output }
					},
					{
						guard: 'codeExpires',
						target: 'codeExpires',
						actions: { type: 'storeCallbackResult', params: ({ event }) => event.output }
					},
					{
						target: 'redeemCode',
						actions: { type: 'storeCallbackResult', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		codeExpires: {
			meta: { step: 'code-expires' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'letCodeExpire',
				input: ({ context }) => context.input,
				onDone: 'redeemCode',
				onError: failWithError
			}
		},
		redeemCode: {
			meta: { step: 'redeem-code' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'redeemCode',
				input: redeemInput,
				onDone: [
					{
						guard: 'codeReused',
						target: 'redeemAgain',
						actions: { type: 'storeTokens', params: ({ event }) => event.output }
					},
					{
						target: 'userInfo',
						actions: { type: 'storeTokens', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		redeemAgain: {
			meta: { step: 'redeem-again' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'redeemCode',
				input: redeemInput,
				onDone: {
					target: 'userInfo',
					actions: { type: 'storeTokens', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		userInfo: {
			meta: { step: 'user-info' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'userInfo',
				input: userInfoInput,
				onDone: [
					{
						guard: 'logsOut',
						target: 'logOut',
						actions: { type: 'storeUserInfo', params: ({ event }) => event.output }
					},
					{
						guard: 'signsInAgain',
						target: 'passwordSignIn',
						actions: { type: 'storeUserInfo', params: ({ event }) => event.output }
					},
					{
						target: 'done',
						actions: { type: 'storeUserInfo', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		logOut: {
			meta: { step: 'log-out' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'logOut',
				input: ({ context }) => ({
					...context.input,
					domain: new URL(context.server!.authorization_endpoint!).origin
				}),
				onDone: 'userInfoAfterLogout',
				onError: failWithError
			}
		},
		userInfoAfterLogout: {
			meta: { step: 'user-info-after-logout' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'userInfo',
				input: userInfoInput,
				onDone: {
					target: 'done',
					actions: { type: 'storeUserInfoAfterLogout', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		passwordSignIn: {
			meta: { step: 'password-sign-in' } satisfies SocialSignInStepMeta,
			invoke: {
				src: 'passwordSignIn',
				input: withServer,
				onDone: {
					target: 'done',
					actions: { type: 'storePasswordUser', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		done: { type: 'final' },
		failed: { type: 'final' }
	},
	output: ({ context }) => ({
		// PKCE's refusal of the attacker is the lesson, not a failure of the run.
		failure: context.refusedSteps.length > 0 ? null : context.failure
	})
});
