import { AwsServiceError } from '../wire';
import { wireResponse, type WireRequest, type WireResponse } from '../wire/http-message';
import type { UserPoolModel } from '../user-pool/model';
import { revokeRefreshToken } from '../user-pool/operations/revoke-token';
import { authenticateClient } from './client-authentication';
import { readForm, singleParam } from '../oauth/oauth-form';
import { TokenError } from '../oauth/oauth-responses';

/**
 * `POST /oauth2/revoke` (cognito.md §5.5): revokes a refresh token and the access tokens issued
 * from it. 200 with an empty body, also for a token that is already revoked or not known (RFC
 * 7009 §2.2: the client cannot do anything about it); `invalid_request` without a token or when
 * revocation is off for the client; `unsupported_token_type` for a JWT (an ID or access token);
 * `invalid_client` for a failed client authentication (status 401 here, as AWS documents).
 */
export async function revokeEndpoint(
	model: UserPoolModel,
	request: WireRequest
): Promise<WireResponse> {
	if (request.method !== 'POST') throw new TokenError('invalid_request', 'revoke takes POST');
	const form = readForm(request);
	let client;
	try {
		client = authenticateClient(model, request, form);
	} catch (error) {
		if (error instanceof TokenError && error.error === 'invalid_client')
			throw new TokenError('invalid_client', undefined, 401);
		throw error;
	}
	const token = singleParam(form, 'token');
	if (token === null) throw new TokenError('invalid_request', 'token is required');
	if (!client.enableTokenRevocation)
		throw new TokenError('invalid_request', 'token revocation is not enabled for this client');
	if (token.split('.').length === 3) throw new TokenError('unsupported_token_type');
	try {
		await revokeRefreshToken(model, token, client.id);
	} catch (error) {
		if (!(error instanceof AwsServiceError)) throw error;
	}
	return wireResponse(200, {});
}
