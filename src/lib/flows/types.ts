import type { ActorId, Exchange } from '$lib/cloud';

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
