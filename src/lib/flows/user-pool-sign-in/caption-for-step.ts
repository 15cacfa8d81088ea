import type { Exchange } from '$lib/cloud';
import type { UserPoolSignInStepId } from './definition';
import type { SignInFailure } from './sign-in-error';
import type { UserPoolSignInContext } from './sign-in-types';

/** What a caption is computed from: the step's context at its end and what it sent. */
export interface StepFacts {
	step: UserPoolSignInStepId;
	context: UserPoolSignInContext;
	exchanges: readonly Exchange[];
}

/**
 * One or two sentences for the lesson's caption, from the real values of the run (salt, code,
 * times, error). Unverified values are never presented as facts about the user.
 *
 * @example captionForStep({ step: 'initiate-auth', context, exchanges })
 * // 'The app sends USERNAME alice and SRP_A (768 hex digits), never the password. The pool …'
 */
export function captionForStep({ step, context, exchanges }: StepFacts): string {
	const { failure } = context;
	const sent = (i = 0) => requestBody(exchanges[i]);
	switch (step) {
		case 'initiate-auth': {
			const auth = record(sent().AuthParameters);
			const hash = auth.SECRET_HASH ? ' and a SECRET_HASH' : '';
			const asked = `The app sends USERNAME ${auth.USERNAME ?? '?'} and SRP_A (${hexDigits(auth.SRP_A)})${hash}, never the password.`;
			if (failure) return `${asked} ${refusal(failure)}`;
			const p = context.challenge?.parameters ?? {};
			return `${asked} The pool answers with a PASSWORD_VERIFIER challenge: salt ${short(p.SALT)}, SRP_B (${hexDigits(p.SRP_B)}) and a SECRET_BLOCK.`;
		}
		case 'password-verifier': {
			const responses = record(sent().ChallengeResponses);
			const signed = `The app signs the SECRET_BLOCK and TIMESTAMP "${responses.TIMESTAMP ?? '?'}" with the key it derived from the password and USER_ID_FOR_SRP ${responses.USERNAME ?? '?'}.`;
			if (failure) return `${signed} ${refusal(failure)}`;
			if (context.nextChallenge?.challengeName === 'SOFTWARE_TOKEN_MFA')
				return `${signed} The password is right; the pool now asks for SOFTWARE_TOKEN_MFA, a code from the authenticator app.`;
			if (context.nextChallenge?.challengeName === 'NEW_PASSWORD_REQUIRED')
				return `${signed} The password is right but temporary; the pool answers NEW_PASSWORD_REQUIRED.`;
			return `${signed} ${issued(context)}`;
		}
		case 'software-token-mfa': {
			const code = record(sent().ChallengeResponses).SOFTWARE_TOKEN_MFA_CODE ?? '?';
			const typed = `The app sends the code ${code} with the challenge Session.`;
			return failure ? `${typed} ${refusal(failure)}` : `${typed} ${issued(context)}`;
		}
		case 'new-password-required': {
			const typed = 'The app sends the new password the user chose, with the challenge Session.';
			return failure ? `${typed} ${refusal(failure)}` : `${typed} The pool accepts it. ${issued(context)}`;
		}
		case 'verify-id-token': {
			if (failure) return `The app fetches the pool's JWKS and checks the ID token. ${refusal(failure)}`;
			const id = context.idToken;
			const claims = id?.claims ?? {};
			return `The app fetches the pool's JWKS (${id?.jwksKids.length ?? 0} keys) and verifies the ID token: kid ${short(id?.header.kid)} found, ${id?.header.alg ?? '?'} signature valid, exp ${clockTime(Number(claims.exp) * 1000)} not passed, iss and aud (${String(claims.aud)}) as expected, token_use id. Only now does it trust that this is ${String(claims['cognito:username'] ?? claims.sub)}.`;
		}
		case 'get-user': {
			const token = context.input.mistakes.includes('id-token-to-getuser') ? 'ID token' : 'access token';
			if (failure) return `The app calls GetUser with the ${token}. ${refusal(failure)}`;
			const user = context.user;
			const names = Object.keys(user?.attributes ?? {});
			return `The app calls GetUser with the ${token}; the pool returns ${user?.username ?? '?'}'s ${names.length} attributes (${names.join(', ')}).`;
		}
		case 'access-token-expires': {
			const e = context.expiry;
			const moved = e
				? `The access token's exp is ${clockTime(e.exp * 1000)}; the clock moves ${duration(e.to - e.from)} to ${clockTime(e.to)}.`
				: 'The clock moves past the access token\'s exp.';
			if (failure)
				return `${moved} The app still calls GetUser with the expired access token. ${refusal(failure)}`;
			return `${moved} The app read exp itself, so it sends nothing with the dead token and refreshes instead.`;
		}
		case 'refresh-tokens':
		case 'refresh-after-sign-out': {
			const sent0 = `The app sends REFRESH_TOKEN_AUTH with its refresh token${step === 'refresh-after-sign-out' ? ', after the global sign-out' : ''}.`;
			if (failure) return `${sent0} ${refusal(failure)}`;
			const r = context.refresh;
			const kept = r?.returnedRefreshToken
				? 'and a new RefreshToken, which the app stores.'
				: 'and no RefreshToken: the app keeps the one it has.';
			return `${sent0} The pool returns a new ID token and access token (valid ${r?.tokens.expiresIn ?? '?'} s) ${kept}`;
		}
		case 'global-sign-out':
			if (failure) return `The app calls GlobalSignOut with the access token. ${refusal(failure)}`;
			return 'The app calls GlobalSignOut with the access token: the pool revokes all of the user\'s refresh tokens and refuses their access tokens from now on. Copies of the JWTs still verify elsewhere until exp.';
	}
}

/** How a failure reads in a caption: who refused, the AWS error type and message. */
export function refusal(failure: SignInFailure): string {
	const who = failure.source === 'user-pool' ? 'The pool refuses' : 'The app refuses';
	return `${who}: ${failure.__type}: ${failure.message}`;
}

function issued(context: UserPoolSignInContext): string {
	const t = context.tokens;
	return `The pool issues an ID token, an access token (valid ${t?.expiresIn ?? '?'} s) and a refresh token.`;
}

function requestBody(exchange: Exchange | undefined): Record<string, unknown> {
	try {
		return record(JSON.parse(exchange?.request.body ?? '{}'));
	} catch {
		return {};
	}
}

function record(value: unknown): Record<string, string> {
	return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
}

const short = (value: string | undefined) => (value ? `${value.slice(0, 4)}…` : '?');

const hexDigits = (value: string | undefined) => `${value?.length ?? 0} hex digits`;

/** `01:23:45 UTC` of an epoch-ms time. */
export function clockTime(ms: number): string {
	return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(11, 19)} UTC` : '?';
}

/** `1 h 0 min 1 s`. */
function duration(ms: number): string {
	const s = Math.round(ms / 1000);
	const parts = [
		[Math.floor(s / 3600), 'h'],
		[Math.floor((s % 3600) / 60), 'min'],
		[s % 60, 's']
	] as const;
	const first = parts.findIndex(([n]) => n > 0);
	return first === -1 ? '0 s' : parts.slice(first).map(([n, unit]) => `${n} ${unit}`).join(' ');
}
