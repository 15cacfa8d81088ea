import { clockTime } from '../shared/clock-time';
import type { FlowStepFacts } from '../run-machine';
import type { SocialSignInStepId } from './definition';
import { codeWaitMs } from './actors/let-code-expire';
import type { SocialSignInContext, SocialSignInFailure } from './social-sign-in-types';

/**
 * One or two sentences for the lesson's caption, from the real values of the run (the challenge,
 * the federated username, the scopes granted, the refusal), so the words match the exchanges.
 *
 * @example captionForStep({ step: 'authorize', context, exchanges, startedAt, endedAt })
 */
export function captionForStep(facts: FlowStepFacts<SocialSignInContext>): string {
	const { context } = facts;
	const step = facts.step as SocialSignInStepId;
	const [did, answer] = captionParts(step, context, facts);
	const ended = context.failure !== null && isLastStep(facts);
	return `${did} ${ended ? refusal(context.failure!) : answer}`;
}

/** The failure belongs to the step that was current when the run stopped. */
function isLastStep(facts: FlowStepFacts<SocialSignInContext>): boolean {
	const { context } = facts;
	const stepOfFailure: Partial<Record<SocialSignInStepId, boolean>> = {
		discover: !context.server,
		authorize: !!context.server && !context.request,
		'sign-in-at-google': !!context.request && !context.googleResponse,
		'idp-response': !!context.googleResponse && !context.callbackUrl,
		'attacker-redeems-code': context.refusedSteps.includes('attacker-redeems-code'),
		'check-callback': !!context.callbackUrl && !context.code && !context.tokens,
		'redeem-code': !!context.code && !context.tokens,
		'redeem-again': !!context.tokens && !context.userInfo,
		'user-info': !!context.tokens && !context.userInfo,
		'user-info-after-logout': !!context.userInfo && !context.userInfoAfterLogout,
		'password-sign-in': !!context.userInfo && !context.passwordUser
	};
	return stepOfFailure[facts.step as SocialSignInStepId] ?? false;
}

