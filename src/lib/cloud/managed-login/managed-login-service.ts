import type { Service, ServiceCall, ServiceContext } from '../service';
import { AwsServiceError } from '../wire';
import type { WireRequest, WireResponse } from '../wire/http-message';
import { issueOAuthTokens } from '../user-pool/issue-tokens';
import { checkLockout, recordFailure, recordSuccess } from '../user-pool/lockout';
import type { PoolUser, UserPoolModel } from '../user-pool/model';
import { checkPasswordPolicy } from '../user-pool/password-policy';
import { totpVerify } from '$lib/crypto';
import { formOrEmpty, singleParam } from '../oauth/oauth-form';
import { checkAuthorizeRequest, type AuthorizeRequest } from './authorize-request';
import {
	FederationError,
	federatedUser,
	identityFromClaims,
	idpResponsePath,
	providerAuthorizeUrl,
	redeemProviderCode
} from './federation';
import type { SamlIdentityProviderScenario } from '../scenario';
import { samlAuthnRequestUrl, samlRequestId, samlResponsePath } from './saml-authn-request';
import { createSamlMetadataCache } from './saml-metadata';
import { verifySamlResponse } from './saml-response';
import { requestCookies } from '../oauth/request-cookies';
import { sessionCookie, setCookie, xsrfCookie } from './cookies';
import { challengePage, challengePaths, loginPage, type LoginChallenge } from './login-page';
import {
	createManagedLoginState,
	sessionLifetimeMs,
	type LoginSession
} from './managed-login-state';
import { errorPage, redirect, TokenError, tokenErrorResponse } from '../oauth/oauth-responses';
import { logout } from './logout';
import { revokeEndpoint } from './revoke-endpoint';
import { tokenEndpoint } from './token-endpoint';
import { userInfo } from './user-info';

/**
 * Managed login, behaving as the classic hosted UI does (cognito.md §5): `/oauth2/authorize`,
 * its own sign-in form at `/login` (with the `XSRF-TOKEN` cookie and a session cookie, so a second
 * authorize skips the form), federation with Google (`/oauth2/idpresponse`) and SAML providers
 * (`/saml2/idpresponse`), `/oauth2/token`, `/oauth2/userInfo`, `/oauth2/revoke` and `/logout`. It shares the user pool's model: the same users,
 * lockout, keys and refresh tokens as the user-pool API.
 */
