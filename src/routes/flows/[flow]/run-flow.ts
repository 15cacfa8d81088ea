import type { FlowCatalogueEntry, FlowRun } from '$lib/flows';
import type { TrustedIssuer } from '$lib/inspector/verify-jwt';
import { trustedIssuers } from './trusted-issuers';

/** What a learner chose for a run. */
export interface RunSettings {
	/** A value per choice the flow declares, by choice id (`{ user: 'bob' }`). */
	choices: Record<string, string>;
	mistakes: string[];
	/** Milliseconds the simulated clock starts ahead of the host clock. */
	clock: number;
}

/** A run and what the inspector needs to verify the tokens in it. */
export interface RunResult {
	run: FlowRun;
	/** The issuers the flow trusts, with their keys and audiences, as this run's cloud has them. */
	trusted: TrustedIssuer[];
}

/**
 * Runs a flow once against a fresh simulated cloud. The cloud and the runner (xstate, jose, SRP)
 * are imported here, on demand, so none of it is in the page's first load; each run gets its own
 * cloud because a run changes it (a new password, revoked tokens, the clock).
 *
 * @example
 * const flow = findFlow('user-pool-sign-in')!;
 * const { run } = await runFlow(flow, { choices: { user: 'bob' }, mistakes: [], clock: 0 });
 */
export async function runFlow(
	entry: FlowCatalogueEntry,
	settings: RunSettings
): Promise<RunResult> {
	const [{ createCloud }, flow] = await Promise.all([import('$lib/cloud'), entry.load()]);
	const cloud = createCloud(undefined, { clock: { offset: settings.clock } });
	// Each runner checks its own options: an unknown user or mistake id throws a TypeError.
	const run = await flow.run({ cloud, choices: settings.choices, mistakes: settings.mistakes });
	return { run, trusted: await trustedIssuers(cloud.account, entry.trusts) };
}
