import { jsonStrings, tryParseJson } from './walk-json';

/**
 * Plain-language notes on the SRP sign-in values (cognito.md §4) and on SECRET_HASH (§3.4): what
 * each value proves, and that the password itself never leaves the browser during an SRP sign-in
 * (other calls, such as SignUp or a NEW_PASSWORD_REQUIRED answer, do send it; cognito.md §3.8).
 */
const notes: Record<string, string> = {
	SRP_A:
		"The browser's public value A, made from a random secret that stays in the browser. It says nothing about the password; it opens a fresh proof for this one sign-in.",
	SRP_B:
		"The user pool's public value B. It mixes a random secret of the pool with the password verifier stored when the password was set, so only someone who knows the password can derive the same key from it.",
	SALT: 'A random value chosen when the password was set and mixed into the password hash, so equal passwords still give different verifiers. It is not secret.',
	SECRET_BLOCK:
		'An opaque blob from the pool that ties the answer to this sign-in attempt. The browser cannot read it; it sends it back unchanged, and signs it.',
	PASSWORD_CLAIM_SECRET_BLOCK:
		'The SECRET_BLOCK from the challenge, sent back unchanged so the pool can resume this sign-in attempt.',
	PASSWORD_CLAIM_SIGNATURE:
		'The proof of the password: an HMAC-SHA256 over the pool name, USER_ID_FOR_SRP, the secret block and the timestamp, keyed with a key derived from the password, the salt and the A and B of this exchange. The pool checks it without ever receiving the password.',
	TIMESTAMP:
		"The browser's clock in UTC, in the exact format the Cognito clients use (day of month not zero-padded). It is part of the signed message, so the browser's clock has to agree roughly with the pool's; AWS does not document how much difference it tolerates.",
	USER_ID_FOR_SRP:
		'The name the pool wants the proof computed with. The client uses it instead of what the user typed, both in the password hash and in the signature.',
	SECRET_HASH:
		"Base64 of an HMAC-SHA256, keyed with the app client's secret, over the username followed by the client ID. It proves the caller knows the client secret, which is why browser apps should use a client without one: a secret shipped to a browser is not secret.",
	SecretHash:
		"Base64 of an HMAC-SHA256, keyed with the app client's secret, over the username followed by the client ID. It proves the caller knows the client secret.",
	PASSWORD:
		'The password itself, sent to Cognito inside the TLS connection (USER_PASSWORD_AUTH). A USER_SRP_AUTH sign-in would send a proof instead and keep the password in the browser.'
};

/** One sentence for the whole exchange when any SRP value is on screen. */
export const srpSummary =
	'In an SRP sign-in the password never leaves the browser: the browser sends a random public value, then a signature that only the password could have produced, and the pool checks that signature against the verifier it stored. (Sign-up and password changes do send the password itself.)';

const srpNames = new Set(['SRP_A', 'SRP_B', 'SALT', 'SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE']);

export interface NotedValue {
	/** JSON path, e.g. `ChallengeParameters.SRP_B`. */
	path: string;
	/** The field name, as AWS spells it. */
	name: string;
	value: string;
	note: string;
}

/** The note for an SRP or SECRET_HASH field, or `undefined` when there is none. */
export function srpNote(name: string): string | undefined {
	return Object.hasOwn(notes, name) ? notes[name] : undefined;
}

/**
 * Every SRP value and SECRET_HASH in a JSON body, with its note. A body that is not JSON has none.
 *
 * @example findSrpValues('{"AuthParameters":{"SRP_A":"7860..."}}')[0].path // -> 'AuthParameters.SRP_A'
 */
export function findSrpValues(body: string): NotedValue[] {
	const json = tryParseJson(body);
	if (typeof json !== 'object' || json === null) return [];
	const found: NotedValue[] = [];
	for (const { path, key, value } of jsonStrings(json)) {
		const note = srpNote(key);
		if (note) found.push({ path, name: key, value, note });
	}
	return found;
}

/** Whether the values include the SRP proof itself (not just a SECRET_HASH or a PASSWORD). */
export function isSrpExchange(values: NotedValue[]): boolean {
	return values.some((v) => srpNames.has(v.name));
}
