import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { base64UrlDecode, utf8Decode } from '$lib/crypto';
import { OAuthRefusal } from '../google-flow-failure';
import type { GoogleCallback, GoogleClient, GoogleTokens } from '../google-flow-types';

export interface RedeemCodeInput {
	/** The back end's network: the secret never leaves the server. */
	backEndFetch: CloudFetch;
	google: GoogleClient;
	callback: GoogleCallback;
}

/** Google's answer did not hold what the back end needs, or its nonce is not the app's. */
export class GoogleTokenError extends Error {
	override name = 'GoogleTokenError';
}

/**
 * The back end redeems the code at Google's token endpoint (`grant_type=authorization_code`),
 * authenticating the app's web client with its secret in the form (`client_secret_post`). Google
 * answers an ID token (a JWT) and an opaque access token. The back end reads the ID token's
 * claims without checking the signature: it came straight from Google over TLS, which OpenID
 * Connect Core §3.1.3.7 allows; it still checks the `nonce` it sent. Rejects with an
 * `OAuthRefusal` from Google for an OAuth error answer.
 */
export async function redeemCode(input: RedeemCodeInput): Promise<GoogleTokens> {
	const response = await input.backEndFetch(input.google.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code: input.callback.code,
			redirect_uri: input.google.redirectUri,
			client_id: input.google.clientId,
			client_secret: input.google.clientSecret
		}).toString()
	});
	const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	if (!response.ok)
		throw new OAuthRefusal({
			service: 'external-idp',
			code: String(body.error ?? response.status),
			message: String(body.error_description ?? ''),
			status: response.status
		});
	const { id_token: idToken, access_token: accessToken, expires_in: expiresIn } = body;
	if (typeof idToken !== 'string' || typeof accessToken !== 'string')
		throw new GoogleTokenError('Google answered without an id_token and an access_token');

	// Check the nonce: this ID token answers the app's own authorization request
	const claims = payloadOf(idToken);
	if (claims.nonce !== input.callback.nonce)
		throw new GoogleTokenError(`The ID token's nonce is not the one the app sent`);
	return {
		idToken,
		accessToken,
		expiresIn: typeof expiresIn === 'number' ? expiresIn : 0,
		sub: String(claims.sub ?? ''),
		email: String(claims.email ?? ''),
		exp: typeof claims.exp === 'number' ? claims.exp : 0
	};
}

/** A JWT's payload, read, not verified. */
function payloadOf(jwt: string): Record<string, unknown> {
	try {
		return JSON.parse(utf8Decode(base64UrlDecode(jwt.split('.')[1] ?? ''))) as Record<
			string,
			unknown
		>;
	} catch {
		throw new GoogleTokenError('Google’s id_token is not a JWT');
	}
}

export const redeemCodeActor = fromPromise<GoogleTokens, RedeemCodeInput>(({ input }) =>
	redeemCode(input)
);
