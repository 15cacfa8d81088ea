import type { Clock, CloudFetch } from '$lib/cloud';
import type { WireRequest, WireResponse } from '$lib/cloud/wire';
import type { S3Answer } from '../shared/call-s3';
import type { IdentityCredentials } from '../shared/get-credentials';
import type { SignInTokens } from '../shared/sign-in-types';
import type { EnhancedFlowMistakeId, EnhancedFlowStepId } from './definition';
import type { FlowFailure } from './flow-failure';

/** Everything the app in the browser knows before the learner presses "Play". */
export interface EnhancedFlowInput {
	/** The app's network for the JSON APIs (user pool, identity pool). */
	fetch: CloudFetch;
	/** The app's network as plain messages: S3 requests go out exactly as they were signed. */
	send: (request: WireRequest) => Promise<WireResponse>;
	/** The simulated clock: SRP timestamps, TOTP codes, SigV4 dates and expiry read it. */
	clock: Clock;
	region: string;
	userPoolId: string;
	client: { id: string; secret: string | null };
	user: { username: string; password: string; totpSecret?: string };
	identityPoolId: string;
	/** The `Logins` key of this user pool: `cognito-idp.<region>.amazonaws.com/<poolId>`. */
	providerName: string;
	bucket: string;
	/** A note under another identity's prefix (for the mistakes that try to read it). */
	otherIdentityKey: string;
	/** What the app does wrong in this run (see `definition.mistakes`). */
	mistakes: readonly EnhancedFlowMistakeId[];
}

/** Machine context: the input plus only what came back from the services (through `assign`). */
export interface EnhancedFlowContext {
	input: EnhancedFlowInput;
	tokens: SignInTokens | null;
	/** `USER_ID_FOR_SRP`: the username every later user pool call names. */
	username: string | null;
	/** The user pool `sub` from the ID token: not what IAM policies call `sub`. */
	sub: string | null;
	identityId: string | null;
	credentials: IdentityCredentials | null;
	/** Every S3 answer in order, refused ones included. */
	s3: S3Answer[];
	/** Steps that were refused on purpose and that the run carried on from. */
	refusedSteps: EnhancedFlowStepId[];
	/** The refusal of each such step, for its caption. */
	refusals: Partial<Record<EnhancedFlowStepId, FlowFailure>>;
	/** Simulated epoch ms before and after the clock jumped (mistake `expired-credentials`). */
	expiry: { from: number; to: number } | null;
	/** Set when the run ends in `failed`. */
	failure: FlowFailure | null;
}
