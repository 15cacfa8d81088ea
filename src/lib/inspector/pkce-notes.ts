import type { Exchange } from '$lib/cloud';

/**
 * What PKCE looks like in one message (RFC 7636, cognito.md §5.3), for the inspector's card:
 * - `challenge`: an authorization request carrying `code_challenge` (the verifier stays behind);
 * - `verifier`: a code redemption carrying `code_verifier`, with the challenge sent earlier in
 *   the run, so the card can recompute S256 and compare;
 * - `no-verifier`: a code redemption without one, for a code issued with a challenge (Cognito
 *   refuses) or without (nothing ties the code to the app that asked for it).
 */
export type PkceFacts =
	| { kind: 'challenge'; challenge: string; method: string | null }
	| { kind: 'verifier'; verifier: string; challenge: string | null }
	| {
			kind: 'no-verifier';
			challenge: string | null;
			/** The client proved itself with its secret (a server, such as Cognito at Google). */
			withSecret: boolean;
	  };

/**
 * The PKCE values of a request, read against the run's `earlier` exchanges (oldest first): the
 * challenge a redemption must match is the one of the last authorization request before it with
 * the same `redirect_uri` (Cognito's own request to Google is another sign-in).
 * `null` for any other message. Never throws.
 *
 * @example findPkce(tokenRequest, [authorizeRequest]) // { kind: 'verifier', verifier, challenge }
 */
export function findPkce(exchange: Exchange, earlier: readonly Exchange[]): PkceFacts | null {
	const query = searchParams(exchange.request.url);
	const challenge = query?.get('code_challenge');
	if (challenge)
		return { kind: 'challenge', challenge, method: query!.get('code_challenge_method') };

	const form = formBody(exchange);
	if (form?.get('grant_type') !== 'authorization_code') return null;
	const sent = challengeFor(earlier, form.get('redirect_uri'));
	const verifier = form.get('code_verifier');
	if (verifier) return { kind: 'verifier', verifier, challenge: sent };
	const basic = exchange.request.headers.some(
		([n, v]) => n.toLowerCase() === 'authorization' && /^basic /i.test(v)
	);
	return { kind: 'no-verifier', challenge: sent, withSecret: basic || form.has('client_secret') };
}

/** The `code_challenge` of the last authorization request for `redirectUri`, or `null`. */
function challengeFor(earlier: readonly Exchange[], redirectUri: string | null): string | null {
	for (let i = earlier.length - 1; i >= 0; i--) {
		const query = searchParams(earlier[i]!.request.url);
		if (!query?.has('response_type') || query.get('redirect_uri') !== redirectUri) continue;
		return query.get('code_challenge');
	}
	return null;
}

function searchParams(url: string): URLSearchParams | null {
	try {
		return new URL(url).searchParams;
	} catch {
		return null;
	}
}

function formBody(exchange: Exchange): URLSearchParams | null {
	const type = exchange.request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
	if (!type?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null;
	return new URLSearchParams(exchange.request.body);
}
