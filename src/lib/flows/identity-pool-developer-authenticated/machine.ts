import { assign, setup, type ErrorActorEvent } from 'xstate';
import type { FlowStepMeta } from '../run-machine';
import { getCredentialsActor, type GetCredentialsInput } from './actors/get-credentials';
import { mintDeveloperTokenActor } from './actors/mint-developer-token';
import { putNoteActor, readNoteActor } from './actors/note';
import { requestIdentityTokenActor } from './actors/request-identity-token';
import { signInToBackEndActor } from './actors/sign-in-to-back-end';
import { stealKeysActor } from './actors/steal-keys';
import { toDeveloperFlowFailure, type DeveloperFlowFailure } from './developer-flow-error';
import type {
	BackEndSession,
	DeveloperFlowContext,
	DeveloperFlowInput,
	DeveloperMistakeId,
	DeveloperToken,
	LongTermKey,
	Note,
	TemporaryCredentials
} from './developer-types';

export interface DeveloperFlowOutput {
	failure: DeveloperFlowFailure | null;
}

const made = (context: DeveloperFlowContext, mistake: DeveloperMistakeId) =>
	context.input.mistakes.includes(mistake);

/** Every step's `onError`: any refusal ends the run in `failed`, holding the error. */
const failWithError = {
	target: 'failed',
	actions: {
		type: 'storeFailure',
		params: ({ event }: { event: ErrorActorEvent }) => ({ error: event.error })
	}
} as const;

/** The note the app saves, under the identity's own prefix (the policy's `${...:sub}`). */
const noteFor = ({ input, identity }: DeveloperFlowContext): Note => ({
	key: `private/${identity!.identityId}/notes.txt`,
	body: `${input.user.username}'s note: the back end holds the IAM key, never the app.\n`
});

/**
 * Developer-authenticated identities, from the app's side. One state per step of the definition;
 * each state makes its step's real exchanges in one named actor, and only what the services
 * answered enters the context (through `assign`). Any refusal ends the run in `failed`.
 *
 * Mistakes are input. `long-term-keys-in-browser` changes the start (the app signs the developer
 * call itself, with the back end's key from its bundle, instead of asking its back end) and adds
 * the attacker's four steps after the app's own run: nothing refuses, the harm is the lesson.
 * `get-id-with-developer-token` and `identity-id-without-token` change how the app asks for
 * credentials, and the identity pool refuses them there.
 *
 * @example createActor(developerFlowMachine, { input }).start()
 */
