import { maskDestination } from './mask-destination';
import type { OutboxMessage, PoolUser, UserPoolModel } from './model';

/** `CodeDeliveryDetails` as SignUp and ResendConfirmationCode return it. */
export interface CodeDeliveryDetails {
	Destination: string;
	DeliveryMedium: 'EMAIL' | 'SMS';
	AttributeName: 'email' | 'phone_number';
}

/** Confirmation codes stay valid 24 hours (AWS staff statement, cognito.md §2.5). */
const confirmationCodeLifetimeMs = 24 * 3600_000;

/**
 * "Sends" a new confirmation code to the user's email (else phone): the code replaces any
 * earlier one and lands in the outbox the UI shows. Undefined when the user has neither.
 */
export function sendConfirmationCode(
	model: UserPoolModel,
	user: PoolUser,
	purpose: OutboxMessage['purpose']
): CodeDeliveryDetails | undefined {
	const email = user.attributes.email;
	const phone = user.attributes.phone_number;
	const destination = email ?? phone;
	if (destination === undefined) return undefined;
	const medium = email !== undefined ? 'EMAIL' : 'SMS';
	const code = model.newCode();
	const now = model.clock.now();
	user.confirmationCode = { code, expiresAt: now + confirmationCodeLifetimeMs };
	model.outbox.push({ at: now, username: user.username, medium, destination, code, purpose });
	return {
		Destination: maskDestination(destination),
		DeliveryMedium: medium,
		AttributeName: medium === 'EMAIL' ? 'email' : 'phone_number'
	};
}
