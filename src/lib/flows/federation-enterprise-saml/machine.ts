import type * as oauth from 'oauth4webapi';
import { assign, setup, type ErrorActorEvent } from 'xstate';
import { toFederationFailure, type FederationFailure } from '../shared/oauth-refusal';
import type { SamlPost } from '../shared/saml-idp-sign-in';
import { authorizeActor } from './actors/authorize';
import { checkCallbackActor, type CallbackResult } from './actors/check-callback';
import { discoverActor } from '../shared/oauth-discover';
import { postSamlResponseActor } from './actors/post-saml-response';
import { redeemCodeActor } from './actors/redeem-code';
import { signInAtIdpActor } from './actors/sign-in-at-idp';
import { userInfoActor } from '../shared/oauth-user-info';
import type { SamlSignInStepId } from './definition';
import type {
	AuthorizeResult,
	CognitoTokens,
	SamlSignInContext,
	SamlSignInInput
} from './saml-sign-in-types';

/** What each step state carries for the UI; the title comes from the definition. */
export interface SamlSignInStepMeta {
	step: SamlSignInStepId;
}

export interface SamlSignInOutput {
	failure: FederationFailure | null;
}

/** Every step's `onError`: the run ends in `failed`, holding the refusal. */
const failWithError = {
	target: 'failed',
	actions: {
		type: 'storeFailure',
		params: ({ event }: { event: ErrorActorEvent }) => ({ error: event.error })
	}
} as const;

const withServer = ({ context }: { context: SamlSignInContext }) => ({
	...context.input,
	server: context.server!,
	request: context.request!
});

/**
 * The app, a single-page app using oauth4webapi, signs an employee in with ExampleCorp's SAML IdP
 * through the user pool's managed login: discovery, the browser to `/oauth2/authorize` and on to
 * the IdP with a `SAMLRequest`, the sign-in there, the IdP's page posting the signed
 * `SAMLResponse` to `/saml2/idpresponse` (where Cognito checks it), the app's check of its
 * callback, the code redeemed with the PKCE verifier, and `/oauth2/userInfo`. Any refusal ends
 * the run in `failed`, holding it.
 *
 * Mistakes are input; each changes what reaches Cognito (an assertion for another audience, one
 * edited in the browser, one posted too late), and Cognito's refusal comes back to the app's
 * callback as `error=server_error`.
 *
 * @example createActor(samlSignInMachine, { input }).start()
 */
export const samlSignInMachine = setup({
	types: {
		input: {} as SamlSignInInput,
		context: {} as SamlSignInContext,
		output: {} as SamlSignInOutput
	},
	actors: {
		discover: discoverActor,
		authorize: authorizeActor,
		signInAtIdp: signInAtIdpActor,
		postSamlResponse: postSamlResponseActor,
		checkCallback: checkCallbackActor,
		redeemCode: redeemCodeActor,
		userInfo: userInfoActor
	},
	actions: {
		storeServer: assign((_, server: oauth.AuthorizationServer) => ({ server })),
		storeRequest: assign((_, { request, idpPage }: AuthorizeResult) => ({ request, idpPage })),
		storeSamlPost: assign((_, samlPost: SamlPost) => ({ samlPost })),
		storeCallback: assign((_, callbackUrl: string) => ({ callbackUrl })),
		storeCallbackResult: assign((_, { params, code }: CallbackResult) => ({
			callbackParams: params,
			code
		})),
		storeTokens: assign((_, tokens: CognitoTokens) => ({ tokens })),
		storeUserInfo: assign((_, userInfo: Record<string, unknown>) => ({ userInfo })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: toFederationFailure(error)
		}))
	}
}).createMachine({
	id: 'federationEnterpriseSaml',
	context: ({ input }) => ({
		input,
		server: null,
		request: null,
		idpPage: null,
		samlPost: null,
		callbackUrl: null,
		callbackParams: null,
		code: null,
		tokens: null,
		userInfo: null,
		failure: null
	}),
	initial: 'discover',
	states: {
		discover: {
			meta: { step: 'discover' } satisfies SamlSignInStepMeta,
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
			meta: { step: 'authorize' } satisfies SamlSignInStepMeta,
			invoke: {
				src: 'authorize',
				input: ({ context }) => ({ ...context.input, server: context.server! }),
				onDone: {
					target: 'signInAtIdp',
					actions: { type: 'storeRequest', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		signInAtIdp: {
			meta: { step: 'sign-in-at-idp' } satisfies SamlSignInStepMeta,
			invoke: {
				src: 'signInAtIdp',
				input: ({ context }) => ({ ...context.input, idpPage: context.idpPage! }),
				onDone: {
					target: 'postSamlResponse',
					actions: { type: 'storeSamlPost', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		postSamlResponse: {
			meta: { step: 'post-saml-response' } satisfies SamlSignInStepMeta,
			invoke: {
				src: 'postSamlResponse',
				input: ({ context }) => ({ ...withServer({ context }), samlPost: context.samlPost! }),
				onDone: {
					target: 'checkCallback',
					actions: { type: 'storeCallback', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		checkCallback: {
			meta: { step: 'check-callback' } satisfies SamlSignInStepMeta,
			invoke: {
				src: 'checkCallback',
				input: ({ context }) => ({
					...withServer({ context }),
					callbackUrl: context.callbackUrl!
				}),
				onDone: {
					target: 'redeemCode',
					actions: { type: 'storeCallbackResult', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		redeemCode: {
			meta: { step: 'redeem-code' } satisfies SamlSignInStepMeta,
			invoke: {
				src: 'redeemCode',
				input: ({ context }) => ({
					...withServer({ context }),
					callbackParams: context.callbackParams!
				}),
				onDone: {
					target: 'userInfo',
					actions: { type: 'storeTokens', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		userInfo: {
			meta: { step: 'user-info' } satisfies SamlSignInStepMeta,
			invoke: {
				src: 'userInfo',
				input: ({ context }) => ({
					...context.input,
					server: context.server!,
					tokens: context.tokens!
				}),
				onDone: {
					target: 'done',
					actions: { type: 'storeUserInfo', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		done: { type: 'final' },
		failed: { type: 'final' }
	},
	output: ({ context }) => ({ failure: context.failure })
});
