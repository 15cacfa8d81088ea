import { assign, setup, type ErrorActorEvent } from 'xstate';
import type { FlowStepMeta } from '../run-machine';
import { callS3Actor, type S3Answer, type S3CallInput } from '../shared/call-s3';
import { getCredentialsActor, type IdentityCredentials } from '../shared/get-credentials';
import { getIdActor } from '../shared/get-id';
import { askUserPoolActor } from './actors/ask-user-pool';
import { redeemCodeActor } from './actors/redeem-code';
import { signInWithGoogleActor } from './actors/sign-in-with-google';
import type { GoogleFlowMistakeId, GoogleFlowStepId } from './definition';
import { toGoogleFlowFailure, type GoogleFlowFailure } from './google-flow-failure';
import type {
	GoogleCallback,
	GoogleFlowContext,
	GoogleFlowInput,
	GoogleTokens
} from './google-flow-types';

/** What each step state carries for the UI: its step id. */
export interface GoogleFlowStepMeta extends FlowStepMeta {
	step: GoogleFlowStepId;
}

export interface GoogleFlowOutput {
	failure: GoogleFlowFailure | null;
}

type Context = GoogleFlowContext;

const made = (context: Context, mistake: GoogleFlowMistakeId) =>
	context.input.mistakes.includes(mistake);

/** Every step's `onError`: an error answer ends the run in `failed`, holding the error. */
const failWithError = {
	target: 'failed',
	actions: {
		type: 'storeFailure',
		params: ({ event }: { event: ErrorActorEvent }) => ({ error: event.error })
	}
} as const;

/**
 * The `Logins` map of GetId and GetCredentialsForIdentity: Google's provider name and its ID
 * token — or, with a mistake, the issuer URL as the key, or Google's access token as the value.
 */
function loginsOf(context: Context): Record<string, string> {
	const { input, tokens } = context;
	const key = made(context, 'wrong-logins-key')
		? `https://${input.providerName}`
		: input.providerName;
	const token = made(context, 'google-access-token-in-logins')
		? tokens!.accessToken
		: tokens!.idToken;
	return { [key]: token };
}

/** The note's key: under the identity ID, what `${cognito-identity.amazonaws.com:sub}` holds. */
const noteKey = (context: Context) => `private/${context.identityId}/notes.txt`;

/** The input of both S3 steps, signed with the identity's credentials at the simulated time. */
const s3Input =
	(operation: 'PutObject' | 'GetObject') =>
	({ context }: { context: Context }): S3CallInput => ({
		send: context.input.send,
		region: context.input.region,
		bucket: context.input.bucket,
		operation,
		key: noteKey(context),
		...(operation === 'PutObject' && {
			body: `Notes of ${context.tokens!.email}, written at ${new Date(context.input.clock.now()).toISOString()}.\n`
		}),
		auth: {
			kind: 'sigv4',
			credentials: context.credentials!,
			now: context.input.clock.now()
		}
	});

/**
 * The app signs its user in with Google itself — its own Google client, no user pool — and trades
 * Google's ID token for AWS credentials at the identity pool (the enhanced flow), then uses S3
 * under the identity's own prefix. One state per step of `definition.steps`; each state makes its
 * step's real exchanges in one named actor, and only what the services answered enters the
 * context (through `assign`). An error answer ends the run in `failed`.
 *
 * Mistakes are input: two change the `Logins` map (its key, or the token in it); the third adds a
 * step in which the app shows Google's token to the user pool's userInfo endpoint, which ends the
 * run whatever it answers (the identity pool part is the other steps' lesson).
 *
 * @example createActor(googleFlowMachine, { input }).start()
 */