function captionParts(
	step: SocialSignInStepId,
	context: SocialSignInContext,
	facts: FlowStepFacts<SocialSignInContext>
): [string, string] {
	const { input, request, tokens } = context;
	const claims = tokens?.idClaims ?? {};
	switch (step) {
		case 'discover':
			return [
				`The app fetches ${input.issuer}/.well-known/openid-configuration, as oauth4webapi does: all it was configured with is the issuer.`,
				`The pool answers with its endpoints, on its own domain: authorization at ${context.server?.authorization_endpoint}, tokens at ${context.server?.token_endpoint}.`
			];
		case 'authorize': {
			const pkce = !input.mistakes.includes('code-stolen-without-pkce');
			const nonce = input.mistakes.includes('nonce-not-checked') ? 'no nonce' : 'a nonce';
			const challenge = request?.codeChallenge ? `, ${request.codeChallenge},` : '';
			return [
				pkce
					? `The app keeps a random code_verifier and sends the browser to /oauth2/authorize with its SHA-256${challenge} as the code_challenge, a fresh state, ${nonce}, scope "${input.scope}" and identity_provider=${input.identityProvider}.`
					: `The app sends the browser to /oauth2/authorize with scope "${input.scope}", identity_provider=${input.identityProvider}, a state and ${nonce}, but no code_challenge: no PKCE.`,
				`Managed login checks the client and its redirect URI ${input.redirectUri}, keeps the request, and sends the browser to Google with Cognito's own client id and /oauth2/idpresponse as the redirect URI. Google shows its sign-in page.`
			];
		}
		case 'sign-in-at-google':
			return [
				`The user signs in to Google as ${input.login.email} and agrees to share their name, email and picture.`,
				`Google sends the browser to Cognito's /oauth2/idpresponse with a code of Google's, for Cognito. The app has not seen anything from Google, and never will.`
			];
		case 'idp-response': {
			const twin = input.usersWithSameEmail.length
				? ` It is a second user: ${input.usersWithSameEmail.join(', ')} already has ${input.login.email} and signs in with a password.`
				: '';
			return [
				`The browser brings Google's code to /oauth2/idpresponse. While it waits, Cognito redeems the code at Google's token endpoint with its client secret and checks Google's ID token with Google's keys.`,
				`Cognito makes or updates the federated user ${input.identityProvider}_${input.googleSub}, maps Google's claims to its attributes, and sends the browser back to ${input.redirectUri} with a code of its own.${twin}`
			];
		}
		case 'attacker-redeems-code':
			return context.attackerTokens
				? [
						`The attacker copies the code from the callback URL and posts it to /oauth2/token with the public client id and the redirect URI, before the app does.`,
						`Cognito cannot tell them apart from the app: the sign-in had no code_challenge, so nothing else is asked. The attacker now holds ${input.login.email}'s ID, access and refresh tokens.`
					]
				: [
						`The attacker copies the code from the callback URL and posts it to /oauth2/token with the public client id and the redirect URI, but without a code_verifier: it never left the app.`,
						`Cognito refuses: ${context.failure?.code ?? 'invalid_grant'}. The code was issued for a code_challenge, and only its verifier can redeem it.`
					];
		case 'check-callback':
			if (input.mistakes.includes('implicit-grant'))
				return [
					`The browser comes back to ${input.redirectUri} with the tokens in the URL's fragment: access_token, id_token, expires_in and the state, which the app checks itself.`,
					`There is no refresh token: the implicit grant never issues one. The tokens have been in the address bar, and the browser's history holds them.`
				];
			return [
				`The callback page reads its URL and checks, with oauth4webapi, that state is the one it stored before leaving and that no error came back.`,
				`It matches: the app takes the code, ${context.code}.`
			];
		case 'code-expires':
			return [
				`The app waits ${codeWaitMs / 60_000} minutes before redeeming the code.`,
				`The clock moves from ${clockTime(facts.startedAt)} to ${clockTime(facts.endedAt)}: the code, valid for five minutes, has expired.`
			];
		case 'redeem-code': {
			const secret = input.clientSecret
				? ` It also sends the client secret in Authorization: Basic: anyone can read it in the app's code.`
				: '';
			return [
				`The app posts the code to /oauth2/token with the same redirect URI and ${request?.codeVerifier ? 'its code_verifier' : 'no code_verifier'}.${secret}`,
				`Cognito hashes the verifier, finds the challenge it kept, and answers with an ID token, an access token with scope "${scopeOf(tokens?.accessToken)}" and a refresh token. oauth4webapi checks the ID token's iss, aud, exp and ${request?.nonce ? 'nonce' : 'no nonce: the app sent none, so it cannot tell this token from one of another sign-in'}: it is for ${String(claims['cognito:username'] ?? '')}.`
			];
		}
		case 'redeem-again':
			return [
				`The callback page runs again (a reload) and posts the same code to /oauth2/token.`,
				`A code is good for one redemption.`
			];
		case 'user-info':
			return [
				`The app calls /oauth2/userInfo with the access token in Authorization: Bearer.`,
				`Cognito answers with the user's attributes: sub ${String(context.userInfo?.sub ?? '')}, email ${String(context.userInfo?.email ?? '')}, and the username ${String(context.userInfo?.username ?? '')}.`
			];
		case 'log-out':
			return [
				`The app sends the browser to /logout with its client id and its sign-out URL ${input.logoutUri}.`,
				`Managed login ends its session and clears its cookie, then sends the browser back to the app. The app drops the tokens it holds, it believes for good.`
			];
		case 'password-sign-in': {
			const twin = context.passwordUser;
			return [
				`Later, on another device, the same person signs in through managed login's own form as ${input.twin?.username ?? 'the pool user'}, with the password, and the app redeems the code as before.`,
				`Cognito answers with tokens for ${twin?.username}, sub ${twin?.sub}: not ${String(claims['cognito:username'] ?? '')}, whose sub is ${String(claims.sub ?? '')}. One email, two users, until they are linked.`
			];
		}
		case 'user-info-after-logout':
			return [
				`Anyone who kept a copy of the access token calls /oauth2/userInfo with it after /logout.`,
				`Cognito still answers with ${String(context.userInfoAfterLogout?.email ?? 'the user')}'s attributes: /logout ended the managed-login session, not the tokens.`
			];
	}
}

function scopeOf(accessToken: string | undefined): string {
	if (!accessToken) return '';
	try {
		const payload = JSON.parse(
			atob(accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))
		);
		return typeof payload.scope === 'string' ? payload.scope : '';
	} catch {
		return '';
	}
}

const refuser: Record<SocialSignInFailure['service'], string> = {
	'managed-login': 'Managed login refuses',
	'external-idp': 'Google refuses',
	'user-pool': 'The user pool refuses',
	app: 'The app refuses'
};

/** How a refusal reads in a caption: who refused, with which status, error and message. */
function refusal(failure: SocialSignInFailure): string {
	const status = failure.status ? ` with ${failure.status}` : '';
	const message = failure.message ? `: ${failure.message}` : '';
	return `${refuser[failure.service]}${status}: ${failure.code}${message}`;
}
