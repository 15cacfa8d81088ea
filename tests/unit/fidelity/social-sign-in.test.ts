import { GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cloud } from '$lib/cloud';
import { createCookieJar, type CookieJar } from '$lib/cloud/browser/cookie-jar';
import { navigate } from '$lib/cloud/browser/navigate';
import { bodyText } from '$lib/cloud/wire/http-message';
import { cloudRequestHandler, failure, unpinTime, webClientId } from '../../support';
import { cognitoIdentityClient } from '../../support/cognito-identity-client';
import { identityPoolId } from '../../support/identity-pool-cloud';
import { appAuthorizationRequest, formAction } from '../../support/oauth-app';
import { pinnedCloud } from '../../support/pinned-cloud';

// Social sign-in through managed login, judged by oauth4webapi twice: as the app's client of the
// user pool, and as a client of the simulated Google (whose ID tokens must pass every OIDC check).

const issuer = new URL('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01');
const google = new URL('https://accounts.google.com');
const callback = 'https://app.example.com/callback';
const idpResponse = 'https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/idpresponse';
const cognitoAtGoogle = { client_id: '123456789012-flowlab.apps.googleusercontent.com' };
const cognitoSecretAtGoogle = 'GOCSPX-flowlab-demo-secret-do-not-use';

let cloud: Cloud;
let jar: CookieJar;
const web: oauth.Client = { client_id: webClientId };
const viaCloud = () => ({
	[oauth.customFetch]: (...args: Parameters<typeof fetch>) => cloud.fetch(...args)
});

beforeEach(() => {
	cloud = pinnedCloud();
	jar = createCookieJar(cloud.clock);
});
afterEach(unpinTime);

/** The browser follows redirects until the app (or Cognito, for the Google-only test) gets them. */
function browse(url: string, form?: Record<string, string>, leaves = callback) {
	return navigate(
		(r) => cloud.send(r),
		jar,
		{ url, form },
		(u) => u.startsWith(leaves)
	);
}

/** Fills in whichever Google page the browser is on: sign-in, then consent. */
async function throughGoogle(
	start: string,
	email = 'alice@example.com',
	password = 'Google-Alice-42',
	leaves = callback
) {
	let at = await browse(start, undefined, leaves);
	for (let page = 0; at.leftFor === undefined && page < 3; page++) {
		const html = bodyText(at.response);
		if (!html.includes('<form')) break;
		const target = formAction(at);
		const form: Record<string, string> = html.includes('name="password"')
			? { email, password }
			: { approve: 'allow' };
		at = await browse(target, form, leaves);
	}
	return at;
}

async function poolServer() {
	return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, viaCloud()));
}

describe('the simulated Google, judged by oauth4webapi', () => {
	it('serves discovery, signs in, asks consent once, and issues ID tokens that verify', async () => {
		const as = await oauth.processDiscoveryResponse(
			google,
			await oauth.discoveryRequest(google, viaCloud())
		);
		const nonce = oauth.generateRandomNonce();
		const state = oauth.generateRandomState();
		const url = new URL(as.authorization_endpoint!);
		url.search = new URLSearchParams({
			client_id: cognitoAtGoogle.client_id,
			redirect_uri: idpResponse,
			response_type: 'code',
			scope: 'openid email profile',
			state,
			nonce
		}).toString();
		const back = await throughGoogle(url.href, 'dana@example.com', 'Google-Dana-42', idpResponse);
		const params = oauth.validateAuthResponse(as, cognitoAtGoogle, new URL(back.leftFor!), state);
		const response = await oauth.authorizationCodeGrantRequest(
			as,
			cognitoAtGoogle,
			oauth.ClientSecretPost(cognitoSecretAtGoogle),
			params,
			idpResponse,
			oauth.nopkce,
			viaCloud()
		);
		const tokens = await oauth.processAuthorizationCodeResponse(as, cognitoAtGoogle, response, {
			expectedNonce: nonce
		});
		// oauth4webapi checked iss, aud, azp, exp, iat and nonce; the signature is checked here
		// against the provider's published keys.
		const jwks = await (await cloud.fetch(as.jwks_uri!)).json();
		await jwtVerify(tokens.id_token!, createLocalJWKSet(jwks), {
			issuer: 'https://accounts.google.com'
		});
		const claims = oauth.getValidatedIdTokenClaims(tokens)!;
		expect(claims).toMatchObject({
			iss: 'https://accounts.google.com',
			sub: '104712036650935883421',
			email: 'dana@example.com',
			email_verified: true
		});
		expect(tokens.access_token).toMatch(/^ya29\./);
	});
});

