/** A scenario that cannot be used; `path` names the offending field, e.g. `userPool.users[2].sub`. */
export class ScenarioError extends Error {
	override name = 'ScenarioError';
	readonly code = 'ERR_SCENARIO_INVALID';
	constructor(
		readonly path: string,
		readonly problem: string
	) {
		super(`Scenario field "${path}" ${problem}`);
	}
}
