/**
 * How Cognito shows where a code went without revealing it: the first character of the local
 * part and of the domain, the rest starred, e.g. `alice@example.com` → `a***@e***`. The shape
 * follows the AWS guide's example `j****@e****` (cognito.md §3.5); the exact number of stars is
 * a SIM choice. Phone numbers keep their last four digits (`+*******9878` style, §3.2).
 *
 * @example maskDestination('alice@example.com') // 'a***@e***'
 */
export function maskDestination(destination: string): string {
	const at = destination.indexOf('@');
	if (at > 0) return `${destination[0]}***@${destination[at + 1] ?? ''}***`;
	return `+${'*'.repeat(Math.max(0, destination.length - 5))}${destination.slice(-4)}`;
}
