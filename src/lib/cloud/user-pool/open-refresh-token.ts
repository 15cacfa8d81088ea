import { invalidRefreshToken, notAuthorized } from './errors';
import type { RefreshRecord, UserPoolModel } from './model';
import { openRefreshTokenJwe } from './refresh-token-jwe';

/**
 * Decrypts a refresh token and checks the state behind it, in this order: it opens with the
 * pool's key (else `Invalid Refresh Token.`), it belongs to `clientId` (a token used with
 * another app client is `Invalid Refresh Token.` on AWS too, per AWS re:Post "Invalid Refresh
 * Token" troubleshooting), it is not revoked (`Refresh Token has been revoked`, observed) and
 * not expired (`Refresh Token has expired`, ⚠ wording unconfirmed).
 *
 * `checkState: false` skips the last two (RevokeToken revokes even an expired token).
 */
export async function openRefreshToken(
	model: UserPoolModel,
	token: string,
	clientId: string,
	checkState = true
): Promise<RefreshRecord> {
	const keys = await model.keys();
	let originJti: unknown;
	try {
		const plaintext = await openRefreshTokenJwe(token, keys.refreshToken.privateKey);
		originJti = JSON.parse(new TextDecoder().decode(plaintext)).origin_jti;
	} catch {
		throw invalidRefreshToken();
	}
	const record = typeof originJti === 'string' ? model.refreshRecords.get(originJti) : undefined;
	if (!record || record.clientId !== clientId) throw invalidRefreshToken();
	if (!checkState) return record;
	if (record.revoked) throw notAuthorized('Refresh Token has been revoked');
	if (model.clock.now() >= record.expiresAt) throw notAuthorized('Refresh Token has expired');
	return record;
}
