import type { FlowStepFacts } from '../run-machine';
import type { GuestAccessStepId } from './definition';
import type { GuestAccessContext, GuestAccessFailure } from './guest-access-types';
import { clockTime } from '../shared/clock-time';

/**
 * One or two sentences for the lesson's caption, from the real values of the run (identity id,
 * access key, expiry, the object's text, the refusal), so the words always match the exchanges.
 *
 * @example captionForStep({ step: 'get-id', context, exchanges, startedAt, endedAt })
 * // 'The app sends GetId with the pool id and no Logins, unsigned. The pool creates the guest …'
 */
export function captionForStep(facts: FlowStepFacts<GuestAccessContext>): string {
	const { context } = facts;
	const step = facts.step as GuestAccessStepId;
	const [did, answer] = captionParts(step, context);
	const refused = context.failure ?? (step === 'write-object' ? context.writeRefusal : null);
	return `${did} ${refused ? refusal(refused) : answer}`;
}

function captionParts(step: GuestAccessStepId, context: GuestAccessContext): [string, string] {
	const { input, credentials } = context;
	switch (step) {
		case 'get-id':
			return [
				`The app sends GetId with IdentityPoolId ${input.identityPoolId} and no Logins, unsigned: nobody has signed in.`,
				`The pool allows guests and answers with a new guest identity, ${context.identityId}.`
			];
		case 'get-credentials':
			return [
				`The app sends GetCredentialsForIdentity for ${context.identityId}, again with no Logins.`,
				`Cognito assumes the guest role ${input.guestRole} for it and returns temporary credentials: access key ${credentials?.AccessKeyId}, a SecretKey and a SessionToken, valid until ${clockTime((credentials?.Expiration ?? NaN) * 1000)}.`
			];
		case 'read-public-object': {
			const object = context.publicObject;
			return [
				`The app signs GET /${input.readKey} with SigV4, using access key ${credentials?.AccessKeyId} and the session token, and sends it to ${input.bucket}.`,
				`S3 verifies the signature and IAM allows s3:GetObject: S3 returns the ${object?.contentType} object, "${object?.text.trim()}"`
			];
		}
		case 'write-object':
			return [
				`The app signs PUT /${input.writeKey} the same way, with the same credentials.`,
				`S3 verifies the signature and IAM allows s3:PutObject: the note is stored.`
			];
		case 'get-parameter':
			return [
				`The app signs GetParameter for ${input.parameterName} with SigV4 for Systems Manager; the guest role has a statement that allows ssm:GetParameter on it.`,
				`Systems Manager returns the value: "${context.parameterValue}"`
			];
	}
}

const refuser: Record<GuestAccessFailure['service'], string> = {
	'identity-pool': 'The identity pool refuses',
	s3: 'S3 refuses',
	ssm: 'Systems Manager refuses',
	app: 'The app fails'
};

/** How a refusal reads in a caption: who refused, with which status, error type and message. */
function refusal(failure: GuestAccessFailure): string {
	const status = failure.status ? ` with ${failure.status}` : '';
	return `${refuser[failure.service]}${status}: ${failure.code}: ${failure.message}`;
}
