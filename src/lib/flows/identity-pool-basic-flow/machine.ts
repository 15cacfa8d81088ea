import { assign, setup, type ErrorActorEvent } from 'xstate';
import { assumeRoleWithWebIdentityActor } from './actors/assume-role-with-web-identity';
import { getIdActor } from './actors/get-id';
import { getObjectActor } from './actors/get-object';
import { getOpenIdTokenActor } from './actors/get-open-id-token';
import { letOpenIdTokenExpireActor } from './actors/let-open-id-token-expire';
import { asBasicFlowFailure } from './basic-flow-failure';
import type {
	AssumedRole,
	BasicFlowContext,
	BasicFlowFailure,
	BasicFlowInput,
	OpenIdToken,
	ReadObject
} from './basic-flow-types';
import type { IdentityPoolBasicFlowMistakeId, IdentityPoolBasicFlowStepId } from './definition';

/** What each step state carries for the runner and the UI. */
export interface BasicFlowStepMeta {
	step: IdentityPoolBasicFlowStepId;
}

export interface BasicFlowOutput {
	failure: BasicFlowFailure | null;
}

const made = (context: BasicFlowContext, mistake: IdentityPoolBasicFlowMistakeId) =>
	context.input.mistakes.includes(mistake);

/** Every step's `onError` that ends the run: the refusal is stored and the run is `failed`. */
const failWithError = {
	target: 'failed',
	actions: {
		type: 'storeFailure',
		params: ({ event }: { event: ErrorActorEvent }) => ({ error: event.error })
	}
} as const;

/** The three STS calls differ only in the role named and what happens just before. */
const stsInput = (context: BasicFlowContext, roleArn: string, before?: () => void) => ({
	fetch: context.input.fetch,
	roleArn,
	roleSessionName: context.input.roleSessionName,
	token: context.openIdToken!.token,
	durationSeconds: context.input.durationSeconds,
	...(before && { before })
});

/**
 * The app in the browser taking the identity pool's basic (classic) flow as a guest: `GetId`
 * without logins, `GetOpenIdToken`, STS `AssumeRoleWithWebIdentity` naming the guest role, then a
 * signed S3 `GetObject` (cognito.md §7.4–7.6, §8, §9.2). One state per step; each makes its real
 * exchange through one named actor, and only what came back enters the context.
 *
 * Mistakes are input. The settings mistakes (`classic-flow-off`, `classic-flow-with-role-mappings`)
 * are the account's, made before the run; the pool refuses GetOpenIdToken and the run fails
 * there. `trust-policy-without-amr` adds two steps after the token: the guest names the
 * authenticated role and gets its credentials (the harm), then the administrator adds `amr` and
 * the same request is refused; that refusal is recorded in `refusedSteps` and the guest carries
 * on with its own role. `open-id-token-expired` lets fifteen minutes pass before STS, which
 * refuses the dead token and ends the run.
 *
 * @example createActor(basicFlowMachine, { input }).start()
 */