describe('social sign-in through managed login', () => {
	async function signInWithGoogle(email = 'alice@example.com', password = 'Google-Alice-42') {
		const as = await poolServer();
		const { url, verifier, state, nonce } = await appAuthorizationRequest(as, {
			client_id: webClientId,
			redirect_uri: callback,
			scope: 'openid email profile',
			identity_provider: 'Google'
		});
		const back = await throughGoogle(url, email, password);
		const params = oauth.validateAuthResponse(as, web, new URL(back.leftFor!), state);
		const response = await oauth.authorizationCodeGrantRequest(
			as,
			web,
			oauth.None(),
			params,
			callback,
			verifier,
			viaCloud()
		);
		return oauth.processAuthorizationCodeResponse(as, web, response, { expectedNonce: nonce });
	}

	it("ends with Cognito's own tokens for a federated user Cognito created", async () => {
		const tokens = await signInWithGoogle();
		const id = oauth.getValidatedIdTokenClaims(tokens)!;
		expect(id.iss).toBe(issuer.href);
		expect(id['cognito:username']).toBe('Google_110169484474386276334');
		expect(id['cognito:groups']).toEqual(['us-east-1_FlowLab01_Google']);
		expect(id.email).toBe('alice@example.com');
		expect(id.identities).toEqual([
			expect.objectContaining({
				userId: '110169484474386276334',
				providerName: 'Google',
				providerType: 'Google',
				issuer: null,
				primary: 'true'
			})
		]);
		expect(decodeJwt(tokens.access_token).username).toBe('Google_110169484474386276334');
	});

	it('draws Cognito redeeming the provider code server to server, inside the idpresponse exchange', async () => {
		await signInWithGoogle();
		const log = cloud.log.entries;
		const idp = log.find((e) => e.label === 'GET /oauth2/idpresponse')!;
		const calls = log
			.filter((e) => e.parent === idp.id)
			.map((e) => `${e.from} → ${e.to} ${e.label}`);
		expect(calls).toEqual([
			'managed-login → external-idp POST /token',
			'managed-login → external-idp GET /oauth2/v3/certs'
		]);
	});

	it('the same email as a pool user makes a second, separate user', async () => {
		const federated = oauth.getValidatedIdTokenClaims(await signInWithGoogle())!;
		const native = cloud.scenario.userPool.users.find((u) => u.username === 'alice')!;
		expect(federated.email).toBe(native.attributes.email);
		expect(federated.sub).not.toBe(native.sub);
	});

	it('a second sign-in updates the same user: same sub, attributes mapped again', async () => {
		const first = oauth.getValidatedIdTokenClaims(await signInWithGoogle())!;
		jar = createCookieJar(cloud.clock);
		const second = oauth.getValidatedIdTokenClaims(await signInWithGoogle())!;
		expect(second.sub).toBe(first.sub);
	});

	/** The app sends the browser to managed login for Google; it lands on Google's sign-in page. */
	async function toGoogleSignIn() {
		const { url, state } = await appAuthorizationRequest(await poolServer(), {
			client_id: webClientId,
			redirect_uri: callback,
			scope: 'openid',
			identity_provider: 'Google'
		});
		return { page: await browse(url), state };
	}

	it('a refusal at Google comes back to the app as access_denied with its state', async () => {
		const { page, state } = await toGoogleSignIn();
		const dana = { email: 'dana@example.com', password: 'Google-Dana-42' };
		const consent = await browse(formAction(page), dana);
		const denied = await browse(formAction(consent), { approve: 'deny' });
		const back = new URL(denied.leftFor!);
		expect(back.searchParams.get('error')).toBe('access_denied');
		expect(back.searchParams.get('state')).toBe(state);
	});

	it('a wrong Google password shows the provider page again, and nothing reaches the pool', async () => {
		const { page } = await toGoogleSignIn();
		const wrong = await browse(formAction(page), { email: 'dana@example.com', password: 'nope' });
		expect(wrong.response.status).toBe(400);
		expect(bodyText(wrong.response)).toContain('Wrong password');
		expect(cloud.log.entries.some((e) => e.label === 'GET /oauth2/idpresponse')).toBe(false);
	});
});

