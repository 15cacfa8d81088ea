import { decodeJwt } from 'jose';
import type { Exchange } from '$lib/cloud';
import type { FlowStepFacts } from '../run-machine';
import type { EnhancedFlowStepId } from './definition';
import type { S3Answer } from '../shared/call-s3';
import type { EnhancedFlowContext } from './enhanced-flow-types';
import type { FlowFailure } from './flow-failure';
import { clockTime } from '../shared/clock-time';

export type StepFacts = FlowStepFacts<EnhancedFlowContext> & { step: EnhancedFlowStepId };

/**
 * One or two sentences for the lesson's caption, from the real values of the run (identity ID,
 * access key, keys, times, errors), so the words always match the exchanges beside them.
 *
 * @example captionForStep({ step: 'get-id', context, exchanges, startedAt, endedAt })
 * // 'The app sends GetId with the ID token under cognito-idp.… The identity pool answers …'
 */
export function captionForStep(facts: StepFacts): string {
	const { step, context } = facts;
	// A run's failure is set by the transition that closes the step it happened in.
	const refusal = context.refusals[step] ?? context.failure;
	const [did, answer] = captionParts(facts);
	return `${did} ${refusal ? refused(refusal) : answer}`;
}

function captionParts({ step, context, exchanges }: StepFacts): [string, string] {
	const sent = requestJson(exchanges[0]);
	const loginKey = Object.keys(fields(sent.Logins))[0] ?? '(none)';
	const loginToken = tokenUse(Object.values(fields(sent.Logins))[0]);
	switch (step) {
		case 'sign-in':
			return [
				`The app signs ${context.input.user.username} in with SRP (${exchanges.length} calls to the user pool).`,
				context.tokens
					? `The pool issues an ID token, an access token and a refresh token; the ID token's sub is ${subOf(context.tokens.idToken)}.`
					: ''
			];
		case 'edit-attribute':
			return [
				`With the access token, ${context.input.user.username} sets custom:team to "editors" through UpdateUserAttributes, then refreshes the tokens.`,
				'The pool accepts both: the new ID token says "custom:team": "editors".'
			];
		case 'get-id':
			return [
				`The app sends GetId with the ${loginToken} under the Logins key ${loginKey}.`,
				`The identity pool accepts the token and answers the identity ID ${context.identityId}.`
			];
		case 'get-credentials': {
			const c = context.credentials;
			return [
				`The app sends GetCredentialsForIdentity for ${context.identityId} with the same login.`,
				c
					? `The identity pool picks the role, has it assumed, and answers access key ${c.accessKeyId}, a secret key and a session token, valid until ${clockTime(c.expiration * 1000)}.`
					: ''
			];
		}
		case 'put-object': {
			const key = keyOf(exchanges[0]);
			const how = context.credentials
				? 'signed with Signature Version 4 and the temporary credentials'
				: 'with the ID token as a bearer token';
			return [
				`The app sends PutObject for ${key}, ${how}.`,
				'S3 checks the signature and the role’s policy, and stores the note.'
			];
		}
		case 'get-object':
			return [
				`The app reads ${keyOf(exchanges[0])} back with GetObject, signed again.`,
				`S3 answers ${sizeOf(lastS3(context, 'GetObject'))} of text: the note as written.`
			];
		case 'list-objects': {
			const keys = lastS3(context, 'ListObjectsV2')?.keys ?? [];
			return [
				`The app lists the prefix ${lastS3(context, 'ListObjectsV2')?.key ?? ''} with ListObjectsV2.`,
				`The s3:prefix condition holds; S3 lists ${keys.length} ${keys.length === 1 ? 'key' : 'keys'}.`
			];
		}
		case 'read-other-identity':
			return [
				`The app asks for ${context.input.otherIdentityKey}, a note of another identity, with its own credentials.`,
				'The role the identity pool picked allows all of private/*: S3 hands over another user’s note.'
			];
		case 'credentials-expire': {
			const expiry = context.expiry;
			return [
				`An hour passes: the clock moves from ${clockTime(expiry?.from)} to ${clockTime(expiry?.to)}.`,
				`The credentials expired at ${clockTime((context.credentials?.expiration ?? 0) * 1000)}; the app does not notice.`
			];
		}
		case 'read-after-expiry':
			return [
				`The app signs GetObject for ${keyOf(exchanges[0])} with the credentials it got an hour ago.`,
				'S3 returns the note.'
			];
	}
}

function refused(failure: FlowFailure): string {
	const who =
		failure.service === 's3'
			? 'S3'
			: failure.service === 'identity-pool'
				? 'The identity pool'
				: failure.service === 'user-pool'
					? 'The user pool'
					: 'The app';
	const status = failure.status ? ` (${failure.status})` : '';
	return `${who} refuses${status}: ${failure.code}: ${failure.message}`;
}

function lastS3(context: EnhancedFlowContext, operation: S3Answer['operation']) {
	return context.s3.findLast((a) => a.operation === operation);
}

function sizeOf(answer: S3Answer | undefined): string {
	const bytes = new TextEncoder().encode(answer?.body ?? '').length;
	return `${bytes} bytes`;
}

function keyOf(exchange: Exchange | undefined): string {
	if (!exchange) return '(nothing)';
	return decodeURIComponent(new URL(exchange.request.url).pathname.slice(1));
}

function requestJson(exchange: Exchange | undefined): Record<string, unknown> {
	try {
		return fields(JSON.parse(exchange?.request.body ?? '{}'));
	} catch {
		return {};
	}
}

function fields(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function tokenUse(token: unknown): string {
	try {
		const use = decodeJwt(String(token)).token_use;
		return use === 'access' ? 'access token' : use === 'id' ? 'ID token' : 'token';
	} catch {
		return 'token';
	}
}

function subOf(idToken: string): string {
	try {
		return String(decodeJwt(idToken).sub);
	} catch {
		return '(unreadable)';
	}
}
