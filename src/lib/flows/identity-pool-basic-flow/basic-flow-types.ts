import type { Clock, CloudFetch } from '$lib/cloud';
import type { WireRequest, WireResponse } from '$lib/cloud/wire';
import type { IdentityPoolBasicFlowMistakeId } from './definition';

/** Everything the app in the browser knows before the run: no credentials, only public ids. */
export interface BasicFlowInput {
	/** The app's network for the JSON and Query calls (every exchange is recorded). */
	fetch: CloudFetch;
	/** The app's network for plain requests: the S3 request goes out exactly as it was signed. */
	send: (request: WireRequest) => Promise<WireResponse>;
	/** The simulated clock: SigV4 dates, the token's expiry and the fifteen-minute wait read it. */
	clock: Clock;
	region: string;
	identityPoolId: string;
	/** The role the app names to STS: the pool's guest role. */
	guestRoleArn: string;
	/** The role only signed-in users should get (what the guest asks for with `trust-policy-without-amr`). */
	authenticatedRoleArn: string;
	/** What the app asks STS for in `RoleSessionName`. */
	roleSessionName: string;
	/** `DurationSeconds`, the learner's choice. */
	durationSeconds: number;
	bucket: string;
	key: string;
	/**
	 * What the administrator does between the two steps of `trust-policy-without-amr`: add the
	 * `amr` condition back to the authenticated role's trust policy. Called once, before the retry.
	 */
	fixTrustPolicy: () => void;
	mistakes: readonly IdentityPoolBasicFlowMistakeId[];
}

/** Who refused, with the protocol's own error code and message, as plain data. */
export interface BasicFlowFailure {
	source: 'identity-pool' | 'sts' | 's3' | 'app';
	code: string;
	message: string;
	status?: number;
}

/** The identity pool's OpenID token and its claims (decoded without verifying: STS verifies it). */
export interface OpenIdToken {
	token: string;
	claims: Record<string, unknown>;
}

/** What `AssumeRoleWithWebIdentity` answered. */
export interface AssumedRole {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	/** Epoch ms. */
	expiration: number;
	assumedRoleArn: string;
	subjectFromWebIdentityToken: string;
}

/** What S3 returned for the object. */
export interface ReadObject {
	body: string;
	contentType: string;
}

export interface BasicFlowContext {
	input: BasicFlowInput;
	identityId: string | null;
	openIdToken: OpenIdToken | null;
	/** With `trust-policy-without-amr`: the authenticated role's credentials a guest obtained. */
	escalated: AssumedRole | null;
	/** With `trust-policy-without-amr`: how STS refused the same request after the fix. */
	refusedAfterFix: BasicFlowFailure | null;
	/** Simulated epoch ms before and after the clock moved, with `open-id-token-expired`. */
	waited: { from: number; to: number } | null;
	credentials: AssumedRole | null;
	object: ReadObject | null;
	/** Steps that ended in a refusal the flow shows on purpose and carries on from. */
	refusedSteps: string[];
	/** Set when the run ends in `failed`. */
	failure: BasicFlowFailure | null;
}