export const developerFlowMachine = setup({
	types: {
		input: {} as DeveloperFlowInput,
		context: {} as DeveloperFlowContext,
		output: {} as DeveloperFlowOutput
	},
	actors: {
		signInToBackEnd: signInToBackEndActor,
		requestIdentityToken: requestIdentityTokenActor,
		mintDeveloperToken: mintDeveloperTokenActor,
		getCredentials: getCredentialsActor,
		putNote: putNoteActor,
		readNote: readNoteActor,
		stealKeys: stealKeysActor
	},
	guards: {
		keysInBrowser: ({ context }) => made(context, 'long-term-keys-in-browser')
	},
	actions: {
		storeSession: assign((_, session: BackEndSession) => ({ session })),
		storeIdentity: assign((_, identity: DeveloperToken) => ({ identity })),
		storeCredentials: assign((_, credentials: TemporaryCredentials) => ({ credentials })),
		storeNote: assign(({ context }) => ({ note: noteFor(context) })),
		storeReadBack: assign((_, readBack: string) => ({ readBack })),
		storeStolenKey: assign((_, stolenKey: LongTermKey) => ({ stolenKey })),
		storeAttackerIdentity: assign((_, attackerIdentity: DeveloperToken) => ({
			attackerIdentity
		})),
		storeAttackerCredentials: assign((_, attackerCredentials: TemporaryCredentials) => ({
			attackerCredentials
		})),
		storeAttackerRead: assign((_, attackerRead: string) => ({ attackerRead })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: toDeveloperFlowFailure(error)
		}))
	}
}).createMachine({
	id: 'developerAuthenticated',
	context: ({ input }) => ({
		input,
		session: null,
		identity: null,
		credentials: null,
		note: null,
		readBack: null,
		stolenKey: null,
		attackerIdentity: null,
		attackerCredentials: null,
		attackerRead: null,
		failure: null
	}),
	initial: 'start',
	states: {
		start: {
			always: [
				{ guard: 'keysInBrowser', target: 'mintTokenInBrowser' },
				{ target: 'signInToBackEnd' }
			]
		},
		signInToBackEnd: {
			meta: { step: 'sign-in-to-back-end' } satisfies FlowStepMeta,
			invoke: {
				id: 'signInToBackEnd',
				src: 'signInToBackEnd',
				input: ({ context: { input } }) => ({
					fetch: input.fetch,
					username: input.user.username,
					password: input.user.password
				}),
				onDone: {
					target: 'getIdentityToken',
					actions: { type: 'storeSession', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getIdentityToken: {
			meta: { step: 'get-identity-token' } satisfies FlowStepMeta,
			invoke: {
				id: 'requestIdentityToken',
				src: 'requestIdentityToken',
				input: ({ context: { input, session } }) => ({
					fetch: input.fetch,
					session: session!.session
				}),
				onDone: {
					target: 'getCredentials',
					actions: { type: 'storeIdentity', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		mintTokenInBrowser: {
			meta: { step: 'mint-token-in-browser' } satisfies FlowStepMeta,
			invoke: {
				id: 'mintDeveloperToken',
				src: 'mintDeveloperToken',
				// The app signs with the key its bundle carries, for the user id the page claims
				input: ({ context: { input } }) => ({
					fetch: input.fetch,
					clock: input.clock,
					region: input.region,
					identityPoolId: input.identityPoolId,
					developerProviderName: input.developerProviderName,
					userId: input.user.userId,
					key: input.backEndKey
				}),
				onDone: {
					target: 'getCredentials',
					actions: { type: 'storeIdentity', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getCredentials: {
			meta: { step: 'get-credentials' } satisfies FlowStepMeta,
			invoke: {
				id: 'getCredentials',
				src: 'getCredentials',
				input: ({ context: { input, identity } }): GetCredentialsInput => ({
					fetch: input.fetch,
					region: input.region,
					identityPoolId: input.identityPoolId,
					identity: identity!,
					roleArn: input.authenticatedRoleArn,
					// Without the token the app can only make the enhanced call (the one that takes an id)
					variant: input.mistakes.includes('identity-id-without-token')
						? 'enhanced'
						: input.variant,
					getIdFirst: input.mistakes.includes('get-id-with-developer-token'),
					withoutToken: input.mistakes.includes('identity-id-without-token')
				}),
				onDone: {
					target: 'putNote',
					actions: { type: 'storeCredentials', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		putNote: {
			meta: { step: 'put-note' } satisfies FlowStepMeta,
			invoke: {
				id: 'putNote',
				src: 'putNote',
				input: ({ context }) => ({
					fetch: context.input.fetch,
					clock: context.input.clock,
					region: context.input.region,
					bucket: context.input.bucket,
					credentials: context.credentials!,
					note: noteFor(context)
				}),
				onDone: { target: 'readNote', actions: 'storeNote' },
				onError: failWithError
			}
		},
		readNote: {
			meta: { step: 'read-note' } satisfies FlowStepMeta,
			invoke: {
				id: 'readNote',
				src: 'readNote',
				input: ({ context: { input, credentials, note } }) => ({
					fetch: input.fetch,
					clock: input.clock,
					region: input.region,
					bucket: input.bucket,
					credentials: credentials!,
					key: note!.key
				}),
				onDone: [
					{
						guard: 'keysInBrowser',
						target: 'keysStolen',
						actions: { type: 'storeReadBack', params: ({ event }) => event.output }
					},
					{
						target: 'done',
						actions: { type: 'storeReadBack', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		keysStolen: {
			meta: { step: 'keys-stolen' } satisfies FlowStepMeta,
			invoke: {
				id: 'stealKeys',
				src: 'stealKeys',
				input: ({ context: { input } }) => ({ fetch: input.fetch, key: input.backEndKey }),
				onDone: {
					target: 'attackerMintsToken',
					actions: { type: 'storeStolenKey', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		attackerMintsToken: {
			meta: { step: 'attacker-mints-token' } satisfies FlowStepMeta,
			invoke: {
				id: 'attackerMintsToken',
				src: 'mintDeveloperToken',
				// The attacker names the victim's user id: Cognito trusts the signed caller
				input: ({ context: { input, stolenKey } }) => ({
					fetch: input.attackerFetch,
					clock: input.clock,
					region: input.region,
					identityPoolId: input.identityPoolId,
					developerProviderName: input.developerProviderName,
					userId: input.victim.userId,
					key: stolenKey!
				}),
				onDone: {
					target: 'attackerGetsCredentials',
					actions: { type: 'storeAttackerIdentity', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		attackerGetsCredentials: {
			meta: { step: 'attacker-gets-credentials' } satisfies FlowStepMeta,
			invoke: {
				id: 'attackerGetsCredentials',
				src: 'getCredentials',
				input: ({ context: { input, attackerIdentity } }): GetCredentialsInput => ({
					fetch: input.attackerFetch,
					region: input.region,
					identityPoolId: input.identityPoolId,
					identity: attackerIdentity!,
					roleArn: input.authenticatedRoleArn,
					variant: 'enhanced',
					getIdFirst: false,
					withoutToken: false
				}),
				onDone: {
					target: 'attackerReadsNote',
					actions: { type: 'storeAttackerCredentials', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		attackerReadsNote: {
			meta: { step: 'attacker-reads-note' } satisfies FlowStepMeta,
			invoke: {
				id: 'attackerReadsNote',
				src: 'readNote',
				input: ({ context: { input, attackerCredentials, attackerIdentity } }) => ({
					fetch: input.attackerFetch,
					clock: input.clock,
					region: input.region,
					bucket: input.bucket,
					credentials: attackerCredentials!,
					key: `private/${attackerIdentity!.identityId}/notes.txt`
				}),
				onDone: {
					target: 'done',
					actions: { type: 'storeAttackerRead', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		done: { type: 'final' },
		failed: { type: 'final' }
	},
	output: ({ context }) => ({ failure: context.failure })
});
