import type * as oauth from 'oauth4webapi';
import type { CloudFetch } from '$lib/cloud';
import type { NavigationResult } from '$lib/cloud/browser/navigate';
import type { FlowBrowser } from '../shared/flow-browser';
import type { FederationFailure } from '../shared/oauth-refusal';
import type { GoogleLogin } from '../shared/google-sign-in';
import type { SocialSignInMistakeId, SocialSignInStepId } from './definition';

/** What the app in the browser knows before the run, and what the run gets wrong. */
export interface SocialSignInInput {
	/** The app's own requests (discovery, token, userInfo): drawn from the app. */
	fetch: CloudFetch;
	/** The attacker's requests, for the stolen-code mistakes. */
	attackerFetch: CloudFetch;
	browser: FlowBrowser;
	/** The simulated clock, read and moved (a code left to expire). */
	now: () => number;
	advanceClock: (ms: number) => void;
	/** `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
	issuer: string;
	client: oauth.Client;
	/** Set only when the app client has a secret (mistake `client-secret-in-browser`). */
	clientSecret: string | null;
	/** The redirect URI the app sends (its callback URL, or a mistaken one). */
	redirectUri: string;
	/** Where the browser hands control back to the app: the app's origin. */
	appOrigin: string;
	scope: string;
	/** The identity provider's name in the pool (`Google`), sent as `identity_provider`. */
	identityProvider: string;
	/** The demo account the user types in at Google. */
	login: GoogleLogin;
	/** Google's `sub` for that account: Cognito names the federated user `Google_<sub>`. */
	googleSub: string;
	/** The sign-out URL the app sends to `/logout`. */
	logoutUri: string;
	/** Native users of the pool who share the Google account's email (for the captions). */
	usersWithSameEmail: string[];
	/** The first of them, with the password it signs in with (mistake `duplicate-users`). */
	twin: { username: string; password: string } | null;
	/** A second browser, another device (mistake `duplicate-users`): no cookies of the first. */
	otherBrowser: FlowBrowser;
	mistakes: readonly SocialSignInMistakeId[];
}

/** The authorization request the app built and keeps (in session storage, in a real app). */
export interface AuthorizationRequest {
	url: string;
	/** `null` with mistake `code-stolen-without-pkce`. */
	codeVerifier: string | null;
	codeChallenge: string | null;
	state: string;
	/** `null` with mistake `nonce-not-checked`. */
	nonce: string | null;
}

/** The tokens the app ends with, as oauth4webapi hands them over. */
export interface CognitoTokens {
	idToken: string | null;
	accessToken: string;
	refreshToken: string | null;
	expiresIn: number | null;
	/** The ID token's claims, checked by oauth4webapi (iss, aud, exp, iat, nonce, at_hash). */
	idClaims: Record<string, unknown> | null;
}

/** A refusal, in its own protocol's terms: who refused, the OAuth error or the app's own check. */
export type SocialSignInFailure = FederationFailure;

/** What `/oauth2/authorize` led to: the browser on Google's sign-in page. */
export interface AuthorizeResult {
	request: AuthorizationRequest;
	googlePage: NavigationResult;
}

export interface SocialSignInContext {
	input: SocialSignInInput;
	/** The pool's metadata, from its OpenID configuration. */
	server: oauth.AuthorizationServer | null;
	request: AuthorizationRequest | null;
	/** The page Google showed after the redirect from `/oauth2/authorize`: its sign-in form. */
	googlePage: NavigationResult | null;
	/** Where Google's pages ended: the redirect to Cognito's `/oauth2/idpresponse`. */
	googleResponse: string | null;
	/** The URL the browser was sent back to the app with (`?code=…&state=…`). */
	callbackUrl: string | null;
	/** The callback's parameters as oauth4webapi checked them (`null` for the implicit grant). */
	callbackParams: URLSearchParams | null;
	/** Cognito's authorization code, read from the callback. */
	code: string | null;
	/** The tokens the attacker got with a stolen code. */
	attackerTokens: CognitoTokens | null;
	tokens: CognitoTokens | null;
	/** Simulated epoch ms when the code was issued (the browser reached the callback). */
	codeIssuedAt: number | null;
	userInfo: Record<string, unknown> | null;
	userInfoAfterLogout: Record<string, unknown> | null;
	/** Who the later password sign-in turned out to be (mistake `duplicate-users`). */
	passwordUser: { username: string; sub: string } | null;
	failure: SocialSignInFailure | null;
	/** Steps refused on purpose and carried on from (the attacker stopped by PKCE). */
	refusedSteps: SocialSignInStepId[];
}
