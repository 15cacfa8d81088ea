import { validateInput, type InputRules } from '../../wire';
import { checkSecretHash } from '../check-secret-hash';
import { invalidParameter, userNotFound } from '../errors';
import { maskDestination } from '../mask-destination';
import type { UserPoolModel } from '../model';
import { sendConfirmationCode, type CodeDeliveryDetails } from '../send-code';

const rules: InputRules = {
	ClientId: { type: 'string', required: true, sensitive: true },
	SecretHash: { type: 'string', sensitive: true },
	Username: { type: 'string', required: true, sensitive: true },
	ClientMetadata: { type: 'string-map' }
};

/**
 * ResendConfirmationCode: a fresh code for an UNCONFIRMED user. Under prevention ENABLED an
 * unknown user gets a pretend delivery (§3.6) — ⚠ SIM: to an email-shaped mask of the name
 * given; under LEGACY `UserNotFoundException`. A confirmed user: `User is already confirmed.`
 * (⚠ SIM: commonly reported wording).
 */
export async function resendConfirmationCode(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<{ CodeDeliveryDetails?: CodeDeliveryDetails }> {
	validateInput(input, rules);
	const client = model.client(input.ClientId as string);
	const username = input.Username as string;
	await checkSecretHash(client, input.SecretHash as string | undefined, [username]);

	const user = model.findUser(username);
	if (!user) {
		if (client.preventUserExistenceErrors !== 'ENABLED') throw userNotFound();
		const pretend = username.includes('@') ? username : `${username}@example.com`;
		return {
			CodeDeliveryDetails: {
				Destination: maskDestination(pretend),
				DeliveryMedium: 'EMAIL',
				AttributeName: 'email'
			}
		};
	}
	if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
	const CodeDeliveryDetails = sendConfirmationCode(model, user, 'ResendConfirmationCode');
	return CodeDeliveryDetails ? { CodeDeliveryDetails } : {};
}
