import { AwsServiceError, validateInput, type InputRules } from '../../wire';
import { notAuthorized } from '../errors';
import type { UserPoolModel } from '../model';
import { openRefreshToken } from '../open-refresh-token';

const rules: InputRules = {
	Token: { type: 'string', required: true, sensitive: true },
	ClientId: { type: 'string', required: true, sensitive: true },
	ClientSecret: { type: 'string', sensitive: true },
	ClientMetadata: { type: 'string-map' }
};

/**
 * RevokeToken: revokes a refresh token and every access token issued from it (same
 * `origin_jti`); other sign-ins of the user are untouched (§2.6). Revoking twice succeeds.
 * Unsourced SIM wording, flagged for the lessons: revocation disabled on the client
 * (`UnsupportedOperationException`), a missing or wrong `ClientSecret` (the SECRET_HASH
 * messages of §3.4 adapted), and an ID/access token passed as `Token`
 * (`UnsupportedTokenTypeException`).
 */
export async function revokeToken(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<Record<string, never>> {
	validateInput(input, rules);
	const client = model.client(input.ClientId as string);
	if (!client.enableTokenRevocation)
		throw new AwsServiceError(
			'UnsupportedOperationException',
			'Token revocation is not enabled for this client.'
		);
	if (client.secret !== null) {
		const secret = input.ClientSecret as string | undefined;
		if (secret === undefined)
			throw notAuthorized(
				`Client ${client.id} is configured with secret but ClientSecret was not received`
			);
		if (secret !== client.secret)
			throw notAuthorized(`Unable to verify client secret for client ${client.id}`);
	}
	const token = input.Token as string;
	if (token.split('.').length === 3)
		throw new AwsServiceError('UnsupportedTokenTypeException', 'Unsupported token type.');
	await revokeRefreshToken(model, token, client.id);
	return {};
}

/**
 * Ends a sign-in: its refresh token, and every access token issued from it (same `origin_jti`).
 * Shared by RevokeToken and managed login's `/oauth2/revoke`. Throws `Invalid Refresh Token.`
 * for a token that is not this client's.
 */
export async function revokeRefreshToken(
	model: UserPoolModel,
	token: string,
	clientId: string
): Promise<void> {
	const record = await openRefreshToken(model, token, clientId, false);
	record.revoked = true;
	model.revokedOrigins.add(record.originJti);
}
