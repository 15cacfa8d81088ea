import { assign, setup, type ErrorActorEvent } from 'xstate';
import type { FlowStepMeta } from '../run-machine';
import { callS3Actor, type S3Answer, type S3Auth, type S3CallInput } from '../shared/call-s3';
import { getCredentialsActor, type IdentityCredentials } from '../shared/get-credentials';
import { getIdActor } from '../shared/get-id';
import type { SignInTokens } from '../shared/sign-in-types';
import { editAttributeActor } from './actors/edit-attribute';
import { letCredentialsExpireActor } from './actors/let-credentials-expire';
import { signInActor, type SignedIn } from './actors/sign-in';
import { teamAttribute } from './configure-for-mistakes';
import type { EnhancedFlowMistakeId, EnhancedFlowStepId } from './definition';
import type { EnhancedFlowContext, EnhancedFlowInput } from './enhanced-flow-types';
import { toFlowFailure, type FlowFailure } from './flow-failure';

/** What each step state carries for the UI: its step id. */
export interface EnhancedFlowStepMeta extends FlowStepMeta {
	step: EnhancedFlowStepId;
}

export interface EnhancedFlowOutput {
	failure: FlowFailure | null;
}

type Context = EnhancedFlowContext;

const made = (context: Context, mistake: EnhancedFlowMistakeId) =>
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
 * The `Logins` map of GetId and GetCredentialsForIdentity: the user pool's provider name and its
 * ID token — or, with a mistake, the access token, or the issuer URL as the key.
 */
function loginsOf({ input, tokens }: Context): Record<string, string> {
	const key = input.mistakes.includes('wrong-logins-key')
		? `https://${input.providerName}`
		: input.providerName;
	const token = input.mistakes.includes('access-token-in-logins')
		? tokens!.accessToken
		: tokens!.idToken;
	return { [key]: token };
}

/**
 * Where the app keeps its note: under the identity ID, which is what the policy variable
 * `${cognito-identity.amazonaws.com:sub}` holds — or, with a mistake (and always when it never
 * asked the identity pool), under the user pool `sub` read from the ID token.
 */
function noteKey(context: Context): string {
	const ownId =
		made(context, 'user-pool-sub-in-policy') || !context.identityId
			? context.sub
			: context.identityId;
	return `private/${ownId}/notes.txt`;
}

/** How the app authenticates to S3: a bearer token by mistake, else SigV4 at the current time. */
function s3Auth(context: Context): S3Auth {
	if (!context.credentials) return { kind: 'bearer', token: context.tokens!.idToken };
	return { kind: 'sigv4', credentials: context.credentials, now: context.input.clock.now() };
}

/** The input of every S3 step: the operation and key change, the rest is derived once. */
const s3Input =
	(operation: S3Answer['operation'], key: (context: Context) => string, body?: string) =>
	({ context }: { context: Context }): S3CallInput => ({
		send: context.input.send,
		region: context.input.region,
		bucket: context.input.bucket,
		operation,
		key: key(context),
		...(body !== undefined && { body }),
		auth: s3Auth(context)
	});

const ownPrefix = (context: Context) => noteKey(context).replace(/notes\.txt$/, '');

/**
 * The app in the browser trading a user pool sign-in for AWS credentials through the identity
 * pool's enhanced flow, then using S3 under the identity's own prefix. One state per step of
 * `definition.steps`; each state makes its step's real exchanges in one named actor, and only what
 * the services answered enters the context (through `assign`). An error answer ends the run in
 * `failed`, except at read-other-identity: that refusal is the point, recorded in `refusedSteps`,
 * and the run carries on.
 *
 * Mistakes are input. Most change what the app sends (the Logins map, the S3 key, a bearer token,
 * old credentials); those about the account's configuration (the identity pool's providers and
 * role mapping, a trust policy) are applied to the scenario by the runner before the run, and
 * fail here at the hop that checks them. Some add steps: editing the attribute, reading another
 * identity's note, an hour passing. `jwt-straight-to-s3` skips the identity pool altogether.
 *
 * @example createActor(enhancedFlowMachine, { input }).start()
 */
