import type { Account } from '$lib/cloud';
import type { FlowTrust } from '$lib/flows';
import type { TrustedIssuer } from '$lib/inspector/verify-jwt';

/** How each kind of issuer a flow can trust writes its `iss` (cognito.md §2.4, §6, §7.6). */
const issuerPatterns: Record<FlowTrust, RegExp> = {
	'user-pool': /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[^/]+$/,
	'identity-pool': /^https:\/\/cognito-identity\.amazonaws\.com$/,
	// cognito.md §6: Google may also write iss without https://; the account registers this form.
	google: /^https:\/\/accounts\.google\.com$/
};

/**
 * The issuers registered in the account that the flow trusts, with their keys and audiences, for
 * the inspector to verify tokens against. An issuer the flow trusts but the account never
 * registered (its service not built yet) is simply absent: its tokens then say they are untrusted.
 *
 * @example await trustedIssuers(cloud.account, ['user-pool'])
 * // -> [{ issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01', kind: 'user-pool', jwks, audiences: [...] }]
 */
export async function trustedIssuers(
	account: Account,
	trusts: readonly FlowTrust[]
): Promise<TrustedIssuer[]> {
	const wanted = account.issuers.flatMap((issuer) => {
		const kind = trusts.find((t) => issuerPatterns[t].test(issuer));
		return kind ? [{ issuer, kind }] : [];
	});
	return Promise.all(
		wanted.map(async ({ issuer, kind }) => ({
			issuer,
			kind,
			jwks: ((await account.issuerKeys(issuer)) as { keys: JsonWebKey[] } | undefined) ?? null,
			audiences: [...account.issuerAudiences(issuer)]
		}))
	);
}
