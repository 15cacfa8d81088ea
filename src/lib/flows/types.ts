import type { ActorId, Cloud, Exchange } from '$lib/cloud';

/** An actor drawn as a column (lifeline) of the sequence diagram. */
export interface FlowActor {
	id: ActorId;
	label: string;
	/** One line under the label, e.g. the host name. */
	detail?: string;
	/**
	 * Drawn only in runs that use it (an exchange from or to it, or a note on it): an actor that
	 * only a "what if" mistake brings in, such as an attacker, takes no room in the other runs.
	 */
	optional?: boolean;
}

/** A step of a flow as the lesson, the diagram and the URL refer to it. */
export interface FlowStepDefinition {
	id: string;
	title: string;
	/**
	 * The actor that does the step's work itself (verifying a token, letting time pass): the
	 * diagram draws a note on its lifeline, besides any exchange the step makes.
	 */
	actor?: ActorId;
	/**
	 * A step of several exchanges that another lesson takes apart (a whole sign-in) is drawn folded
	 * into one arrow with this label, until the learner unfolds it to see each exchange.
	 */
	fold?: string;
}

export interface FlowMistakeDefinition {
	id: string;
	title: string;
	/** The step at which the mistake shows itself. */
	step: string;
	/** One sentence: what the app does wrong. */
	summary: string;
	/**
	 * How the mistake's step ends: `error` (the default) when a service refuses, `ok` when nothing
	 * refuses and the harm is the lesson (tokens that leak still work for whoever holds them).
	 */
	outcome?: 'error' | 'ok';
}

/** One value a learner can pick for a choice. */
export interface FlowChoiceOption {
	value: string;
	label: string;
	/** One line: what picking it changes (shown as the option's tooltip). */
	description?: string;
	/** A word or two shown beside the label, e.g. `MFA` for a demo user with an authenticator app. */
	tag?: string;
}

/**
 * Something a learner can pick before a run (the demo user, the enhanced or basic flow). Its `id`
 * is also its URL parameter (`?user=bob`), so it must not be `step`, `mistake` or `clock`.
 */
export interface FlowChoice {
	id: string;
	label: string;
	options: readonly FlowChoiceOption[];
	/** The `value` used when the URL names none (or one the flow does not have). */
	default: string;
}

/**
 * Issuers whose keys the inspector verifies a flow's tokens against, named by kind: `user-pool`
 * is `https://cognito-idp.<region>.amazonaws.com/<pool id>`, `identity-pool` is
 * `https://cognito-identity.amazonaws.com`, `google` is `https://accounts.google.com`.
 */
export type FlowTrust = 'user-pool' | 'identity-pool' | 'google';

/** Everything about a flow that is plain data: what `definition.ts` exports as `definition`. */
export interface FlowDefinition {
	id: string;
	title: string;
	actors: readonly FlowActor[];
	/** Every step the flow can take, in the order a run meets them. */
	steps: readonly FlowStepDefinition[];
	mistakes: readonly FlowMistakeDefinition[];
	choices: readonly FlowChoice[];
	trusts: readonly FlowTrust[];
}

/** What `run.ts`'s `run` is given: a fresh cloud and the learner's picks. */
export interface FlowRunOptions {
	cloud: Cloud;
	/** One value per choice the flow declares (its default when the learner picked none). */
	choices: Record<string, string>;
	/** Mistake ids of this flow. */
	mistakes: string[];
}

/** What `run.ts` exports as `run`. Runs change the cloud: give each run a fresh one. */
export type FlowRunFunction = (options: FlowRunOptions) => Promise<FlowRun>;

/**
 * One step as it happened in a run: the exchanges it made (possibly none, for a step that happens
 * inside the app, such as the clock moving on) and how it ended.
 */
export interface FlowRunStep {
	/** Position in the run, 0-based. */
	index: number;
	/** A `FlowStepDefinition.id`. */
	id: string;
	title: string;
	/** One or two sentences, computed from the real values of this run. */
	caption: string;
	exchanges: Exchange[];
	outcome: 'ok' | 'error';
	/** Simulated time (epoch ms) at the end of the step. */
	at: number;
	/** Actor that performs a step with no exchange (drawn as a note on its lifeline). */
	actor?: ActorId;
}

/** A whole run of a flow: plain data, serialisable, the only thing the player consumes. */
export interface FlowRun {
	flowId: string;
	mistakes: string[];
	/** The username the run signed in as (a mistake can choose it, e.g. the unconfirmed user). */
	user?: string;
	steps: FlowRunStep[];
	status: 'done' | 'failed';
	/** For a failed run: the error the service answered with (`NotAuthorizedException: ...`). */
	error?: string;
}
