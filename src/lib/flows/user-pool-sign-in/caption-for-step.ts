import { decodeJwt } from 'jose';
import type { Exchange } from '$lib/cloud';
import type { UserPoolSignInMistakeId, UserPoolSignInStepId } from './definition';
import type { SignInFailure } from '../shared/sign-in-error';
import type { UserPoolSignInContext } from './sign-in-types';
import { clockTime } from '../shared/clock-time';

/** What a caption is computed from: the step's context at its end and what it sent. */
export interface StepFacts {
	step: UserPoolSignInStepId;
	context: UserPoolSignInContext;
	exchanges: readonly Exchange[];
	/** Simulated epoch ms when the step began and ended. */
	startedAt: number;
	endedAt: number;
}

/**
 * One or two sentences for the lesson's caption, from the real values of the run (salt, code,
 * times, error), so the words always match the exchanges beside them.
 *
 * @example captionForStep({ step: 'initiate-auth', context, exchanges, startedAt, endedAt })
 * // 'The app sends USERNAME alice and SRP_A (768 hex digits), never the password. The pool …'
 */
export function captionForStep(facts: StepFacts): string {
	const { failure } = facts.context;
	const [did, answer] = captionParts(facts);
	if (!failure) return `${did} ${answer}`;
	// userInfo is on managed login, the pool's domain: it answers from there, with an HTTP status
	// and a WWW-Authenticate challenge instead of an AWS error body.
	const atUserInfo = facts.step === 'get-user' && made(facts.context, 'api-token-at-userinfo');
	const refused = atUserInfo
		? `Managed login answers ${failure.status} and refuses: ${failure.__type}: ${failure.message}`
		: refusal(failure);
	return `${did} ${refused}`;
}

/** What the app did, and what came of it when nothing failed. */
function captionParts(facts: StepFacts): [string, string] {
	const { step, context, exchanges, startedAt, endedAt } = facts;
	const sent = fields(requestBody(exchanges[0]));
	switch (step) {
		case 'initiate-auth': {
			const auth = fields(sent.AuthParameters);
			const hash = auth.SECRET_HASH ? ' and a SECRET_HASH' : '';
			const p = context.challenge?.parameters ?? {};
			return [
				`The app sends USERNAME ${auth.USERNAME} and SRP_A (${hexDigits(auth.SRP_A)})${hash}, never the password.`,
				`The pool answers with a PASSWORD_VERIFIER challenge: salt ${short(p.SALT)}, SRP_B (${hexDigits(p.SRP_B)}) and a SECRET_BLOCK.`
			];
		}
		case 'password-verifier': {
			const responses = fields(sent.ChallengeResponses);
			const next = context.nextChallenge?.challengeName;
			const signs = `signs the SECRET_BLOCK and TIMESTAMP "${responses.TIMESTAMP}" with a key derived from the password and USER_ID_FOR_SRP ${responses.USERNAME}.`;
			// With the mistake, the answer leaves when the user has finished typing the password
			const answeredAfter = (exchanges[0]?.at ?? endedAt) - startedAt;
			return [
				context.input.mistakes.includes('late-password-verifier')
					? `The app started SRP with the username alone, so it waits for the user to finish typing the password and answers ${duration(answeredAfter)} after the challenge arrived: it ${signs}`
					: `The app ${signs}`,
				next === 'SOFTWARE_TOKEN_MFA'
					? 'The password is right; the pool now asks for SOFTWARE_TOKEN_MFA, a code from the authenticator app.'
					: next === 'NEW_PASSWORD_REQUIRED'
						? 'The password is right but temporary; the pool answers NEW_PASSWORD_REQUIRED.'
						: `The password is right; the pool issues ${issued(context)}.`
			];
		}
		case 'software-token-mfa': {
			const code = fields(sent.ChallengeResponses).SOFTWARE_TOKEN_MFA_CODE;
			return [
				`The app sends the code ${code} from the authenticator app, with the challenge Session.`,
				`The code is right; the pool issues ${issued(context)}.`
			];
		}
		case 'new-password-required':
			return [
				'The app sends the new password the user chose, with the challenge Session.',
				`The pool accepts it and issues ${issued(context)}.`
			];
		case 'verify-id-token': {
			const id = context.idToken;
			const claims = id?.claims ?? {};
			const who = String(claims['cognito:username'] ?? claims.sub);
			return [
				`The app fetches the pool's JWKS (${id?.jwksKids.length ?? 'no'} keys) and checks the ID token.`,
				`Its kid ${short(id?.header.kid)} is in the JWKS, the ${id?.header.alg} signature is valid, exp ${clockTime(Number(claims.exp) * 1000)} has not passed, iss and aud (${String(claims.aud)}) are as expected and token_use is id: only now does the app believe this is ${who}.`
			];
		}
		case 'get-user': {
			const idToken = made(context, 'id-token-to-getuser');
			const token = idToken ? 'ID' : 'access';
			const names = Object.keys(context.user?.attributes ?? {});
			if (made(context, 'api-token-at-userinfo')) {
				const url = exchanges[0] ? new URL(exchanges[0].request.url) : undefined;
				const scope = scopeOf(idToken ? context.tokens?.idToken : context.tokens?.accessToken);
				const scopes = scope
					? `its scope is ${scope}${scope.split(' ').includes('openid') ? '' : ', without openid'}`
					: 'it has no scope';
				return [
					`Instead of GetUser, the app calls managed login's GET ${url?.pathname} on ${url?.host} with the ${token} token as Authorization: Bearer; ${scopes}.`,
					`Managed login returns ${names.length} claims (${names.join(', ')}) for ${context.user?.username}.`
				];
			}
			return [
				`The app calls GetUser with the ${token} token.`,
				`The pool returns ${context.user?.username}'s ${names.length} attributes (${names.join(', ')}).`
			];
		}
		case 'steal-tokens': {
			const keys = Object.keys(context.stolen ?? {});
			const user = context.stolen?.[keys.find((k) => k.endsWith('.LastAuthUser')) ?? ''];
			const host = exchanges[0] ? new URL(exchanges[0].request.url).host : 'the attacker';
			return [
				`A script injected into the page reads localStorage: ${keys.length} keys amazon-cognito-identity-js wrote there (${keys.map(keyTail).join(', ')}), ${user}'s three tokens among them. It posts them to ${host}.`,
				`The collector answers ${exchanges[0]?.response.status ?? 'nothing'}: the attacker now holds the ID, access and refresh tokens.`
			];
		}
		case 'attacker-get-user': {
			const view = context.attackerView;
			const email = view?.attributes.email;
			return [
				'The attacker calls GetUser from their own machine, with the stolen access token.',
				`Nothing in it says who is asking, and the pool answers as it answered the app: ${view?.username}'s ${Object.keys(view?.attributes ?? {}).length} attributes${email ? `, email ${email} among them` : ''}. Whoever holds a bearer token is the user.`
			];
		}
		case 'access-token-expires': {
			const moved = `The clock moves ${duration(endedAt - startedAt)} to ${clockTime(endedAt)}, past the access token's exp (${clockTime(expOf(context.tokens?.accessToken) * 1000)}).`;
			return context.failure
				? [`${moved} The app still calls GetUser with the expired access token.`, '']
				: [
						moved,
						'The app read exp itself, so it sends nothing with the dead token: it refreshes.'
					];
		}
		case 'refresh-tokens':
		case 'refresh-after-sign-out': {
			const after = step === 'refresh-after-sign-out' ? ' it still holds after the sign-out' : '';
			const r = context.refresh;
			return [
				`The app sends REFRESH_TOKEN_AUTH with the refresh token${after}.`,
				`The pool returns a new ID token and access token (valid ${r?.tokens.expiresIn} s) ${
					r?.returnedRefreshToken
						? 'and a new RefreshToken, which the app stores.'
						: 'and no RefreshToken: the app keeps the one it has.'
				}`
			];
		}
		case 'global-sign-out':
			return [
				'The app calls GlobalSignOut with the access token.',
				"The pool revokes all of the user's refresh tokens and refuses their access tokens from now on; copies of the JWTs still pass a local signature-and-exp check until exp."
			];
	}
}

