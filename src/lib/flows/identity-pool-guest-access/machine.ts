import { assign, setup, type ErrorActorEvent } from 'xstate';
import { getCredentialsActor } from './actors/get-credentials';
import { getIdActor } from './actors/get-id';
import { getParameterActor } from './actors/get-parameter';
import { readObjectActor } from './actors/read-object';
import { writeObjectActor } from './actors/write-object';
import type { GuestAccessStepId } from './definition';
import { toGuestAccessFailure } from './guest-access-failure';
import type {
	GuestAccessContext,
	GuestAccessFailure,
	GuestAccessInput,
	GuestCredentials,
	ReadObject
} from './guest-access-types';

/** What each step state carries for the UI; the title comes from the definition. */
export interface GuestAccessStepMeta {
	step: GuestAccessStepId;
}

export interface GuestAccessOutput {
	failure: GuestAccessFailure | null;
}

/** Every step's `onError` unless the step says otherwise: the run ends in `failed`, holding it. */
const failWithError = {
	target: 'failed',
	actions: {
		type: 'storeFailure',
		params: ({ event }: { event: ErrorActorEvent }) => ({ error: event.error })
	}
} as const;

/** What the signed steps send with: the credentials the pool issued. */
const signedInput = ({ context }: { context: GuestAccessContext }) => ({
	...context.input,
	credentials: context.credentials!
});

/**
 * A guest in the browser: an identity without `Logins` (`GetId`), credentials for it
 * (`GetCredentialsForIdentity`, the enhanced flow: Cognito assumes the guest role), then SigV4
 * requests to S3 with them: the public object is read, and a write is refused by IAM. The refused
 * write is the lesson, not the end of the run: the machine records it in `refusedSteps` and goes
 * on. Any other error ends the run in `failed`, holding the error.
 *
 * Mistakes are input. `guests-off` changes nothing here: the pool refuses the same `GetId` (the
 * runner switches guests off in the scenario). `guest-outside-scope-down` adds a last step: the
 * app reads a parameter from Systems Manager, which the guest role allows and the enhanced flow's
 * session policy does not.
 *
 * @example createActor(guestAccessMachine, { input }).start()
 */
export const guestAccessMachine = setup({
	types: {
		input: {} as GuestAccessInput,
		context: {} as GuestAccessContext,
		output: {} as GuestAccessOutput
	},
	actors: {
		getId: getIdActor,
		getCredentials: getCredentialsActor,
		readObject: readObjectActor,
		writeObject: writeObjectActor,
		getParameter: getParameterActor
	},
	guards: {
		// Only an IAM refusal is the lesson; a bad signature or a missing bucket is a real failure.
		refusedByIam: (_, { error }: { error: unknown }) =>
			toGuestAccessFailure(error).code === 'AccessDenied',
		readsParameter: ({ context }) => context.input.mistakes.includes('guest-outside-scope-down')
	},
	actions: {
		storeIdentity: assign((_, identityId: string) => ({ identityId })),
		storeCredentials: assign((_, credentials: GuestCredentials) => ({ credentials })),
		storeObject: assign((_, publicObject: ReadObject) => ({ publicObject })),
		recordRefusal: assign(({ context }, { error }: { error: unknown }) => ({
			writeRefusal: toGuestAccessFailure(error),
			refusedSteps: [...context.refusedSteps, 'write-object' as const]
		})),
		storeParameter: assign((_, parameterValue: string) => ({ parameterValue })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: toGuestAccessFailure(error)
		}))
	}
}).createMachine({
	id: 'identityPoolGuestAccess',
	context: ({ input }) => ({
		input,
		identityId: null,
		credentials: null,
		publicObject: null,
		writeRefusal: null,
		parameterValue: null,
		failure: null,
		refusedSteps: []
	}),
	initial: 'getId',
	states: {
		getId: {
			meta: { step: 'get-id' } satisfies GuestAccessStepMeta,
			invoke: {
				id: 'getId',
				src: 'getId',
				input: ({ context }) => context.input,
				onDone: {
					target: 'getCredentials',
					actions: { type: 'storeIdentity', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getCredentials: {
			meta: { step: 'get-credentials' } satisfies GuestAccessStepMeta,
			invoke: {
				id: 'getCredentials',
				src: 'getCredentials',
				input: ({ context }) => ({ ...context.input, identityId: context.identityId! }),
				onDone: {
					target: 'readPublicObject',
					actions: { type: 'storeCredentials', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		readPublicObject: {
			meta: { step: 'read-public-object' } satisfies GuestAccessStepMeta,
			invoke: {
				id: 'readObject',
				src: 'readObject',
				input: signedInput,
				onDone: {
					target: 'writeObject',
					actions: { type: 'storeObject', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		writeObject: {
			meta: { step: 'write-object' } satisfies GuestAccessStepMeta,
			invoke: {
				id: 'writeObject',
				src: 'writeObject',
				input: signedInput,
				onDone: 'afterWrite',
				onError: [
					{
						guard: { type: 'refusedByIam', params: ({ event }) => ({ error: event.error }) },
						target: 'afterWrite',
						actions: {
							type: 'recordRefusal',
							params: ({ event }) => ({ error: event.error })
						}
					},
					failWithError
				]
			}
		},
		// Not a step: where the app goes once S3 has answered the write, allowed or refused.
		afterWrite: {
			always: [{ guard: 'readsParameter', target: 'getParameter' }, { target: 'done' }]
		},
		getParameter: {
			meta: { step: 'get-parameter' } satisfies GuestAccessStepMeta,
			invoke: {
				id: 'getParameter',
				src: 'getParameter',
				input: signedInput,
				onDone: {
					target: 'done',
					actions: { type: 'storeParameter', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		done: { type: 'final' },
		failed: { type: 'final' }
	},
	output: ({ context }) => ({ failure: context.failure })
});
