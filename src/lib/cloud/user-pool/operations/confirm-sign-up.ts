import { validateInput, type InputRules } from '../../wire';
import { checkSecretHash } from '../check-secret-hash';
import { codeMismatch, expiredCode, notAuthorized, userNotFound } from '../errors';
import type { UserPoolModel } from '../model';

const rules: InputRules = {
	ClientId: { type: 'string', required: true, sensitive: true },
	SecretHash: { type: 'string', sensitive: true },
	Username: { type: 'string', required: true, sensitive: true },
	ConfirmationCode: { type: 'string', required: true },
	ForceAliasCreation: { type: 'boolean' },
	ClientMetadata: { type: 'string-map' }
};

/**
 * ConfirmSignUp: the latest code turns UNCONFIRMED into CONFIRMED and marks the attribute it
 * went to as verified. An unknown user is `UserNotFoundException` under LEGACY; under ENABLED
 * the pool pretends a code exists and the code is simply wrong (⚠ SIM reading of §3.6). An
 * earlier, replaced code is `ExpiredCodeException` ("expired (or already used)", §3.7).
 * Already confirmed: `User cannot be confirmed. Current status is CONFIRMED` (⚠ SIM: commonly
 * reported wording, not in the reference).
 */
export async function confirmSignUp(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<Record<string, never>> {
	validateInput(input, rules);
	const client = model.client(input.ClientId as string);
	const username = input.Username as string;
	await checkSecretHash(client, input.SecretHash as string | undefined, [username]);

	const user = model.findUser(username);
	if (!user)
		throw client.preventUserExistenceErrors === 'ENABLED' ? codeMismatch() : userNotFound();
	if (user.status !== 'UNCONFIRMED')
		throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);

	// Check the code: the current one, not yet expired
	const code = input.ConfirmationCode as string;
	const current = user.confirmationCode;
	const wasSent = model.outbox.some((m) => m.username === user.username && m.code === code);
	if (!current || current.code !== code) throw wasSent ? expiredCode() : codeMismatch();
	if (model.clock.now() >= current.expiresAt) throw expiredCode();

	user.status = 'CONFIRMED';
	user.confirmationCode = undefined;
	if (user.attributes.email !== undefined) user.attributes.email_verified = 'true';
	else if (user.attributes.phone_number !== undefined)
		user.attributes.phone_number_verified = 'true';
	return {};
}
