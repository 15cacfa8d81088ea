import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { GoogleIdentityProviderScenario, UserPoolIdentityProviderScenario } from '../scenario';
import { socialProviderEndpoints, socialProviderIssuers } from '../social-provider-hosts';
import type { ServiceCall } from '../service';
import type { PoolUser, UserPoolModel } from '../user-pool/model';
import { bodyText, utf8Bytes } from '../wire/http-message';

/** Cognito knows Google's endpoints: the `Google` provider type configures only the client (§6). */
const google = { ...socialProviderEndpoints, issuers: socialProviderIssuers };

/** Where the provider sends the browser back: Cognito's own redirect URI at every IdP. */
export const idpResponsePath = '/oauth2/idpresponse';

/** The provider's authorization URL Cognito sends the browser to, with its own state and nonce. */
export function providerAuthorizeUrl(
	model: UserPoolModel,
	idp: GoogleIdentityProviderScenario,
	state: string,
	nonce: string
): string {
	const url = new URL(google.authorize);
	url.search = new URLSearchParams({
		client_id: idp.clientId,
		redirect_uri: `${model.domain}${idpResponsePath}`,
		response_type: 'code',
		scope: idp.authorizeScopes,
		state,
		nonce
	}).toString();
	return url.href;
}

/** A federation problem, reported to the app as `error=invalid_request` with a description (§5.2). */
export class FederationError extends Error {}

/**
 * What Cognito does at `/oauth2/idpresponse` with the provider's code, server to server: redeem
 * it at the provider's token endpoint, fetch the provider's keys, and verify the ID token
 * (signature, issuer, audience = Cognito's client at the provider, expiry, the nonce Cognito
 * sent). Each call is an exchange of its own, drawn from managed login to the provider.
 */
export async function redeemProviderCode(
	model: UserPoolModel,
	idp: GoogleIdentityProviderScenario,
	code: string,
	nonce: string,
	call: ServiceCall
): Promise<JWTPayload> {
	const tokenResponse = await call.send({
		method: 'POST',
		url: google.token,
		headers: [
			['content-type', 'application/x-www-form-urlencoded'],
			['user-agent', 'Amazon/Cognito']
		],
		body: utf8Bytes(
			new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: `${model.domain}${idpResponsePath}`,
				client_id: idp.clientId,
				client_secret: idp.clientSecret
			}).toString()
		)
	});
	const tokens = parseJson(bodyText(tokenResponse));
	if (tokenResponse.status !== 200 || typeof tokens?.id_token !== 'string')
		throw new FederationError(
			`${idp.providerName} Error - ${tokenResponse.status} error getting token`
		);
	const jwksResponse = await call.send({
		method: 'GET',
		url: google.jwks,
		headers: [['user-agent', 'Amazon/Cognito']],
		body: new Uint8Array()
	});
	const jwks = parseJson(bodyText(jwksResponse));
	if (jwksResponse.status !== 200 || !Array.isArray(jwks?.keys))
		throw new FederationError(
			`${idp.providerName} Error - ${jwksResponse.status} error getting keys`
		);
	try {
		const { payload } = await jwtVerify(tokens.id_token, createLocalJWKSet(jwks as never), {
			issuer: google.issuers,
			audience: idp.clientId,
			algorithms: ['RS256'],
			currentDate: new Date(model.clock.now())
		});
		if (payload.nonce !== nonce) throw new Error('nonce');
		return payload;
	} catch {
		throw new FederationError(`Invalid ${idp.providerName} ID token`);
	}
}

/** Who the provider says the user is: its id for them, its issuer, and the mapped attributes. */
export interface FederatedIdentity {
	userId: string;
	/** `null` for social providers; the IdP's entity id for SAML (⚠ cognito.md §12 item 6). */
	issuer: string | null;
	/** User-pool attribute → value, from the provider's attribute mapping. */
	attributes: Record<string, string>;
}

/** What an OIDC provider's ID token says, through the attribute mapping (`username` is the id). */
export function identityFromClaims(
	idp: GoogleIdentityProviderScenario,
	claims: JWTPayload
): FederatedIdentity {
	const attributes: Record<string, string> = {};
	for (const [attribute, claim] of Object.entries(idp.attributeMapping))
		if (attribute !== 'username' && claims[claim] !== undefined)
			attributes[attribute] = String(claims[claim]);
	return {
		userId: String(claims[idp.attributeMapping.username ?? 'sub'] ?? claims.sub),
		issuer: null,
		attributes
	};
}

/**
 * The pool's user for this provider account, as Cognito makes it (cognito.md §5.7): username
 * `<ProviderName>_<provider id>`, status EXTERNAL_PROVIDER, attributes rewritten from the
 * mapping at every sign-in, the `identities` attribute, and the automatic group
 * `<poolId>_<ProviderName>`. An existing pool user with the same email stays a separate user.
 */
export function federatedUser(
	model: UserPoolModel,
	idp: UserPoolIdentityProviderScenario,
	identity: FederatedIdentity
): PoolUser {
	const username = `${idp.providerName}_${identity.userId}`;
	const group = `${model.pool.id}_${idp.providerName}`;
	if (!model.pool.groups.some((g) => g.name === group))
		// The automatic group has no role and no precedence; the highest number stands for "none".
		model.pool.groups.push({ name: group, precedence: 2 ** 31 - 1 });
	let user = model.findUser(username);
	if (!user) {
		user = {
			username,
			sub: model.random.uuid(),
			// No password in the pool: a random one no client can know, so no API sign-in works.
			password: `${model.random.uuid()}${model.random.uuid()}`,
			status: 'EXTERNAL_PROVIDER',
			enabled: true,
			attributes: {},
			groups: [group]
		};
		model.users.set(username.toLowerCase(), user);
		user.attributes.identities = JSON.stringify([
			{
				userId: identity.userId,
				providerName: idp.providerName,
				providerType: idp.providerType,
				issuer: identity.issuer,
				primary: 'true',
				dateCreated: String(model.clock.now())
			}
		]);
	}
	Object.assign(user.attributes, identity.attributes);
	return user;
}

function parseJson(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}