export const enhancedFlowMachine = setup({
	types: {
		input: {} as EnhancedFlowInput,
		context: {} as Context,
		output: {} as EnhancedFlowOutput
	},
	actors: {
		signIn: signInActor,
		editAttribute: editAttributeActor,
		getId: getIdActor,
		getCredentials: getCredentialsActor,
		callS3: callS3Actor,
		letCredentialsExpire: letCredentialsExpireActor
	},
	guards: {
		editsAttribute: ({ context }) => made(context, 'writable-attribute-role-mapping'),
		skipsIdentityPool: ({ context }) => made(context, 'jwt-straight-to-s3'),
		readsOtherIdentity: ({ context }) =>
			made(context, 'read-another-identity') || made(context, 'writable-attribute-role-mapping'),
		keepsExpiredCredentials: ({ context }) => made(context, 'expired-credentials')
	},
	actions: {
		storeSignIn: assign((_, { tokens, username, sub }: SignedIn) => ({ tokens, username, sub })),
		storeTokens: assign((_, tokens: SignInTokens) => ({ tokens })),
		storeIdentityId: assign((_, identityId: string) => ({ identityId })),
		storeCredentials: assign((_, credentials: IdentityCredentials) => ({ credentials })),
		storeS3: assign(({ context }, answer: S3Answer) => ({ s3: [...context.s3, answer] })),
		storeRefusal: assign(
			({ context }, { step, error }: { step: EnhancedFlowStepId; error: unknown }) => ({
				refusedSteps: [...context.refusedSteps, step],
				refusals: { ...context.refusals, [step]: toFlowFailure(error) }
			})
		),
		storeExpiry: assign((_, expiry: { from: number; to: number }) => ({ expiry })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: toFlowFailure(error)
		}))
	}
}).createMachine({
	id: 'identityPoolEnhancedFlow',
	context: ({ input }) => ({
		input,
		tokens: null,
		username: null,
		sub: null,
		identityId: null,
		credentials: null,
		s3: [],
		refusedSteps: [],
		refusals: {},
		expiry: null,
		failure: null
	}),
	initial: 'signIn',
	states: {
		signIn: {
			meta: { step: 'sign-in' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'signIn',
				src: 'signIn',
				input: ({ context: { input } }) => ({
					fetch: input.fetch,
					clock: input.clock,
					region: input.region,
					userPoolId: input.userPoolId,
					client: input.client,
					user: input.user
				}),
				onDone: [
					{
						guard: 'editsAttribute',
						target: 'editAttribute',
						actions: { type: 'storeSignIn', params: ({ event }) => event.output }
					},
					{
						guard: 'skipsIdentityPool',
						target: 'putObject',
						actions: { type: 'storeSignIn', params: ({ event }) => event.output }
					},
					{
						target: 'getId',
						actions: { type: 'storeSignIn', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		editAttribute: {
			meta: { step: 'edit-attribute' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'editAttribute',
				src: 'editAttribute',
				input: ({ context: { input, tokens, username } }) => ({
					fetch: input.fetch,
					region: input.region,
					client: input.client,
					username: username!,
					tokens: tokens!,
					attribute: teamAttribute
				}),
				onDone: {
					target: 'getId',
					actions: { type: 'storeTokens', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getId: {
			meta: { step: 'get-id' } satisfies EnhancedFlowStepMeta,
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
			meta: { step: 'get-credentials' } satisfies EnhancedFlowStepMeta,
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
			meta: { step: 'put-object' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'putObject',
				src: 'callS3',
				input: ({ context }) =>
					s3Input(
						'PutObject',
						noteKey,
						`Notes of ${context.username}, written at ${new Date(context.input.clock.now()).toISOString()}.\n`
					)({ context }),
				onDone: {
					target: 'getObject',
					actions: { type: 'storeS3', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getObject: {
			meta: { step: 'get-object' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'getObject',
				src: 'callS3',
				input: s3Input('GetObject', noteKey),
				onDone: {
					target: 'listObjects',
					actions: { type: 'storeS3', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		listObjects: {
			meta: { step: 'list-objects' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'listObjects',
				src: 'callS3',
				input: s3Input('ListObjectsV2', ownPrefix),
				onDone: [
					{
						guard: 'readsOtherIdentity',
						target: 'readOtherIdentity',
						actions: { type: 'storeS3', params: ({ event }) => event.output }
					},
					{
						guard: 'keepsExpiredCredentials',
						target: 'credentialsExpire',
						actions: { type: 'storeS3', params: ({ event }) => event.output }
					},
					{ target: 'done', actions: { type: 'storeS3', params: ({ event }) => event.output } }
				],
				onError: failWithError
			}
		},
		readOtherIdentity: {
			meta: { step: 'read-other-identity' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'readOtherIdentity',
				src: 'callS3',
				input: s3Input('GetObject', (context) => context.input.otherIdentityKey),
				onDone: [
					{
						guard: 'keepsExpiredCredentials',
						target: 'credentialsExpire',
						actions: { type: 'storeS3', params: ({ event }) => event.output }
					},
					{ target: 'done', actions: { type: 'storeS3', params: ({ event }) => event.output } }
				],
				// The refusal is the lesson; the app goes on with what it may do
				onError: [
					{
						guard: 'keepsExpiredCredentials',
						target: 'credentialsExpire',
						actions: {
							type: 'storeRefusal',
							params: ({ event }) => ({ step: 'read-other-identity', error: event.error })
						}
					},
					{
						target: 'done',
						actions: {
							type: 'storeRefusal',
							params: ({ event }) => ({ step: 'read-other-identity', error: event.error })
						}
					}
				]
			}
		},
		credentialsExpire: {
			meta: { step: 'credentials-expire' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'letCredentialsExpire',
				src: 'letCredentialsExpire',
				input: ({ context }) => ({
					clock: context.input.clock,
					expiration: context.credentials!.expiration
				}),
				onDone: {
					target: 'readAfterExpiry',
					actions: { type: 'storeExpiry', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		readAfterExpiry: {
			meta: { step: 'read-after-expiry' } satisfies EnhancedFlowStepMeta,
			invoke: {
				id: 'readAfterExpiry',
				src: 'callS3',
				input: s3Input('GetObject', noteKey),
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
