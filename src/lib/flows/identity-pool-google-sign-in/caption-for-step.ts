import type { FlowStepFacts } from '../run-machine';
import type { GoogleFlowStepId } from './definition';
import type { GoogleFlowFailure } from './google-flow-failure';
import type { GoogleFlowContext } from './google-flow-types';

/**
 * One or two sentences for the lesson's caption, from the real values of the run (Google's `sub`,
 * the identity id, the access key, the note), so the words always match the exchanges.
 *
 * @example captionForStep({ step: 'get-id', context, exchanges, startedAt, endedAt })
 * // 'The app sends GetId with Logins {"accounts.google.com": <Google's ID token>} …'
 */
export function captionForStep(facts: FlowStepFacts<GoogleFlowContext>): string {
	const { context } = facts;
	const [did, answer] = captionParts(facts.step as GoogleFlowStepId, context);
	return `${did} ${context.failure ? refusal(context.failure) : answer}`;
}

function captionParts(step: GoogleFlowStepId, context: GoogleFlowContext): [string, string] {
	const { input, tokens, credentials } = context;
	switch (step) {
		case 'sign-in-with-google':
			return [
				`The app sends the browser to Google with its own client ${input.google.clientId}, scope openid email profile, a state and a nonce; ${input.login.email} signs in and consents on Google's pages.`,
				`Google sends the browser back to ${input.google.redirectUri} with a code and the same state, which the app checks.`
			];
		case 'redeem-code':
			return [
				`The app hands the code to its back end, which posts it to Google's token endpoint with the client secret (only the server knows it).`,
				`Google answers an ID token for account ${tokens?.sub} (${tokens?.email}), valid until ${clockTime((tokens?.exp ?? NaN) * 1000)}, and an opaque access token; the back end checks the nonce and returns the ID token to the app.`
			];
		case 'ask-user-pool':
			return [
				`The app sends Google's ID token to the user pool's userInfo endpoint as a bearer token, as if Cognito had issued it.`,
				`The user pool answers who signed in.`
			];
		case 'get-id':
			return [
				`The app sends GetId, unsigned, with Logins ${loginsText(context)}.`,
				`The identity pool checks the token against Google's keys and the client id it lists for ${input.providerName}, and answers the identity of this Google account: ${context.identityId}.`
			];
		case 'get-credentials':
			return [
				`The app sends GetCredentialsForIdentity for ${context.identityId} with the same Logins.`,
				`Cognito assumes the authenticated role for it and returns temporary credentials: access key ${credentials?.accessKeyId}, a SecretKey and a SessionToken, valid until ${clockTime((credentials?.expiration ?? NaN) * 1000)}.`
			];
		case 'put-object':
			return [
				`The app signs PUT /private/${context.identityId}/notes.txt with SigV4, using access key ${credentials?.accessKeyId} and the session token.`,
				`IAM resolves \${cognito-identity.amazonaws.com:sub} to ${context.identityId}, the prefix matches, and S3 stores the note.`
			];
		case 'get-object': {
			const note = context.s3.find((a) => a.operation === 'GetObject');
			return [
				`The app signs GET of the same key with the same credentials.`,
				`S3 returns the note: "${note?.body?.trim()}"`
			];
		}
	}
}

/** The Logins map as the request carries it, the token shortened. */
function loginsText(context: GoogleFlowContext): string {
	const key = context.input.mistakes.includes('wrong-logins-key')
		? `https://${context.input.providerName}`
		: context.input.providerName;
	const what = context.input.mistakes.includes('google-access-token-in-logins')
		? "Google's access token"
		: "Google's ID token";
	return `{"${key}": <${what}>}`;
}

const refuser: Record<GoogleFlowFailure['service'], string> = {
	'external-idp': 'Google refuses',
	'managed-login': 'The user pool refuses',
	'identity-pool': 'The identity pool refuses',
	s3: 'S3 refuses',
	app: 'The app stops'
};

/** How a refusal reads in a caption: who refused, with which status, error and message. */
function refusal(failure: GoogleFlowFailure): string {
	const status = failure.status ? ` with ${failure.status}` : '';
	return `${refuser[failure.service]}${status}: ${failure.code}: ${failure.message}`;
}

/** `09:05:07 UTC` for an epoch-ms time. */
function clockTime(ms: number): string {
	return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(11, 19)} UTC` : '(unknown)';
}
