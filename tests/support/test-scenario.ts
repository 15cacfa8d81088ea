import { defaultScenario, type Scenario } from '$lib/cloud';

export const webClientId = '3n4flowlab5webclient6a7b8c';
export const serverClientId = '5s6flowlab7server8client9d';
export const serverClientSecret = '1q2w3e4r5t6y7u8i9o0pflowlabdemosecretdonotuse00';
/** A public client with PreventUserExistenceErrors LEGACY and every flow allowed. */
export const legacyClientId = '7l8flowlab9legacyclient0e1';

/**
 * The default scenario plus what the error cases need: a LEGACY client, a user who must reset
 * the password and a disabled user.
 */
export function testScenario(): Scenario {
	const scenario = structuredClone(defaultScenario);
	const web = scenario.userPool.clients[0]!;
	scenario.userPool.clients.push({
		...structuredClone(web),
		id: legacyClientId,
		name: 'legacy-app',
		explicitAuthFlows: [
			'ALLOW_USER_SRP_AUTH',
			'ALLOW_USER_PASSWORD_AUTH',
			'ALLOW_REFRESH_TOKEN_AUTH'
		],
		preventUserExistenceErrors: 'LEGACY'
	});
	scenario.userPool.users.push(
		{
			username: 'erin',
			sub: 'e4100000-5555-4eee-8eee-000000000005',
			password: 'Reset-Me-Pass-42',
			status: 'RESET_REQUIRED',
			enabled: true,
			attributes: { email: 'erin@example.com', email_verified: 'true' },
			groups: []
		},
		{
			username: 'frank',
			sub: 'f4a00000-6666-4fff-8fff-000000000006',
			password: 'Disabled-Pass-42',
			status: 'CONFIRMED',
			enabled: false,
			attributes: { email: 'frank@example.com', email_verified: 'true' },
			groups: []
		}
	);
	return scenario;
}
