import { missingParameter } from './errors';

/**
 * The named members of `AuthParameters` or `ChallengeResponses`, checked in the order given: the
 * first one absent is refused with `Missing required parameter <NAME>`, so a request missing
 * several hears about the one the service checks first.
 *
 * @example const { USERNAME, SRP_A } = requireParameters(params, ['USERNAME', 'SRP_A']);
 */
export function requireParameters<const Name extends string>(
	params: Record<string, string>,
	names: readonly Name[]
): Record<Name, string> {
	const found = {} as Record<Name, string>;
	for (const name of names) {
		const value = params[name];
		if (value === undefined) throw missingParameter(name);
		found[name] = value;
	}
	return found;
}
