import { AwsServiceError } from '../wire';
import { header, wireResponse, type WireRequest, type WireResponse } from '../wire/http-message';
import type { PoolUser, UserPoolModel } from '../user-pool/model';
import { verifyAccessToken } from '../user-pool/verify-access-token';

const profileAttributes = [
	'name',
	'family_name',
	'given_name',
	'middle_name',
	'nickname',
	'preferred_username',
	'profile',
	'picture',
	'website',
	'gender',
	'birthdate',
	'zoneinfo',
	'locale',
	'updated_at'
];

/**
 * `GET /oauth2/userInfo` (cognito.md §5.4): the user's attributes, as far as the access token's
 * scopes reach. Only tokens from the token endpoint carry `openid`; one from InitiateAuth is
 * refused. `openid` alone returns every attribute; with `profile`, `email` or `phone` the answer
 * is those groups (the user-attributes endpoint guide). `aws.cognito.signin.user.admin` changes
 * nothing here. ⚠ SIM: `sub` and `username` always come back, and values are strings (the
 * guide's sample response).
 */
export async function userInfo(model: UserPoolModel, request: WireRequest): Promise<WireResponse> {
	const bearer = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
	if (!bearer) return refusal(400, 'invalid_request', 'Bad OAuth2 request at UserInfo Endpoint');
	let found: Awaited<ReturnType<typeof verifyAccessToken>>;
	try {
		found = await verifyAccessToken(model, bearer[1]!, 'openid');
	} catch (error) {
		// ⚠ SIM: an API token (no openid) gets the same 401 as a dead one.
		if (error instanceof AwsServiceError)
			return refusal(
				401,
				'invalid_token',
				'Access token is expired, disabled, or deleted, or the user has globally signed out.'
			);
		throw error;
	}
	const scopes = found.claims.scope.split(' ');
	return wireResponse(
		200,
		{ 'content-type': 'application/json;charset=UTF-8' },
		JSON.stringify(attributesFor(found.user, scopes))
	);
}

function attributesFor(user: PoolUser, scopes: string[]): Record<string, string> {
	const narrowed = ['profile', 'email', 'phone'].some((s) => scopes.includes(s));
	const wanted = (name: string) =>
		!narrowed ||
		(scopes.includes('profile') &&
			(profileAttributes.includes(name) || name.startsWith('custom:'))) ||
		(scopes.includes('email') && (name === 'email' || name === 'email_verified')) ||
		(scopes.includes('phone') && (name === 'phone_number' || name === 'phone_number_verified'));
	const out: Record<string, string> = { sub: user.sub };
	for (const [name, value] of Object.entries(user.attributes))
		if (name !== 'sub' && wanted(name)) out[name] = value;
	out.username = user.username;
	return out;
}

function refusal(status: number, error: string, description: string): WireResponse {
	return wireResponse(status, {
		'www-authenticate': `error="${error}", error_description="${description}"`
	});
}
