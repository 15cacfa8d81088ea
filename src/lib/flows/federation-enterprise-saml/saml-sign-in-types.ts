import type * as oauth from 'oauth4webapi';
import type { CloudFetch } from '$lib/cloud';
import type { NavigationResult } from '$lib/cloud/browser/navigate';
import type { FlowBrowser } from '../shared/flow-browser';
import type { FederationFailure } from '../shared/oauth-refusal';
import type { SamlIdpLogin, SamlPost } from '../shared/saml-idp-sign-in';
import type { SamlSignInMistakeId } from './definition';

/** What the app in the browser knows before the run, and what the run gets wrong. */
export interface SamlSignInInput {
	/** The app's own requests (discovery, token, userInfo): drawn from the app. */
	fetch: CloudFetch;
	browser: FlowBrowser;
	/** The simulated clock, read and moved (an answer posted too late). */
	now: () => number;
	advanceClock: (ms: number) => void;
	/** `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
	issuer: string;
	client: oauth.Client;
	redirectUri: string;
	scope: string;
	/** The SAML provider's name in the pool (`ExampleCorp`), sent as `identity_provider`. */
	identityProvider: string;
	/** What the employee types into the IdP's form. */
	login: SamlIdpLogin;
	/** Another employee's NameID, for mistake `tampered-response`. */
	colleague: string;
	/** The audience Cognito expects: `urn:amazon:cognito:sp:<poolId>`. */
	audience: string;
	mistakes: readonly SamlSignInMistakeId[];
}

/** The authorization request the app built and keeps (in session storage, in a real app). */
export interface AuthorizationRequest {
	url: string;
	codeVerifier: string;
	codeChallenge: string;
	state: string;
	nonce: string;
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

/** What `/oauth2/authorize` led to: the browser on the IdP's sign-in page. */
export interface AuthorizeResult {
	request: AuthorizationRequest;
	idpPage: NavigationResult;
}

export interface SamlSignInContext {
	input: SamlSignInInput;
	server: oauth.AuthorizationServer | null;
	request: AuthorizationRequest | null;
	/** The IdP's sign-in page, after Cognito's redirect with the `SAMLRequest`. */
	idpPage: NavigationResult | null;
	/** The IdP's answer as its auto-post page holds it, before the browser posts it. */
	samlPost: SamlPost | null;
	/** The URL Cognito sent the browser back to the app with (`?code=…&state=…`). */
	callbackUrl: string | null;
	callbackParams: URLSearchParams | null;
	code: string | null;
	tokens: CognitoTokens | null;
	userInfo: Record<string, unknown> | null;
	failure: FederationFailure | null;
}
