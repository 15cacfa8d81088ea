import type { Exchange } from '$lib/cloud';
import type { JsonObject } from './decode-jwt';
import { findTokens, type FoundToken } from './find-tokens';

/** One claim of a federated sign-in as the provider wrote it and as Cognito rewrote it. */
export interface ComparedClaim {
	claim: string;
	/** JSON of the value, or `null` where the token has no such claim. */
	provider: string | null;
	cognito: string | null;
	note: string;
}

/** The provider's ID token beside Cognito's, claim by claim. */
export interface FederationComparison {
	providerName: string;
	providerIssuer: string;
	rows: ComparedClaim[];
}

/** The claims worth setting side by side, in reading order, with what Cognito did to each. */
const claimNotes: [claim: string, note: string][] = [
	[
		'iss',
		"Each token names who signed it: Google signed its own; Cognito signs its token with the pool's keys."
	],
	['aud', "Google's token was for Cognito's client at Google; Cognito's is for your app client."],
	[
		'sub',
		"Cognito gives the federated user a sub of its own. Google's sub lives on in identities and in the username."
	],
	['cognito:username', 'The federated user is named after the provider and its subject.'],
	['identities', 'Which provider the user came from, and their id there.'],
	[
		'cognito:groups',
		'A group named after the provider: tooling authors report Cognito adds it; the AWS docs do not mention it.'
	],
	['email', 'Copied by the attribute mapping, at every sign-in.'],
	['email_verified', 'Mapped too: Google says whether it verified the address.'],
	['name', 'Mapped from the provider.'],
	['given_name', 'Mapped from the provider.'],
	['family_name', 'Mapped from the provider.'],
	[
		'nonce',
		"Each token carries the nonce of its own request: Cognito's to Google, the app's to Cognito."
	],
	['token_use', 'Only Cognito says what its token is for.'],
	['azp', "Google's: the client the token was issued to."],
	['at_hash', 'Each ties the ID token to the access token issued with it.']
];

/**
 * For a Cognito ID token of a federated user (its `identities` names the provider), the
 * provider's own ID token found earlier in the run (the answer Cognito got from the provider's
 * token endpoint, whose `sub` is the identity's `userId`), claim by claim beside Cognito's.
 * `null` when the token is not such a token or the run holds no provider token for it.
 *
 * @example compareWithProvider(cognitoIdToken, earlierExchanges)?.rows[0]
 * // { claim: 'iss', provider: '"https://accounts.google.com"', cognito: '"https://cognito-idp…"', note }
 */
export function compareWithProvider(
	token: FoundToken,
	earlier: readonly Exchange[]
): FederationComparison | null {
	if (token.decoded.kind !== 'jws') return null;
	const cognito = token.decoded.payload;
	const identity = firstIdentity(cognito.identities);
	if (cognito.token_use !== 'id' || !identity) return null;
	const provider = providerToken(earlier, identity.userId, cognito.iss);
	if (!provider || provider.decoded.kind !== 'jws') return null;
	const claims = provider.decoded.payload;
	const show = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
	return {
		providerName: identity.providerName,
		providerIssuer: String(claims.iss),
		rows: claimNotes
			.filter(([claim]) => claim in claims || claim in cognito)
			.map(([claim, note]) => ({
				claim,
				provider: show(claims[claim]),
				cognito: show(cognito[claim]),
				note
			}))
	};
}

function firstIdentity(value: unknown): { userId: string; providerName: string } | null {
	const first = Array.isArray(value) ? (value[0] as JsonObject | undefined) : undefined;
	if (!first || typeof first.userId !== 'string' || typeof first.providerName !== 'string')
		return null;
	return { userId: first.userId, providerName: first.providerName };
}

/** The latest ID token in an earlier answer, of another issuer, for `sub`. */
function providerToken(earlier: readonly Exchange[], sub: string, cognitoIssuer: unknown) {
	for (let i = earlier.length - 1; i >= 0; i--) {
		const found = findTokens(earlier[i]!.response).find(
			(t) =>
				t.decoded.kind === 'jws' &&
				t.decoded.payload.sub === sub &&
				t.decoded.payload.iss !== cognitoIssuer
		);
		if (found) return found;
	}
	return null;
}