export const googleFlowMachine = setup({
	types: {
		input: {} as GoogleFlowInput,
		context: {} as Context,
		output: {} as GoogleFlowOutput
	},
	actors: {
		signInWithGoogle: signInWithGoogleActor,
		redeemCode: redeemCodeActor,
		askUserPool: askUserPoolActor,
		getId: getIdActor,
		getCredentials: getCredentialsActor,
		callS3: callS3Actor
	},
	guards: {
		asksUserPool: ({ context }) => made(context, 'provider-token-to-user-pool')
	},
	actions: {
		storeCallback: assign((_, callback: GoogleCallback) => ({ callback })),
		storeTokens: assign((_, tokens: GoogleTokens) => ({ tokens })),
		storeIdentityId: assign((_, identityId: string) => ({ identityId })),
		storeCredentials: assign((_, credentials: IdentityCredentials) => ({ credentials })),
		storeS3: assign(({ context }, answer: S3Answer) => ({ s3: [...context.s3, answer] })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: toGoogleFlowFailure(error)
		}))
	}
}).createMachine({
	id: 'identityPoolGoogleSignIn',
	context: ({ input }) => ({
		input,
		callback: null,
		tokens: null,
		identityId: null,
		credentials: null,
		s3: [],
		refusedSteps: [],
		failure: null
	}),
	initial: 'signInWithGoogle',
	states: {
		signInWithGoogle: {
			meta: { step: 'sign-in-with-google' } satisfies GoogleFlowStepMeta,
			invoke: {
				id: 'signInWithGoogle',
				src: 'signInWithGoogle',
				input: ({ context: { input } }) => ({
					browser: input.browser,
					google: input.google,
					login: input.login
				}),
				onDone: {
					target: 'redeemCode',
					actions: { type: 'storeCallback', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		redeemCode: {
			meta: { step: 'redeem-code' } satisfies GoogleFlowStepMeta,
			invoke: {
				id: 'redeemCode',
				src: 'redeemCode',
				input: ({ context }) => ({
					backEndFetch: context.input.backEndFetch,
					google: context.input.google,
					callback: context.callback!
				}),
				onDone: [
					{
						guard: 'asksUserPool',
						target: 'askUserPool',
						actions: { type: 'storeTokens', params: ({ event }) => event.output }
					},
					{
						target: 'getId',
						actions: { type: 'storeTokens', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		askUserPool: {
			meta: { step: 'ask-user-pool' } satisfies GoogleFlowStepMeta,
			invoke: {
				id: 'askUserPool',
				src: 'askUserPool',
				input: ({ context }) => ({
					fetch: context.input.fetch,
					userInfoUrl: context.input.userInfoUrl,
					token: context.tokens!.idToken
				}),
				// The mistake's lesson ends here: the user pool never honours another issuer's token.
				onDone: 'done',
				onError: failWithError
			}
		},
		getId: {
			meta: { step: 'get-id' } satisfies GoogleFlowStepMeta,
			invoke: {
				id: 'getId',
				src: 'getId',
				input: ({ context }) => ({
					fetch: context.input.fetch,
					region: context.input.region,
					identityPoolId: context.input.identityPoolId,
					logins: loginsOf(context)
				}),
				onDone: {
					target: 'getCredentials',
					actions: { type: 'storeIdentityId', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getCredentials: {
			meta: { step: 'get-credentials' } satisfies GoogleFlowStepMeta,
			invoke: {
				id: 'getCredentials',
				src: 'getCredentials',
				input: ({ context }) => ({
					fetch: context.input.fetch,
					region: context.input.region,
					identityId: context.identityId!,
					logins: loginsOf(context)
				}),
				onDone: {
					target: 'putObject',
					actions: { type: 'storeCredentials', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		putObject: {
			meta: { step: 'put-object' } satisfies GoogleFlowStepMeta,
			invoke: {
				id: 'putObject',
				src: 'callS3',
				input: s3Input('PutObject'),
				onDone: {
					target: 'getObject',
					actions: { type: 'storeS3', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getObject: {
			meta: { step: 'get-object' } satisfies GoogleFlowStepMeta,
			invoke: {
				id: 'getObject',
				src: 'callS3',
				input: s3Input('GetObject'),
				onDone: {
					target: 'done',
					actions: { type: 'storeS3', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		done: { type: 'final' },
		failed: { type: 'final' }
	},
	output: ({ context }) => ({ failure: context.failure })
});