export const basicFlowMachine = setup({
	types: {
		input: {} as BasicFlowInput,
		context: {} as BasicFlowContext,
		output: {} as BasicFlowOutput
	},
	actors: {
		getId: getIdActor,
		getOpenIdToken: getOpenIdTokenActor,
		assumeAuthenticatedRole: assumeRoleWithWebIdentityActor,
		assumeAuthenticatedRoleAfterFix: assumeRoleWithWebIdentityActor,
		letOpenIdTokenExpire: letOpenIdTokenExpireActor,
		assumeRoleWithWebIdentity: assumeRoleWithWebIdentityActor,
		getObject: getObjectActor
	},
	guards: {
		asksForAuthenticatedRole: ({ context }) => made(context, 'trust-policy-without-amr'),
		keepsTokenTooLong: ({ context }) => made(context, 'open-id-token-expired')
	},
	actions: {
		storeIdentityId: assign((_, identityId: string) => ({ identityId })),
		storeOpenIdToken: assign((_, openIdToken: OpenIdToken) => ({ openIdToken })),
		storeEscalated: assign((_, escalated: AssumedRole) => ({ escalated })),
		storeRefusalAfterFix: assign(({ context }, { error }: { error: unknown }) => ({
			refusedAfterFix: asBasicFlowFailure(error),
			refusedSteps: [...context.refusedSteps, 'assume-authenticated-role-after-fix']
		})),
		storeWait: assign((_, waited: { from: number; to: number }) => ({ waited })),
		storeCredentials: assign((_, credentials: AssumedRole) => ({ credentials })),
		storeObject: assign((_, object: ReadObject) => ({ object })),
		storeFailure: assign((_, { error }: { error: unknown }) => ({
			failure: asBasicFlowFailure(error)
		}))
	}
}).createMachine({
	id: 'identityPoolBasicFlow',
	context: ({ input }) => ({
		input,
		identityId: null,
		openIdToken: null,
		escalated: null,
		refusedAfterFix: null,
		waited: null,
		credentials: null,
		object: null,
		refusedSteps: [],
		failure: null
	}),
	initial: 'getId',
	states: {
		getId: {
			meta: { step: 'get-id' } satisfies BasicFlowStepMeta,
			invoke: {
				id: 'getId',
				src: 'getId',
				input: ({ context: { input } }) => ({
					fetch: input.fetch,
					region: input.region,
					identityPoolId: input.identityPoolId
				}),
				onDone: {
					target: 'getOpenIdToken',
					actions: { type: 'storeIdentityId', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getOpenIdToken: {
			meta: { step: 'get-open-id-token' } satisfies BasicFlowStepMeta,
			invoke: {
				id: 'getOpenIdToken',
				src: 'getOpenIdToken',
				input: ({ context }) => ({
					fetch: context.input.fetch,
					region: context.input.region,
					identityId: context.identityId!
				}),
				// The mistakes' detours first, in step order; then the guest's own role
				onDone: [
					{
						guard: 'asksForAuthenticatedRole',
						target: 'assumeAuthenticatedRole',
						actions: { type: 'storeOpenIdToken', params: ({ event }) => event.output }
					},
					{
						guard: 'keepsTokenTooLong',
						target: 'openIdTokenExpires',
						actions: { type: 'storeOpenIdToken', params: ({ event }) => event.output }
					},
					{
						target: 'assumeRoleWithWebIdentity',
						actions: { type: 'storeOpenIdToken', params: ({ event }) => event.output }
					}
				],
				onError: failWithError
			}
		},
		assumeAuthenticatedRole: {
			meta: { step: 'assume-authenticated-role' } satisfies BasicFlowStepMeta,
			invoke: {
				id: 'assumeAuthenticatedRole',
				src: 'assumeAuthenticatedRole',
				input: ({ context }) => stsInput(context, context.input.authenticatedRoleArn),
				onDone: {
					target: 'assumeAuthenticatedRoleAfterFix',
					actions: { type: 'storeEscalated', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		assumeAuthenticatedRoleAfterFix: {
			meta: { step: 'assume-authenticated-role-after-fix' } satisfies BasicFlowStepMeta,
			invoke: {
				id: 'assumeAuthenticatedRoleAfterFix',
				src: 'assumeAuthenticatedRoleAfterFix',
				input: ({ context }) =>
					stsInput(context, context.input.authenticatedRoleArn, context.input.fixTrustPolicy),
				// The fix must refuse; were it to let the guest in again, the run says so and fails.
				onDone: {
					target: 'failed',
					actions: [
						{ type: 'storeEscalated', params: ({ event }) => event.output },
						{
							type: 'storeFailure',
							params: () => ({
								error: {
									source: 'app',
									code: 'TrustPolicyStillOpen',
									message: 'STS still let the guest assume the authenticated role after the fix'
								} satisfies BasicFlowFailure
							})
						}
					]
				},
				onError: [
					{
						guard: 'keepsTokenTooLong',
						target: 'openIdTokenExpires',
						actions: {
							type: 'storeRefusalAfterFix',
							params: ({ event }) => ({ error: event.error })
						}
					},
					{
						target: 'assumeRoleWithWebIdentity',
						actions: {
							type: 'storeRefusalAfterFix',
							params: ({ event }) => ({ error: event.error })
						}
					}
				]
			}
		},
		openIdTokenExpires: {
			meta: { step: 'open-id-token-expires' } satisfies BasicFlowStepMeta,
			invoke: {
				id: 'letOpenIdTokenExpire',
				src: 'letOpenIdTokenExpire',
				input: ({ context }) => ({ clock: context.input.clock }),
				onDone: {
					target: 'assumeRoleWithWebIdentity',
					actions: { type: 'storeWait', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		assumeRoleWithWebIdentity: {
			meta: { step: 'assume-role-with-web-identity' } satisfies BasicFlowStepMeta,
			invoke: {
				id: 'assumeRoleWithWebIdentity',
				src: 'assumeRoleWithWebIdentity',
				input: ({ context }) => stsInput(context, context.input.guestRoleArn),
				onDone: {
					target: 'getObject',
					actions: { type: 'storeCredentials', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		getObject: {
			meta: { step: 'get-object' } satisfies BasicFlowStepMeta,
			invoke: {
				id: 'getObject',
				src: 'getObject',
				input: ({ context: { input, credentials } }) => ({
					send: input.send,
					clock: input.clock,
					region: input.region,
					bucket: input.bucket,
					key: input.key,
					credentials: credentials!
				}),
				onDone: {
					target: 'done',
					actions: { type: 'storeObject', params: ({ event }) => event.output }
				},
				onError: failWithError
			}
		},
		done: { type: 'final' },
		failed: { type: 'final' }
	},
	output: ({ context }) => ({ failure: context.failure })
});