/** How a failure reads in a caption: who refused, the error type and message. */
export function refusal(failure: SignInFailure): string {
	const who = failure.source === 'user-pool' ? 'The pool refuses' : 'The app refuses';
	return `${who}: ${failure.__type}: ${failure.message}`;
}

const issued = (context: UserPoolSignInContext) =>
	`an ID token, an access token (valid ${context.tokens?.expiresIn} s) and a refresh token`;

function requestBody(exchange: Exchange | undefined): unknown {
	try {
		return JSON.parse(exchange?.request.body ?? '{}');
	} catch {
		return {};
	}
}

function fields(value: unknown): Record<string, string | undefined> {
	return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
}

const made = (context: UserPoolSignInContext, mistake: UserPoolSignInMistakeId) =>
	context.input.mistakes.includes(mistake);

/** The token's `scope` claim, decoded without verification (for a caption only). */
function scopeOf(token: string | undefined): string | undefined {
	try {
		const scope = token ? decodeJwt(token).scope : undefined;
		return typeof scope === 'string' ? scope : undefined;
	} catch {
		return undefined;
	}
}

/** The token's `exp`, decoded without verification (for a caption only). */
function expOf(token: string | undefined): number {
	try {
		return token ? (decodeJwt(token).exp ?? NaN) : NaN;
	} catch {
		return NaN;
	}
}

/** `….alice.idToken` for `CognitoIdentityServiceProvider.<clientId>.alice.idToken`. */
const keyTail = (key: string) => `…${key.slice(key.indexOf('.', key.indexOf('.') + 1))}`;

const short = (value: string | undefined) => (value ? `${value.slice(0, 4)}…` : '(none)');

const hexDigits = (value: string | undefined) => `${value?.length ?? 0} hex digits`;

/** `1 h 0 min 1 s`, leading zero units left out. */
function duration(ms: number): string {
	const s = Math.round(ms / 1000);
	const parts = [
		[Math.floor(s / 3600), 'h'],
		[Math.floor((s % 3600) / 60), 'min'],
		[s % 60, 's']
	] as const;
	const first = parts.findIndex(([n]) => n > 0);
	if (first === -1) return '0 s';
	return parts
		.slice(first)
		.map(([n, unit]) => `${n} ${unit}`)
		.join(' ');
}
