import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '$lib/cloud';
import { createCookieJar, type CookieJar } from '$lib/cloud/browser/cookie-jar';
import { navigate } from '$lib/cloud/browser/navigate';
import { bodyText } from '$lib/cloud/wire/http-message';
import {
	advanceTime,
	cognitoClient,
	jwksOverTheNetwork,
	legacyClientId,
	unpinTime,
	webClientId
} from '../../support';
import { appAuthorizationRequest } from '../../support/oauth-app';
import { pinnedCloud } from '../../support/pinned-cloud';

// oauth4webapi (panva) is the app's OIDC client here, and the judge: it discovers the pool,
// builds the authorization request, checks the callback and every token response as the specs
// require. The browser between them is the simulated one: cookies and one exchange per redirect.

const issuer = new URL('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01');
const callback = 'https://app.example.com/callback';
const workerId = '7m8flowlab9notesworker0e1f';
const workerSecret = '2w3e4r5t6y7u8i9o0pflowlabworkersecretdonotuse11';

let cloud: Cloud;
let jar: CookieJar;
let as: oauth.AuthorizationServer;
const web: oauth.Client = { client_id: webClientId };

beforeEach(async () => {
	cloud = pinnedCloud();
	jar = createCookieJar(cloud.clock);
	const options = { [oauth.customFetch]: cloud.fetch };
	as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
});
afterEach(unpinTime);

const viaCloud = {
	[oauth.customFetch]: (...args: Parameters<typeof fetch>) => cloud.fetch(...args)
};
const leavesForApp = (url: string) => url.startsWith('https://app.example.com/');

/** The browser goes to `url` and follows managed login until it is sent back to the app. */
function browse(url: string, form?: Record<string, string>) {
	return navigate(
		(r) => cloud.send(r, { from: 'app' }),
		jar,
		{ url, form, crossSite: !form },
		leavesForApp
	);
}

/** The authorization request an SPA builds with oauth4webapi, PKCE and nonce included. */
async function authorizationRequest(scope = 'openid email profile flow-lab/notes.read') {
	const request = await appAuthorizationRequest(as, {
		client_id: webClientId,
		redirect_uri: callback,
		scope
	});
	return { ...request, openid: scope.split(' ').includes('openid') };
}

/** Through managed login's form: authorize, the form page, the post, back to the app. */
async function signInThroughForm(
	authorizeUrl: string,
	username = 'alice',
	password = 'Correct-Horse-42'
) {
	const page = await browse(authorizeUrl);
	expect(page.response.status).toBe(200);
	const csrf = /name="_csrf" value="([^"]+)"/.exec(bodyText(page.response))?.[1];
	expect(csrf).toBeTruthy();
	return browse(page.url, { _csrf: csrf!, username, password });
}

async function redeem(
	request: Awaited<ReturnType<typeof authorizationRequest>>,
	callbackUrl: string
) {
	const params = oauth.validateAuthResponse(as, web, new URL(callbackUrl), request.state);
	const response = await oauth.authorizationCodeGrantRequest(
		as,
		web,
		oauth.None(),
		params,
		callback,
		request.verifier,
		viaCloud
	);
	// An OAuth 2.0 response without openid: oauth4webapi then refuses any ID token it is sent.
	const expected = request.openid ? { expectedNonce: request.nonce } : {};
	return oauth.processAuthorizationCodeResponse(as, web, response, expected);
}

