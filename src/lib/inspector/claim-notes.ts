/**
 * One-sentence explanations of the header fields and claims a Cognito token carries, written from
 * cognito.md §2. Keep them to what AWS documents or what real tokens show; say so when AWS is silent.
 */

/** The kind of token whose claim is explained: some claims mean different things in each. */
export type ClaimContext = 'id' | 'access' | 'identity-pool' | 'other';

const headerNotes: Record<string, string> = {
	kid: "Key ID: which public key in the user pool's JWKS checks this signature. A pool signs ID and access tokens with different keys, so their kids differ.",
	alg: 'Signature algorithm: RS256 (an RSA signature over a SHA-256 hash) for every user pool ID and access token; a verifier should accept only the algorithm it expects, not whatever the header claims.',
	typ: 'The media type of the token; Cognito user-pool tokens normally leave it out.'
};

/** The identity pool's own OpenID token (cognito.md §7.6): observed, partly undocumented. */
const identityPoolHeaderNotes: Record<string, string> = {
	kid: "Key ID: which key in the identity pool's JWKS (https://cognito-identity.amazonaws.com/.well-known/jwks_uri) checks this signature. Real kids start with the region.",
	alg: 'Signature algorithm: RS512 (RSA over a SHA-512 hash). This is what real identity pool tokens show; AWS does not document it.',
	typ: 'JWS: real identity pool tokens carry it, unlike user pool tokens.'
};

const identityPoolNotes: Record<string, string> = {
	sub: 'The identity ID (region, a colon and a GUID), not the user pool sub. IAM policies see it as ${cognito-identity.amazonaws.com:sub}.',
	aud: 'Audience: the identity pool ID. A role trust policy checks it with the cognito-identity.amazonaws.com:aud condition.',
	iss: 'Who issued the token: the identity pool service, https://cognito-identity.amazonaws.com, the same for every pool in most Regions.',
	amr: 'How the identity signed in: unauthenticated for a guest, or authenticated plus the provider used. A role trust policy checks it with cognito-identity.amazonaws.com:amr; without that check a guest token can assume the authenticated role.',
	exp: 'When this token stops being valid: 10 minutes after GetOpenIdToken, or the TokenDuration a back end asked for (15 minutes by default, at most 24 hours).',
	'https://cognito-identity.amazonaws.com/identity-pool-arn':
		'The ARN of the identity pool, carried by tokens of authenticated identities.'
};

const jweHeaderNotes: Record<string, string> = {
	alg: 'How the random content key is wrapped: RSA-OAEP, to a key pair whose private half only the user pool holds and never publishes.',
	enc: 'How the contents are encrypted: AES with a 256-bit key in GCM mode, which also detects any change to the ciphertext.',
	cty: 'What is inside once decrypted: another JWT. Only the user pool ever sees it.',
	kid: 'Which of the key pairs the content key was wrapped for.'
};

const claimNotes: Record<string, string> = {
	sub: "The user's permanent ID in this pool (a UUID). Unlike a username it is never reused, so it is the safe key for your own records about the user.",
	iss: "Who issued the token: the user pool's URL, made of the region and the pool ID. A verifier checks it exactly and finds the pool's keys at this URL plus /.well-known/jwks.json.",
	token_use:
		'Which kind of token this is, id or access. Checking it stops an ID token from being accepted where only an access token belongs (and the other way round).',
	auth_time:
		'When the user actually signed in (seconds since 1970, UTC). It stays at that moment when tokens are refreshed, while iat moves on.',
	iat: 'When this token was issued (seconds since 1970, UTC).',
	exp: 'When this token stops being valid (seconds since 1970, UTC). exp minus iat is the lifetime set on the app client: one hour unless changed (5 minutes to 1 day).',
	nbf: 'Not before: the token must not be accepted before this time. Cognito user-pool tokens do not normally carry it.',
	jti: 'A unique ID for this one token. Cognito adds it when token revocation is enabled on the app client, the default for new clients.',
	origin_jti:
		'The ID of the sign-in this token descends from: every token refreshed from the same sign-in carries the same value. Present when token revocation is enabled.',
	event_id:
		'An ID for the authentication event that produced the token. Real Cognito tokens carry it, but AWS does not describe it in its claim reference.',
	'cognito:username':
		"The user's username in the pool. Federated users get names such as Google_110169484474386276334; where an email or phone number serves as the username attribute, real tokens show a generated UUID here.",
	username: "The user's username, the same value the ID token calls cognito:username.",
	'cognito:groups':
		'The user-pool groups the user belongs to. The claim is left out entirely when the user is in no group.',
	'cognito:roles':
		"The IAM role ARNs of the user's groups (only groups that have a role). Real tokens carry a JSON array, although one AWS page calls it a comma-separated string.",
	'cognito:preferred_role':
		"The role of the user's group with the lowest precedence number; an identity pool set to choose the role from the token uses it. Left out when two top groups tie with different roles.",
	email: "The user's email address, as stored in the pool.",
	email_verified:
		'Whether the user proved they own the email address (a JSON boolean). Do not trust an unverified email as an identity.',
	phone_number: "The user's phone number in E.164 form (+ and country code).",
	phone_number_verified: 'Whether the user proved they own the phone number (a JSON boolean).',
	version:
		'A format version number that real Cognito access tokens carry; AWS does not document what its values mean.',
	device_key:
		'The remembered device the user signed in from, present when device tracking applies.',
	nonce:
		'The nonce the app sent to /oauth2/authorize, echoed back so the app can tell this ID token answers its own request.',
	at_hash:
		'A hash of the access token issued alongside this ID token, so the two can be tied together (left half of its SHA-256, base64url).',
	identities:
		'For users who signed in through an external provider (Google, SAML, ...): the providers linked to this user.',
	updated_at: "When the user's profile was last changed (seconds since 1970, UTC)."
};

