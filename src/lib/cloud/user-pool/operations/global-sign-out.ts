import { validateInput, type InputRules } from '../../wire';
import type { UserPoolModel } from '../model';
import { verifyAccessToken } from '../verify-access-token';

const rules: InputRules = { AccessToken: { type: 'string', required: true, sensitive: true } };

/**
 * GlobalSignOut: every refresh token of the user stops working, and so does every access
 * token already issued — but only where Cognito itself checks (its own APIs). A JWT verifier
 * elsewhere still accepts them until `exp` (§2.6, mistake #25).
 */
export async function globalSignOut(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<Record<string, never>> {
	validateInput(input, rules);
	const { user } = await verifyAccessToken(model, input.AccessToken as string);
	user.signedOutAt = model.clock.now();
	for (const record of model.refreshRecords.values()) {
		if (record.username !== user.username) continue;
		record.revoked = true;
		model.revokedOrigins.add(record.originJti);
	}
	return {};
}