describe("Google's ID token straight to the identity pool", () => {
	const appAtGoogle = { client_id: '123456789012-flowlabwebapp.apps.googleusercontent.com' };
	const appCallback = 'https://app.example.com/google-callback';

	/** The app signs in with Google itself (its own client there), no user pool involved. */
	async function googleIdToken(
		client = appAtGoogle,
		secret = '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t-use',
		redirectUri = appCallback
	) {
		const as = await oauth.processDiscoveryResponse(
			google,
			await oauth.discoveryRequest(google, viaCloud())
		);
		const request = await appAuthorizationRequest(as, {
			client_id: client.client_id,
			redirect_uri: redirectUri,
			scope: 'openid email'
		});
		const back = await throughGoogle(
			request.url,
			'dana@example.com',
			'Google-Dana-42',
			redirectUri
		);
		const params = oauth.validateAuthResponse(as, client, new URL(back.leftFor!), request.state);
		const response = await oauth.authorizationCodeGrantRequest(
			as,
			client,
			oauth.ClientSecretPost(secret),
			params,
			redirectUri,
			request.verifier,
			viaCloud()
		);
		const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
			expectedNonce: request.nonce
		});
		return tokens.id_token!;
	}

	const clientConfig = () => ({
		region: 'us-east-1',
		maxAttempts: 1,
		requestHandler: cloudRequestHandler(cloud.fetch)
	});

	it('fromCognitoIdentityPool gets authenticated credentials for it, under accounts.google.com', async () => {
		const idToken = await googleIdToken();
		const credentials = await fromCognitoIdentityPool({
			clientConfig: clientConfig(),
			identityPoolId,
			logins: { 'accounts.google.com': idToken }
		})();
		expect(credentials.accessKeyId).toMatch(/^ASIA/);
		expect(credentials.identityId).toMatch(/^us-east-1:/);
		// The identity pool's own token says which provider and which Google account.
		const client = cognitoIdentityClient(cloud.fetch);
		const { Token } = await client.send(
			new GetOpenIdTokenCommand({
				IdentityId: credentials.identityId,
				Logins: { 'accounts.google.com': idToken }
			})
		);
		expect(decodeJwt(Token!).amr).toEqual([
			'authenticated',
			'accounts.google.com',
			'accounts.google.com:104712036650935883421'
		]);
	});

	it('refuses a Google token issued to another client, and one whose signature is broken', async () => {
		// Cognito's own client at Google (for managed login), not the app's: not configured here.
		const forCognito = await googleIdToken(cognitoAtGoogle, cognitoSecretAtGoogle, idpResponse);
		const client = cognitoIdentityClient(cloud.fetch);
		const getId = (token: string) =>
			failure(
				client.send(
					new GetIdCommand({
						IdentityPoolId: identityPoolId,
						Logins: { 'accounts.google.com': token }
					})
				)
			);
		const otherClient = await getId(forCognito);
		expect(otherClient.name).toBe('NotAuthorizedException');
		expect(otherClient.message).toBe(
			'Token is not from a supported provider of this identity pool.'
		);
		const [header, payload, signature] = (await googleIdToken()).split('.');
		const tampered = await getId(`${header}.${payload}.${signature!.slice(0, -4)}AAAA`);
		expect(tampered.message).toBe("Invalid login token. Couldn't verify signed token.");
	});
});
