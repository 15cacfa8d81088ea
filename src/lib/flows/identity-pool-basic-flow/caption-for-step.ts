import type { FlowStepFacts } from '../run-machine';
import type { AssumedRole, BasicFlowContext, BasicFlowFailure } from './basic-flow-types';
import type { IdentityPoolBasicFlowStepId } from './definition';
import { clockTime } from '../shared/clock-time';

/**
 * One or two sentences for the lesson's caption, from the real values of the run (ids, roles,
 * times, the error), so the words always match the exchanges beside them.
 *
 * @example captionForStep({ step: 'get-id', context, exchanges, startedAt, endedAt })
 * // 'The app sends GetId with IdentityPoolId us-east-1:7c1d… and no Logins: a guest. …'
 */
export function captionForStep(facts: FlowStepFacts<BasicFlowContext>): string {
	const { context } = facts;
	const step = facts.step as IdentityPoolBasicFlowStepId;
	const [did, answer] = captionParts(step, facts);
	const refused = step === 'assume-authenticated-role-after-fix' ? context.refusedAfterFix : null;
	const failure = refused ?? context.failure;
	return `${did} ${failure ? refusal(failure) : answer}`;
}

function captionParts(
	step: IdentityPoolBasicFlowStepId,
	{ context, startedAt, endedAt }: FlowStepFacts<BasicFlowContext>
): [string, string] {
	const { input } = context;
	const claims = context.openIdToken?.claims ?? {};
	switch (step) {
		case 'get-id':
			return [
				`The app sends GetId with IdentityPoolId ${input.identityPoolId} and no Logins: nobody has signed in, so it asks for a guest identity.`,
				`The pool allows guests and answers IdentityId ${context.identityId}.`
			];
		case 'get-open-id-token':
			return [
				`The app sends GetOpenIdToken with that IdentityId and nothing else.`,
				`The pool answers with its own OpenID token: sub ${String(claims.sub)}, aud ${String(claims.aud)}, amr ${JSON.stringify(claims.amr)}, valid until ${clockTime(Number(claims.exp) * 1000)} (${Number(claims.exp) - Number(claims.iat)} s).`
			];
		case 'assume-authenticated-role':
			return [
				`Still a guest, the app calls AssumeRoleWithWebIdentity naming ${roleName(input.authenticatedRoleArn)}, the signed-in users' role, with its guest token (amr ${JSON.stringify(claims.amr)}).`,
				`That role's trust policy checks only aud, which matches, so STS answers with credentials for ${issued(context.escalated)}: a visitor now holds the signed-in users' permissions.`
			];
		case 'assume-authenticated-role-after-fix':
			return [
				`The administrator adds the amr condition to ${roleName(input.authenticatedRoleArn)}'s trust policy, and the guest sends the same request with the same token.`,
				`STS still answered with credentials for ${issued(context.escalated)}.`
			];
		case 'open-id-token-expires': {
			const waited = context.waited ?? { from: startedAt, to: endedAt };
			return [
				`The app keeps the OpenID token while the clock moves ${minutes(waited.to - waited.from)} to ${clockTime(waited.to)}, past the token's exp (${clockTime(Number(claims.exp) * 1000)}).`,
				'Nothing is sent; the app still holds the dead token.'
			];
		}
		case 'assume-role-with-web-identity':
			return [
				`The app calls AssumeRoleWithWebIdentity naming ${roleName(input.guestRoleArn)}, with the OpenID token and DurationSeconds ${input.durationSeconds}.`,
				`STS verifies the token, the trust policy's aud and amr conditions hold, and it answers with credentials for ${issued(context.credentials)}.`
			];
		case 'get-object':
			return [
				`The app signs GET /${input.key} with SigV4, using the temporary credentials and their session token.`,
				`S3 checks the signature and ${roleName(input.guestRoleArn)}'s policy, and answers with the ${context.object?.body.length ?? 0}-byte file: "${context.object?.body.trim()}"`
			];
	}
}

/** How a refusal reads in a caption: who refused, the error code and message. */
export function refusal(failure: BasicFlowFailure): string {
	const who = {
		'identity-pool': 'The identity pool refuses',
		sts: 'STS refuses',
		s3: 'S3 refuses',
		app: 'The app stops'
	}[failure.source];
	return `${who}: ${failure.code}: ${failure.message}`;
}

const issued = (role: AssumedRole | null) =>
	role
		? `${role.assumedRoleArn.slice(role.assumedRoleArn.indexOf(':assumed-role/') + 1)} (AccessKeyId ${role.accessKeyId.slice(0, 4)}…), valid until ${clockTime(role.expiration)}`
		: '(none)';

const roleName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

const minutes = (ms: number) => `${Math.round(ms / 60_000)} minutes`;