describe('managed login judged by oauth4webapi', () => {
	it('discovers the endpoints on the pool domain', () => {
		expect(as.authorization_endpoint).toBe(
			'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/authorize'
		);
		expect(as.token_endpoint).toBe(
			'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/token'
		);
	});

	it('runs the authorization code grant with PKCE: form, code, tokens that pass every check', async () => {
		const request = await authorizationRequest();
		const back = await signInThroughForm(request.url);
		expect(back.leftFor).toMatch(
			/^https:\/\/app\.example\.com\/callback\?code=[0-9a-f-]{36}&state=/
		);

		const tokens = await redeem(request, back.leftFor!);
		expect(tokens.token_type).toBe('bearer'); // oauth4webapi normalises the case
		const id = oauth.getValidatedIdTokenClaims(tokens)!;
		expect(id).toMatchObject({
			iss: issuer.href,
			aud: webClientId,
			nonce: request.nonce,
			token_use: 'id'
		});
		expect(id['cognito:username']).toBe('alice');
		expect(typeof id.at_hash).toBe('string');
		expect(tokens.refresh_token).toBeTruthy();

		const access = decodeJwt(tokens.access_token);
		expect(access.scope).toBe('openid email profile flow-lab/notes.read');
		expect(access.client_id).toBe(webClientId);
		expect(access).not.toHaveProperty('aud');

		// aws-jwt-verify, the verifier a back end would use, accepts both.
		const jwks = await jwksOverTheNetwork(cloud);
		for (const tokenUse of ['id', 'access'] as const) {
			const verifier = CognitoJwtVerifier.create({
				userPoolId: 'us-east-1_FlowLab01',
				tokenUse,
				clientId: webClientId
			});
			verifier.cacheJwks(jwks);
			await verifier.verify(tokenUse === 'id' ? tokens.id_token! : tokens.access_token);
		}
	});

	it('a second authorize in the same browser skips the form: the session cookie', async () => {
		const first = await authorizationRequest();
		const signedIn = await redeem(first, (await signInThroughForm(first.url)).leftFor!);
		advanceTime(10 * 60_000);
		const again = await authorizationRequest();
		const back = await browse(again.url);
		expect(back.leftFor).toMatch(/[?&]code=/);
		const tokens = await redeem(again, back.leftFor!);
		// The same sign-in: auth_time is the form's, ten minutes earlier, not the second authorize's.
		const a = oauth.getValidatedIdTokenClaims(signedIn)!;
		const b = oauth.getValidatedIdTokenClaims(tokens)!;
		expect(b.auth_time).toBe(a.auth_time);
		expect(b.iat - a.iat).toBe(600);
		expect(
			jar
				.list()
				.map((c) => c.name)
				.sort()
		).toEqual(['XSRF-TOKEN', 'cognito']);
		expect(jar.visibleToScript('https://flow-lab.auth.us-east-1.amazoncognito.com/')).toBe('');
	});

	it('grants only the scopes the client allows, and no ID token without openid', async () => {
		const request = await authorizationRequest(
			'flow-lab/notes.read phone aws.cognito.signin.user.admin'
		);
		const tokens = await redeem(request, (await signInThroughForm(request.url)).leftFor!);
		expect(tokens.id_token).toBeUndefined();
		expect(decodeJwt(tokens.access_token).scope).toBe('flow-lab/notes.read');
	});

	it('a code works once, and only with its verifier', async () => {
		const request = await authorizationRequest();
		const callbackUrl = (await signInThroughForm(request.url)).leftFor!;
		const params = oauth.validateAuthResponse(as, web, new URL(callbackUrl), request.state);
		const wrong = await oauth.authorizationCodeGrantRequest(
			as,
			web,
			oauth.None(),
			params,
			callback,
			oauth.generateRandomCodeVerifier(),
			viaCloud
		);
		await expect(oauth.processAuthorizationCodeResponse(as, web, wrong)).rejects.toMatchObject({
			code: 'OAUTH_RESPONSE_BODY_ERROR',
			error: 'invalid_grant',
			status: 400
		});
		// The failed attempt used the code up, as RFC 6749 asks.
		await expect(redeem(request, callbackUrl)).rejects.toMatchObject({ error: 'invalid_grant' });
	});

	it('a code expires after 5 minutes', async () => {
		const request = await authorizationRequest();
		const callbackUrl = (await signInThroughForm(request.url)).leftFor!;
		advanceTime(5 * 60_000);
		await expect(redeem(request, callbackUrl)).rejects.toMatchObject({ error: 'invalid_grant' });
	});

	it('refreshes: new access and ID tokens with the same scopes, no new refresh token', async () => {
		const request = await authorizationRequest();
		const first = await redeem(request, (await signInThroughForm(request.url)).leftFor!);
		advanceTime(60_000);
		const response = await oauth.refreshTokenGrantRequest(
			as,
			web,
			oauth.None(),
			first.refresh_token!,
			viaCloud
		);
		const refreshed = await oauth.processRefreshTokenResponse(as, web, response);
		expect(refreshed.refresh_token).toBeUndefined();
		expect(decodeJwt(refreshed.access_token).scope).toBe(decodeJwt(first.access_token).scope);
		const [a, b] = [
			oauth.getValidatedIdTokenClaims(first)!,
			oauth.getValidatedIdTokenClaims(refreshed)!
		];
		expect(b.auth_time).toBe(a.auth_time);
		expect(b.iat).toBeGreaterThan(a.iat);
	});

	it('client credentials: the notes worker gets an access token for its custom scope', async () => {
		const worker: oauth.Client = { client_id: workerId };
		for (const auth of [
			oauth.ClientSecretBasic(workerSecret),
			oauth.ClientSecretPost(workerSecret)
		]) {
			const response = await oauth.clientCredentialsGrantRequest(as, worker, auth, {}, viaCloud);
			const tokens = await oauth.processClientCredentialsResponse(as, worker, response);
			expect(tokens.id_token).toBeUndefined();
			expect(decodeJwt(tokens.access_token)).toMatchObject({
				sub: workerId,
				client_id: workerId,
				token_use: 'access',
				scope: 'flow-lab/notes.read'
			});
		}
		const wrong = await oauth.clientCredentialsGrantRequest(
			as,
			worker,
			oauth.ClientSecretBasic('not-it'),
			{},
			viaCloud
		);
		await expect(oauth.processClientCredentialsResponse(as, worker, wrong)).rejects.toMatchObject({
			error: 'invalid_client'
		});
		const web = await oauth.clientCredentialsGrantRequest(
			as,
			{ client_id: webClientId },
			oauth.None(),
			{},
			viaCloud
		);
		await expect(
			oauth.processClientCredentialsResponse(as, { client_id: webClientId }, web)
		).rejects.toMatchObject({
			error: 'unauthorized_client'
		});
	});

	it('userInfo: the attributes the scopes reach; an InitiateAuth access token is refused', async () => {
		const request = await authorizationRequest('openid email');
		const tokens = await redeem(request, (await signInThroughForm(request.url)).leftFor!);
		const sub = oauth.getValidatedIdTokenClaims(tokens)!.sub;
		const response = await oauth.userInfoRequest(as, web, tokens.access_token, viaCloud);
		const info = await oauth.processUserInfoResponse(as, web, sub, response);
		// email, not the profile's name: the token has no profile scope.
		expect(info).toEqual({
			sub,
			email: 'alice@example.com',
			email_verified: 'true',
			username: 'alice'
		});

		// An access token from the user-pool API has no openid scope.
		const api = await cognitoClient(cloud.fetch).send(
			new InitiateAuthCommand({
				AuthFlow: 'USER_PASSWORD_AUTH',
				ClientId: legacyClientId,
				AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct-Horse-42' }
			})
		);
		const apiToken = api.AuthenticationResult!.AccessToken!;
		const refused = await oauth.userInfoRequest(as, web, apiToken, viaCloud);
		expect(refused.status).toBe(401);
		expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
	});

	it('revocation ends the refresh token and its access tokens, and answers 200 again', async () => {
		const request = await authorizationRequest();
		const tokens = await redeem(request, (await signInThroughForm(request.url)).leftFor!);
		for (let i = 0; i < 2; i++) {
			const response = await oauth.revocationRequest(
				as,
				web,
				oauth.None(),
				tokens.refresh_token!,
				viaCloud
			);
			await oauth.processRevocationResponse(response);
		}
		const refresh = await oauth.refreshTokenGrantRequest(
			as,
			web,
			oauth.None(),
			tokens.refresh_token!,
			viaCloud
		);
		await expect(oauth.processRefreshTokenResponse(as, web, refresh)).rejects.toMatchObject({
			error: 'invalid_grant'
		});
		const info = await oauth.userInfoRequest(as, web, tokens.access_token, viaCloud);
		expect(info.status).toBe(401);
		const jwt = await oauth.revocationRequest(as, web, oauth.None(), tokens.access_token, viaCloud);
		await expect(oauth.processRevocationResponse(jwt)).rejects.toMatchObject({
			error: 'unsupported_token_type'
		});
	});

	it('logout ends the session: the next authorize shows the form again', async () => {
		await signInThroughForm((await authorizationRequest()).url);
		const out = new URL('https://flow-lab.auth.us-east-1.amazoncognito.com/logout');
		out.search = new URLSearchParams({
			client_id: webClientId,
			logout_uri: 'https://app.example.com/'
		}).toString();
		const left = await browse(out.href);
		expect(left.leftFor).toBe('https://app.example.com/');
		expect(jar.list().map((c) => c.name)).not.toContain('cognito');
		const again = await browse((await authorizationRequest()).url);
		expect(again.leftFor).toBeUndefined();
		expect(bodyText(again.response)).toContain('name="_csrf"');
	});
});
