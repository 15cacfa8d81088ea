import type { Exchange } from '$lib/cloud';
import type { FlowStepFacts } from '../run-machine';
import type { DeveloperFlowContext, TemporaryCredentials } from './developer-types';
import { clockTime } from '../shared/clock-time';

type Facts = FlowStepFacts<DeveloperFlowContext>;

/**
 * One or two sentences for a step of a run, from the run's real values: who called whom, with
 * what, and what came back (or the exact refusal).
 *
 * @example captionForStep({ step: 'get-identity-token', context, exchanges, startedAt, endedAt })
 */
export function captionForStep(facts: Facts): string {
	const { context, exchanges } = facts;
	const refusal = refusalOf(exchanges, context);
	const { input } = context;
	const user = input.user;
	const victim = input.victim;
	switch (facts.step) {
		case 'sign-in-to-back-end':
			return refusal
				? `The app sends ${user.username}'s password to its own back end, which refuses: ${refusal}.`
				: `The app sends ${user.username}'s username and password to its own back end at api.example.com. ` +
						`The back end checks them against its own users and answers with its user id ${context.session?.userId} and a session; Cognito is not involved.`;
		case 'get-identity-token':
			return refusal
				? `The back end signs GetOpenIdTokenForDeveloperIdentity for ${user.userId}, and the identity pool refuses: ${refusal}.`
				: `The back end signs GetOpenIdTokenForDeveloperIdentity with its IAM key and the login "${input.developerProviderName}": "${user.userId}". ` +
						`The identity pool checks the signature and answers with identity ${context.identity?.identityId} and a token, which the back end passes to the app.`;
		case 'mint-token-in-browser':
			return refusal
				? `The app signs GetOpenIdTokenForDeveloperIdentity itself and is refused: ${refusal}.`
				: `The app signs GetOpenIdTokenForDeveloperIdentity in the browser with the key in its bundle, ${input.backEndKey.accessKeyId}, for "${user.userId}" because the page says so. ` +
						`The signature is genuine, so the identity pool answers with identity ${context.identity?.identityId} and a token.`;
		case 'get-credentials':
			return credentialsCaption(facts, refusal);
		case 'put-note':
			return refusal
				? `The app signs a PutObject to its own prefix and S3 refuses: ${refusal}.`
				: `The app signs PutObject for s3://${input.bucket}/${context.note?.key} with the temporary key ${context.credentials?.accessKeyId}. ` +
						`S3 checks the signature and the role's policy, whose own-prefix resource resolves to this identity id, and stores the note.`;
		case 'read-note':
			return refusal
				? `The app reads its note back and S3 refuses: ${refusal}.`
				: `The app reads the note back with a signed GetObject; S3 answers 200 with the ${context.readBack?.length ?? 0} characters it stored. ` +
						`Neither the token nor the back end is involved: the signature and the session token are enough.`;
		case 'keys-stolen':
			return (
				`A script in the page posts the back end's access key ${context.stolenKey?.accessKeyId ?? input.backEndKey.accessKeyId} and its secret to attacker.example. ` +
				`Nothing fails; any visitor could have read them in the page's JavaScript.`
			);
		case 'attacker-mints-token':
			return refusal
				? `The attacker signs GetOpenIdTokenForDeveloperIdentity with the stolen key and is refused: ${refusal}.`
				: `The attacker signs GetOpenIdTokenForDeveloperIdentity with the stolen key for "${victim.userId}", ${victim.username}'s id, without any password; ${victim.username} is not even on this page. ` +
						`The identity pool answers with ${victimIdentity(context)} and a fresh token.`;
		case 'attacker-gets-credentials':
			return refusal
				? `The attacker trades the minted token and is refused: ${refusal}.`
				: `The attacker calls GetCredentialsForIdentity with the minted token and gets credentials ${context.attackerCredentials?.accessKeyId} for ${victim.username}'s identity, ` +
						`valid until ${utcTime(context.attackerCredentials)}.`;
		case 'attacker-reads-note':
			return refusal
				? `The attacker's GetObject on ${victim.username}'s prefix is refused: ${refusal}.`
				: `The attacker signs GetObject for ${victim.username}'s private note with those credentials. ` +
						`S3 finds the key inside the identity's own prefix and answers 200 with it: "${context.attackerRead?.trim() ?? ''}"`;
		default:
			return '';
	}
}

function credentialsCaption({ context, exchanges }: Facts, refusal: string | null): string {
	const labels = exchanges.map((e) => e.label);
	const via = labels.at(-1) ?? 'GetCredentialsForIdentity';
	if (refusal) {
		if (via === 'GetId')
			return `The app calls GetId with the token under cognito-identity.amazonaws.com, as for any other login. The identity pool refuses: ${refusal}.`;
		return `The app calls ${via} for identity ${context.identity?.identityId}${
			context.input.mistakes.includes('identity-id-without-token') ? ' without Logins' : ''
		}, and is refused: ${refusal}.`;
	}
	const credentials = context.credentials;
	if (via === 'AssumeRoleWithWebIdentity')
		return (
			`The app calls STS AssumeRoleWithWebIdentity with the token, naming the role ${context.input.authenticatedRoleArn.split('/').pop()}. ` +
			`STS checks the trust policy (aud and amr) and returns ${credentials?.accessKeyId}, valid until ${utcTime(credentials)}.`
		);
	return (
		`The app calls GetCredentialsForIdentity with identity ${context.identity?.identityId} and the token under cognito-identity.amazonaws.com. ` +
		`The identity pool picks the authenticated role and returns ${credentials?.accessKeyId}, valid until ${utcTime(credentials)}.`
	);
}

/** The refused exchange of a step, as `<code>: <message>`, or null when every answer was a success. */
function refusalOf(exchanges: readonly Exchange[], context: DeveloperFlowContext): string | null {
	const refused = exchanges
		.filter((e) => e.response.status >= 400 && e.parent === undefined)
		.at(-1);
	if (!refused) return null;
	const said = context.failure
		? `${context.failure.__type}: ${context.failure.message}`
		: `HTTP ${refused.response.status}`;
	// The caption closes the sentence: a message's own full stop would make two
	return said.replace(/[.!]$/, '');
}

/** A returning user's identity is the one Cognito made on their first visit, not a new one. */
function victimIdentity(context: DeveloperFlowContext): string {
	const id = context.attackerIdentity?.identityId;
	return `${context.input.victim.username}'s identity, ${id}, the one Cognito made on their first visit,`;
}

function utcTime(credentials: TemporaryCredentials | null | undefined): string {
	if (!credentials) return 'an hour from now';
	return clockTime(credentials.expiration);
}