const idNotes: Record<string, string> = {
	aud: 'Audience: the app client ID this ID token was issued to. A verifier checks it is one of its own clients; access tokens have no aud and carry client_id instead.',
	scope: 'ID tokens carry no scope; scopes belong to access tokens.'
};

const accessNotes: Record<string, string> = {
	client_id:
		'The app client ID this access token was issued to. Access tokens have no aud claim, so this is the field a verifier checks instead.',
	scope:
		'The permissions granted to this access token, separated by spaces. Tokens from the user-pool API (InitiateAuth) normally carry only aws.cognito.signin.user.admin, which allows self-service calls such as GetUser, though a pre-token-generation Lambda trigger can add or remove scopes; tokens from the OAuth endpoints carry the scopes granted there.'
};

const genericNotes: Record<string, string> = {
	aud: 'Audience: who the token is meant for. In Cognito ID tokens it is the app client ID.',
	client_id: 'The app client the token was issued to.',
	scope: 'The permissions granted to the token, separated by spaces.'
};

/** OpenID Connect standard claims (cognito.md §2.2): user attributes, emitted when set. */
const standardClaims: Record<string, string> = {
	name: 'full name',
	given_name: 'given (first) name',
	family_name: 'family name',
	middle_name: 'middle name',
	nickname: 'nickname',
	preferred_username: 'preferred username, which is not necessarily unique',
	profile: 'profile page URL',
	picture: 'picture URL',
	website: 'website URL',
	gender: 'gender',
	birthdate: 'birth date',
	zoneinfo: 'time zone',
	locale: 'locale',
	address: 'postal address'
};

/**
 * A one-sentence (sometimes two) explanation of a payload claim, or `undefined` for a claim the
 * inspector does not know.
 *
 * @example claimNote('aud', 'id') // -> 'Audience: the app client ID this ID token was issued to. ...'
 */
export function claimNote(name: string, context: ClaimContext = 'other'): string | undefined {
	const specific =
		context === 'id'
			? idNotes
			: context === 'access'
				? accessNotes
				: context === 'identity-pool'
					? identityPoolNotes
					: {};
	const note = own(specific, name) ?? own(claimNotes, name) ?? own(genericNotes, name);
	if (note) return note;
	const standard = own(standardClaims, name);
	if (standard) {
		return `The user's ${standard}: a standard OpenID Connect attribute, present when it is set and the app client may read it.`;
	}
	if (name.startsWith('custom:')) {
		return 'A custom attribute of the user. In tokens its value is always a string, whatever type the attribute was declared with.';
	}
	return undefined;
}

/** Explanation of a header field of a signed token (`jws`) or of an encrypted one (`jwe`). */
export function headerNote(
	name: string,
	kind: 'jws' | 'jwe' = 'jws',
	context: ClaimContext = 'other'
): string | undefined {
	if (kind === 'jwe') return own(jweHeaderNotes, name);
	return (
		(context === 'identity-pool' && own(identityPoolHeaderNotes, name)) || own(headerNotes, name)
	);
}

/** Lookup that ignores inherited keys, so a claim named `__proto__` or `toString` has no note. */
function own(notes: Record<string, string>, name: string): string | undefined {
	return Object.hasOwn(notes, name) ? notes[name] : undefined;
}

const timeClaims = new Set(['exp', 'iat', 'auth_time', 'nbf', 'updated_at']);

/** Whether a claim holds a time in epoch seconds, to be shown as a date as well. */
export function isTimeClaim(name: string): boolean {
	return timeClaims.has(name);
}

/** The token kind a decoded payload declares in `token_use`, for choosing the right notes. */
export function claimContext(payload: Record<string, unknown>): ClaimContext {
	if (payload.iss === 'https://cognito-identity.amazonaws.com') return 'identity-pool';
	return payload.token_use === 'id' ? 'id' : payload.token_use === 'access' ? 'access' : 'other';
}
