import type { CloudFetch } from '$lib/cloud';
import type { GuestAccessMistakeId, GuestAccessStepId } from './definition';

/** What the app in the browser knows before the run: where things are, and what goes wrong. */
export interface GuestAccessInput {
	fetch: CloudFetch;
	/** The simulated clock: SigV4 stamps `X-Amz-Date` from it. */
	now: () => number;
	region: string;
	identityPoolId: string;
	/** The name of the pool's guest role (`FlowLabGuest`), for the captions. */
	guestRole: string;
	bucket: string;
	/** The object every visitor may read (`public/welcome.txt`). */
	readKey: string;
	/** Where the app tries to leave a note (`public/guestbook.txt`). */
	writeKey: string;
	/** The Parameter Store name the scope-down mistake reads (`/flow-lab/banner`). */
	parameterName: string;
	mistakes: readonly GuestAccessMistakeId[];
}

/** `GetCredentialsForIdentity`'s `Credentials`, with the member names the identity pool uses. */
export interface GuestCredentials {
	AccessKeyId: string;
	/** STS calls the same value `SecretAccessKey`. */
	SecretKey: string;
	SessionToken: string;
	/** Epoch seconds. */
	Expiration: number;
}

/** An object S3 returned. */
export interface ReadObject {
	key: string;
	contentType: string;
	text: string;
}

/** A refusal from a service, in its own terms: who refused, its code, message and status. */
export interface GuestAccessFailure {
	/** `app` for an error of the app's own code, which no service sent. */
	service: 'identity-pool' | 's3' | 'ssm' | 'app';
	code: string;
	message: string;
	status: number;
}

export interface GuestAccessContext {
	input: GuestAccessInput;
	identityId: string | null;
	credentials: GuestCredentials | null;
	publicObject: ReadObject | null;
	/** S3's answer to the write: `null` if it was stored. */
	writeRefusal: GuestAccessFailure | null;
	/** The parameter's value, when Systems Manager answered. */
	parameterValue: string | null;
	/** The error that ended the run. */
	failure: GuestAccessFailure | null;
	/** Steps refused on purpose and carried on from (the denied write). */
	refusedSteps: GuestAccessStepId[];
}
