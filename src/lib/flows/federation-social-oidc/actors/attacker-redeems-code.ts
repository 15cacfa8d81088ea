import { fromPromise } from 'xstate';
import { readOutcome } from '$lib/cloud/wire';
import { SignInRefusal } from '../../shared/oauth-refusal';
import type { CognitoTokens, SocialSignInInput } from '../social-sign-in-types';

export interface AttackerRedeemsCodeInput extends SocialSignInInput {
	tokenEndpoint: string;
	callbackUrl: string;
}

/**
 * The attacker read the callback URL on its way to the app (a browser extension, a log, a shared
 * screen) and races the app to the token endpoint. The client is public, so its id and the
 * redirect URI are all anyone needs, unless the sign-in used PKCE: then Cognito also wants the
 * verifier, which never left the app. Resolves with the attacker's tokens; rejects with Cognito's
 * `invalid_grant`.
 */
export const attackerRedeemsCodeActor = fromPromise<CognitoTokens, AttackerRedeemsCodeInput>(
	async ({ input }) => {
		const code = new URL(input.callbackUrl).searchParams.get('code') ?? '';
		const response = await input.attackerFetch(input.tokenEndpoint, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				client_id: input.client.client_id,
				code,
				redirect_uri: input.redirectUri
			}).toString()
		});
		const text = await response.text();
		const outcome = readOutcome({
			status: response.status,
			headers: [...response.headers],
			body: text
		});
		if (!outcome.ok)
			throw new SignInRefusal({
				service: 'managed-login',
				code: outcome.code ?? `HTTP ${response.status}`,
				message: outcome.message ?? '',
				status: response.status
			});
		const body = JSON.parse(text) as Record<string, unknown>;
		return {
			idToken: typeof body.id_token === 'string' ? body.id_token : null,
			accessToken: String(body.access_token),
			refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
			expiresIn: typeof body.expires_in === 'number' ? body.expires_in : null,
			idClaims: null
		};
	}
);
