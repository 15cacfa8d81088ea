import type { Clock, CloudFetch } from '$lib/cloud';
import type { WireRequest, WireResponse } from '$lib/cloud/wire';
import type { S3Answer } from '../shared/call-s3';
import type { FlowBrowser } from '../shared/flow-browser';
import type { IdentityCredentials } from '../shared/get-credentials';
import type { GoogleLogin } from '../shared/google-sign-in';
import type { GoogleFlowMistakeId, GoogleFlowStepId } from './definition';
import type { GoogleFlowFailure } from './google-flow-failure';

/** The app's OAuth client at Google: a web client, so a confidential one with a secret. */
export interface GoogleClient {
	clientId: string;
	/** Known to the back end only: it never reaches the browser. */
	clientSecret: string;
	/** Where Google sends the browser back: the app's callback. */
	redirectUri: string;
	/** Google's endpoints, from its discovery document. */
	authorizeUrl: string;
	tokenUrl: string;
}

/** Everything the app (and its back end) knows before the learner presses "Play". */
export interface GoogleFlowInput {
	/** The app's network in the browser, for the JSON APIs. */
	fetch: CloudFetch;
	/** The back end's network: its exchanges are drawn from the back end's lifeline. */
	backEndFetch: CloudFetch;
	/** The app's network as plain messages: S3 requests go out exactly as they were signed. */
	send: (request: WireRequest) => Promise<WireResponse>;
	/** The user's browser: one cookie jar, navigations from the browser's lifeline. */
	browser: FlowBrowser;
	/** The simulated clock: SigV4 dates read it. */
	clock: Clock;
	region: string;
	google: GoogleClient;
	/** The Google account the user types in. */
	login: GoogleLogin;
	identityPoolId: string;
	/** The identity pool's Logins key for Google: `accounts.google.com`. */
	providerName: string;
	/** Managed login's userInfo endpoint (only the `provider-token-to-user-pool` mistake calls it). */
	userInfoUrl: string;
	bucket: string;
	/** What the app does wrong in this run (see `definition.mistakes`). */
	mistakes: readonly GoogleFlowMistakeId[];
}

/** What the browser brought back to the app's callback, and what the app sent with it. */
export interface GoogleCallback {
	code: string;
	/** The `state` and `nonce` the app put in the authorization request (and checked). */
	state: string;
	nonce: string;
}

/** What Google's token endpoint answered the back end. */
export interface GoogleTokens {
	/** A JWT signed by Google: what the identity pool takes. */
	idToken: string;
	/** Opaque (`ya29.`): for Google's own APIs, not a JWT. */
	accessToken: string;
	/** Seconds, as Google's answer says. */
	expiresIn: number;
	/** From the ID token: Google's stable account id, its email, and when it expires (epoch s). */
	sub: string;
	email: string;
	exp: number;
}

/** Machine context: the input plus only what came back from the services (through `assign`). */
export interface GoogleFlowContext {
	input: GoogleFlowInput;
	callback: GoogleCallback | null;
	tokens: GoogleTokens | null;
	identityId: string | null;
	credentials: IdentityCredentials | null;
	/** Every S3 answer in order. */
	s3: S3Answer[];
	/** Steps refused on purpose and carried on from (none in this flow; read by the runner). */
	refusedSteps: GoogleFlowStepId[];
	/** Set when the run ends in `failed`. */
	failure: GoogleFlowFailure | null;
}
