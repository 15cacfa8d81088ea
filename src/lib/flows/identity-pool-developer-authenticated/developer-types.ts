import type { Clock, CloudFetch } from '$lib/cloud';
import type { DeveloperFlowFailure } from './developer-flow-error';

export type DeveloperMistakeId =
	'get-id-with-developer-token' | 'identity-id-without-token' | 'long-term-keys-in-browser';

export type DeveloperVariant = 'enhanced' | 'basic';

/** A long-term IAM user key (`AKIA…`): what the back end signs with, and what must never ship. */
export interface LongTermKey {
	accessKeyId: string;
	secretAccessKey: string;
}

/** Temporary credentials, however they were obtained (the identity pool or STS). */
export interface TemporaryCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	/** Epoch ms. */
	expiration: number;
}

/** What the identity pool answered to GetOpenIdTokenForDeveloperIdentity. */
export interface DeveloperToken {
	identityId: string;
	token: string;
}

/** What the back end answered to the sign-in. */
export interface BackEndSession {
	userId: string;
	session: string;
}

/** Everything a run needs, derived once from the cloud and the learner's choices. */
export interface DeveloperFlowInput {
	/** The app's network (the page). */
	fetch: CloudFetch;
	/** The attacker's own network: arrows start at the attacker. */
	attackerFetch: CloudFetch;
	clock: Clock;
	region: string;
	identityPoolId: string;
	/** The pool's `DeveloperProviderName`, the key of the back end's login. */
	developerProviderName: string;
	/** The role the basic flow asks STS for (the pool's authenticated role). */
	authenticatedRoleArn: string;
	bucket: string;
	/** The back-end user the learner signs in as. */
	user: { username: string; password: string; userId: string };
	/** The back end's other user, whom the attacker impersonates in the shipped-keys mistake. */
	victim: { username: string; userId: string };
	/** The back end's IAM key, which the long-term-keys-in-browser app carries in its bundle. */
	backEndKey: LongTermKey;
	variant: DeveloperVariant;
	mistakes: readonly DeveloperMistakeId[];
}

/** The S3 object a run writes and reads. */
export interface Note {
	key: string;
	body: string;
}

export interface DeveloperFlowContext {
	input: DeveloperFlowInput;
	session: BackEndSession | null;
	identity: DeveloperToken | null;
	credentials: TemporaryCredentials | null;
	note: Note | null;
	readBack: string | null;
	stolenKey: LongTermKey | null;
	attackerIdentity: DeveloperToken | null;
	attackerCredentials: TemporaryCredentials | null;
	attackerRead: string | null;
	failure: DeveloperFlowFailure | null;
}