export function createManagedLoginService(context: ServiceContext, model: UserPoolModel): Service {
	const state = createManagedLoginState(model);
	const host = new URL(model.domain).host;
	const samlMetadata = createSamlMetadataCache();

	async function answer(request: WireRequest, url: URL, call: ServiceCall): Promise<WireResponse> {
		const route = `${request.method} ${url.pathname}`;
		// The two endpoints an app calls with a form and reads JSON errors from.
		const formEndpoint =
			url.pathname === '/oauth2/token'
				? () => tokenEndpoint(model, state, request)
				: url.pathname === '/oauth2/revoke'
					? () => revokeEndpoint(model, request)
					: null;
		if (formEndpoint) {
			try {
				return await formEndpoint();
			} catch (error) {
				if (error instanceof TokenError) return tokenErrorResponse(error);
				throw error;
			}
		}
		if (route === 'GET /oauth2/userInfo') return userInfo(model, request);
		if (route === 'GET /logout')
			return logout(model, state, url.searchParams, requestCookies(request).get(sessionCookie));
		if (route === `GET ${idpResponsePath}`) return idpResponse(url.searchParams, call);
		if (route === `POST ${samlResponsePath}`) return samlResponse(request, call);
		if (route === 'GET /oauth2/authorize') return authorize(request, url, call);
		if (route === 'GET /login') return showLogin(request, url);
		if (route === 'POST /login') return signIn(request, url);
		for (const challenge of ['new-password', 'mfa'] as const)
			if (route === `POST ${challengePaths[challenge]}`)
				return answerChallenge(challenge, request, url);
		return errorPage(404, `Nothing is served at ${request.method} ${url.pathname}.`);
	}

	async function authorize(
		request: WireRequest,
		url: URL,
		call: ServiceCall
	): Promise<WireResponse> {
		const check = checkedRequest(url);
		if ('answer' in check) return check.answer;
		const cookies = requestCookies(request);
		const session = liveSession(cookies.get(sessionCookie));
		if (session) return finish(check.request, session);
		// Straight to an external provider when the app names one, or when it is the client's only one.
		const providers = check.request.client.supportedIdentityProviders ?? [];
		const named =
			check.request.identityProvider ?? (providers.length === 1 ? providers[0] : undefined);
		const idp = model.pool.identityProviders?.find((p) => p.providerName === named);
		if (idp?.providerType === 'SAML') return toSamlProvider(check.request, idp, call);
		if (idp) {
			const { state: cognitoState, nonce } = state.startFederation(check.request, idp.providerName);
			return redirect(providerAuthorizeUrl(model, idp, cognitoState, nonce));
		}
		// Not signed in here yet: the form, with a fresh anti-forgery token (§5.2b).
		return redirect(`/login${url.search}`, [setCookie(xsrfCookie, context.random.uuid())]);
	}

	function showLogin(request: WireRequest, url: URL): WireResponse {
		const check = checkedRequest(url);
		if ('answer' in check) return check.answer;
		const existing = requestCookies(request).get(xsrfCookie);
		const csrf = existing ?? context.random.uuid();
		return loginPage({
			query: url.search.slice(1),
			csrf,
			setCookies: existing ? [] : [setCookie(xsrfCookie, csrf)],
			providers: federatedProviders(check.request)
		});
	}

	async function signIn(request: WireRequest, url: URL): Promise<WireResponse> {
		const posted = postedPage(request, url);
		if ('answer' in posted) return posted.answer;
		const { check, form, csrf, query } = posted;
		const username = form.get('username') ?? '';
		const again = (problem: string) =>
			loginPage({
				query,
				csrf,
				problem,
				username,
				status: 400,
				providers: federatedProviders(check.request)
			});
		const user = model.findUser(username);
		// One message for an unknown user and a wrong password: the form reveals no usernames.
		if (
			!user ||
			!user.enabled ||
			user.status === 'RESET_REQUIRED' ||
			user.status === 'EXTERNAL_PROVIDER'
		)
			return again('Incorrect username or password.');
		try {
			checkLockout(model, user);
		} catch (error) {
			if (error instanceof AwsServiceError) return again(error.message);
			throw error;
		}
		if (form.get('password') !== user.password) {
			recordFailure(model, user);
			return again('Incorrect username or password.');
		}
		if (user.status === 'UNCONFIRMED') return again('User is not confirmed.');
		return nextStep(check.request, user, query, csrf);
	}

	/**
	 * After a right password, as the API's sign-in does (`nextSignInStep`): a temporary password
	 * is replaced first, then a user with an authenticator app gives its code, then the browser is
	 * signed in and sent on. Each challenge lives as long as the client's AuthSessionValidity.
	 */
	async function nextStep(
		request: AuthorizeRequest,
		user: PoolUser,
		query: string,
		csrf: string,
		codeGiven = false
	): Promise<WireResponse> {
		const challenge: LoginChallenge | null =
			user.status === 'FORCE_CHANGE_PASSWORD'
				? 'new-password'
				: user.totpSecret && model.pool.mfaConfiguration !== 'OFF' && !codeGiven
					? 'mfa'
					: null;
		if (challenge) {
			const session = state.openChallenge(
				user.username,
				request.client.authSessionValidity * 60_000
			);
			return challengePage({ challenge, query, csrf, session });
		}
		recordSuccess(user);
		const { id, session } = state.openSession(user);
		return finish(request, session, [setCookie(sessionCookie, id, sessionLifetimeMs / 1000)]);
	}

	/** The answer to a challenge page: a new password, or an authenticator code. */
	async function answerChallenge(
		challenge: LoginChallenge,
		request: WireRequest,
		url: URL
	): Promise<WireResponse> {
		const posted = postedPage(request, url);
		if ('answer' in posted) return posted.answer;
		const { check, form, csrf, query } = posted;
		const username = state.takeChallenge(form.get('session'));
		const user = username === undefined ? undefined : model.findUser(username);
		// A used or expired challenge: start again, as after an expired Session (§3.8).
		if (!user || !user.enabled)
			return loginPage({
				query,
				csrf,
				status: 400,
				problem: 'Your sign-in took too long or was already used. Sign in again.',
				providers: federatedProviders(check.request)
			});
		const validity = check.request.client.authSessionValidity * 60_000;
		const again = (problem: string) =>
			challengePage({
				challenge,
				query,
				csrf,
				problem,
				status: 400,
				session: state.openChallenge(user.username, validity)
			});
		if (challenge === 'new-password') {
			const password = form.get('password') ?? '';
			try {
				checkPasswordPolicy(password, model.pool.passwordPolicy);
			} catch (error) {
				if (error instanceof AwsServiceError) return again(error.message);
				throw error;
			}
			model.setPassword(user, password);
			user.status = 'CONFIRMED';
			return nextStep(check.request, user, query, csrf);
		}
		try {
			checkLockout(model, user);
		} catch (error) {
			if (error instanceof AwsServiceError) return again(error.message);
			throw error;
		}
		if (!(await totpVerify(user.totpSecret ?? '', form.get('code') ?? '', model.clock.now()))) {
			recordFailure(model, user);
			return again('Invalid code received for user');
		}
		return nextStep(check.request, user, query, csrf, true);
	}

	/**
	 * A form posted to one of managed login's pages: its authorization request checked again, and
	 * the anti-forgery check: the form must come back with the token of the cookie this browser
	 * holds. A page on another site can post the form but cannot read the cookie. ⚠ SIM: AWS's
	 * answer to a forged post is not documented; a 403 page here.
	 */
	function postedPage(
		request: WireRequest,
		url: URL
	):
		| { answer: WireResponse }
		| { check: { request: AuthorizeRequest }; form: URLSearchParams; csrf: string; query: string } {
		const check = checkedRequest(url);
		if ('answer' in check) return check;
		const form = formOrEmpty(request);
		const csrf = requestCookies(request).get(xsrfCookie);
		if (csrf === undefined || form.get('_csrf') !== csrf)
			return {
				answer: errorPage(
					403,
					'The sign-in form expired or did not come from this page. Start the sign-in again.'
				)
			};
		return { check, form, csrf, query: url.search.slice(1) };
	}

	/**
	 * The provider sends the browser back with its code (or an error). Cognito redeems the code
	 * itself, makes or updates the federated user, signs the browser in to managed login, and
	 * sends it on to the app with Cognito's own code. Problems reach the app as
	 * `error=invalid_request` with a description (cognito.md §5.2); an unknown `state` has no app
	 * to go back to, so it is a page.
	 */
	async function idpResponse(query: URLSearchParams, call: ServiceCall): Promise<WireResponse> {
		const pending = state.takeFederation(singleParam(query, 'state'));
		if (!pending)
			return errorPage(400, 'Invalid state: this sign-in was not started here, or it expired.');
		const { request } = pending;
		const back = (params: Record<string, string>) => backToApp(request, params);
		const idp = model.pool.identityProviders?.find((p) => p.providerName === pending.providerName);
		const code = singleParam(query, 'code');
		// ⚠ SIM: a refusal at the provider (the user cancelled) goes back as access_denied.
		if (idp?.providerType !== 'Google' || code === null)
			return back({ error: singleParam(query, 'error') ?? 'invalid_request' });
		try {
			const claims = await redeemProviderCode(model, idp, code, pending.nonce, call);
			const user = federatedUser(model, idp, identityFromClaims(idp, claims));
			const { id, session } = state.openSession(user);
			return finish(request, session, [setCookie(sessionCookie, id, sessionLifetimeMs / 1000)]);
		} catch (error) {
			if (error instanceof FederationError)
				return back({ error: 'invalid_request', error_description: error.message });
			throw error;
		}
	}

	/**
	 * To a SAML provider: the AuthnRequest by the redirect binding, with Cognito's own RelayState
	 * (the federation's state) and request ID (from its nonce). The IdP's metadata is read first
	 * if it is not known yet; if it cannot be read, the app hears why.
	 */
	async function toSamlProvider(
		request: AuthorizeRequest,
		idp: SamlIdentityProviderScenario,
		call: ServiceCall
	): Promise<WireResponse> {
		try {
			const metadata = await samlMetadata(idp, call);
			const { state: relayState, nonce } = state.startFederation(request, idp.providerName);
			return redirect(await samlAuthnRequestUrl(model, metadata, samlRequestId(nonce), relayState));
		} catch (error) {
			if (error instanceof FederationError)
				return backToApp(request, { error: 'invalid_request', error_description: error.message });
			throw error;
		}
	}

	/**
	 * The IdP posts the browser back with its signed answer (HTTP-POST binding). The RelayState
	 * names the sign-in Cognito started; without one it knows there is no app to go back to, so
	 * it shows a page (the message is the one users report; ⚠ SIM: a page). Then the response
	 * is checked (`verifySamlResponse`), the user made or updated, the browser signed in and
	 * sent on with Cognito's code. A refusal reaches the app as `error=server_error` with the
	 * reason, as observed from AWS (aws/aws-sdk-js-v3#6201).
	 */
	async function samlResponse(request: WireRequest, call: ServiceCall): Promise<WireResponse> {
		const form = formOrEmpty(request);
		const pending = state.takeFederation(singleParam(form, 'RelayState'));
		const idp = model.pool.identityProviders?.find((p) => p.providerName === pending?.providerName);
		if (!pending || idp?.providerType !== 'SAML')
			return errorPage(400, 'Invalid samlResponse or relayState from identity provider');
		try {
			const metadata = await samlMetadata(idp, call);
			const assertion = await verifySamlResponse(
				model,
				metadata,
				singleParam(form, 'SAMLResponse'),
				samlRequestId(pending.nonce)
			);
			const attributes: Record<string, string> = {};
			for (const [name, samlName] of Object.entries(idp.attributeMapping)) {
				const values = assertion.attributes[samlName];
				// ⚠ SIM: a multi-valued attribute is joined with commas.
				if (values?.length) attributes[name] = values.join(',');
			}
			const user = federatedUser(model, idp, {
				userId: assertion.nameId,
				issuer: assertion.issuer,
				attributes
			});
			const { id, session } = state.openSession(user);
			return finish(pending.request, session, [
				setCookie(sessionCookie, id, sessionLifetimeMs / 1000)
			]);
		} catch (error) {
			if (error instanceof FederationError)
				return backToApp(pending.request, {
					error: 'server_error',
					error_description: error.message
				});
			throw error;
		}
	}

	/** An error for the app at its checked redirect URI, with its state. */
	function backToApp(request: AuthorizeRequest, params: Record<string, string>): WireResponse {
		const to = new URL(request.redirectUri);
		for (const [k, v] of Object.entries(params)) to.searchParams.set(k, v);
		if (request.state !== undefined) to.searchParams.set('state', request.state);
		return redirect(to.href);
	}

	/** The external providers the client may use: the form offers each. */
	function federatedProviders(request: AuthorizeRequest): string[] {
		return (request.client.supportedIdentityProviders ?? []).filter((p) => p !== 'COGNITO');
	}

	/**
	 * The authorization request every page carries in its query, checked again on each page (a
	 * page is reachable directly); or the error page or error redirect to answer instead.
	 */
	function checkedRequest(url: URL): { request: AuthorizeRequest } | { answer: WireResponse } {
		const check = checkAuthorizeRequest(model, url.searchParams);
		if ('errorRedirect' in check) return { answer: redirect(check.errorRedirect) };
		return check;
	}

	function liveSession(id: string | undefined): LoginSession | undefined {
		const session = state.session(id);
		const user = session && model.findUser(session.username);
		return user?.enabled ? session : undefined;
	}

	/** Back to the app: a code in the query, or (implicit grant) tokens in the fragment (§5.2). */
	async function finish(
		request: AuthorizeRequest,
		session: LoginSession,
		setCookies: string[] = []
	): Promise<WireResponse> {
		const to = new URL(request.redirectUri);
		if (request.responseType === 'code') {
			to.searchParams.set('code', state.issueCode(request, session));
			if (request.state !== undefined) to.searchParams.set('state', request.state);
			return redirect(to.href, setCookies);
		}
		const user = model.findUser(session.username)!;
		const tokens = await issueOAuthTokens(model, {
			user,
			client: request.client,
			authTime: session.authTime,
			oauth: {
				scopes: request.scopes,
				...(request.nonce !== undefined ? { nonce: request.nonce } : {})
			}
		});
		// No refresh token with the implicit grant, and `bearer` in lower case here (§5.2).
		const fragment = new URLSearchParams({
			...(tokens.idToken ? { id_token: tokens.idToken } : {}),
			access_token: tokens.accessToken,
			token_type: 'bearer',
			expires_in: String(tokens.expiresIn),
			...(request.state !== undefined ? { state: request.state } : {})
		});
		to.hash = fragment.toString();
		return redirect(to.href, setCookies);
	}

	return {
		actor: 'managed-login',
		matches: (url) => url.protocol === 'https:' && url.host === host,
		async handle(request, call) {
			try {
				return await answer(request, new URL(request.url), call);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				return errorPage(500, `Managed login failed: ${message}`);
			}
		}
	};
}
