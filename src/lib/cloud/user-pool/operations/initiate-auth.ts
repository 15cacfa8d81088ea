import { base64Encode, srpIsValidA, srpServerStart } from '$lib/crypto';
import type { AppClientScenario, ExplicitAuthFlow } from '../../scenario';
import { validateInput, type InputRules } from '../../wire';
import { checkSecretHash } from '../check-secret-hash';
import {
	incorrectCredentials,
	invalidParameter,
	passwordResetRequired,
	userDisabled,
	userNotConfirmed,
	userNotFound
} from '../errors';
import { issueTokens } from '../issue-tokens';
import { checkLockout, recordFailure } from '../lockout';
import type { PoolUser, UserPoolModel } from '../model';
import { nextSignInStep, type SignInStep } from '../next-sign-in-step';
import { openRefreshToken } from '../open-refresh-token';
import { requireParameters } from '../require-parameters';

/** `AuthFlowType` from the service model, in the model's order. */
const authFlows = [
	'USER_SRP_AUTH',
	'REFRESH_TOKEN_AUTH',
	'REFRESH_TOKEN',
	'CUSTOM_AUTH',
	'ADMIN_NO_SRP_AUTH',
	'USER_PASSWORD_AUTH',
	'ADMIN_USER_PASSWORD_AUTH',
	'USER_AUTH'
] as const;

const rules: InputRules = {
	AuthFlow: { type: 'string', required: true, enum: authFlows },
	AuthParameters: { type: 'string-map', sensitive: true },
	ClientMetadata: { type: 'string-map' },
	ClientId: { type: 'string', required: true, sensitive: true },
	Session: { type: 'string' }
};

/**
 * How long the PASSWORD_VERIFIER answer may take. AWS: the response must arrive "within a few
 * seconds" of the challenge, or `NotAuthorizedException` (RespondToAuthChallenge API reference,
 * cognito.md §3.2, §3.8), not the client's AuthSessionValidity minutes. ⚠ SIM: the exact window is
 * undocumented; ten seconds is "a few" that still leaves a slow phone time for the SRP maths.
 */
export const passwordVerifierWindowMs = 10_000;

/** Which ExplicitAuthFlows entry lets a client use a flow. */
const allowedBy: Partial<Record<string, ExplicitAuthFlow>> = {
	USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
	USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
	REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
	REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
	CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH'
};

/**
 * InitiateAuth: the first call of every sign-in through the public user-pool API.
 *
 * - Admin flows are refused (`Initiate Auth method not supported.`, AWS-confirmed, §3.3);
 * - a flow not in the client's ExplicitAuthFlows: `<FLOW> flow not enabled for this client`
 *   (⚠ wording used by emulators that copy AWS, §3.3);
 * - CUSTOM_AUTH with no Lambda triggers: `Custom auth lambda trigger is not configured for the
 *   user pool.` (⚠ SIM: commonly reported wording, not in the reference).
 */
export async function initiateAuth(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<SignInStep> {
	validateInput(input, rules);
	const flow = input.AuthFlow as string;
	const params = (input.AuthParameters ?? {}) as Record<string, string>;

	// Check the flow may be used here at all, then for this client
	if (flow === 'ADMIN_NO_SRP_AUTH' || flow === 'ADMIN_USER_PASSWORD_AUTH')
		throw invalidParameter('Initiate Auth method not supported.');
	const client = model.client(input.ClientId as string);
	const allowance = allowedBy[flow];
	if (!allowance || !client.explicitAuthFlows.includes(allowance))
		throw invalidParameter(`${flow} flow not enabled for this client`);

	switch (flow) {
		case 'USER_SRP_AUTH':
			return userSrpAuth(model, client, params);
		case 'USER_PASSWORD_AUTH':
			return userPasswordAuth(model, client, params);
		case 'REFRESH_TOKEN_AUTH':
		case 'REFRESH_TOKEN':
			return refreshTokenAuth(model, client, params);
		default:
			throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
	}
}

/**
 * Step 1 of SRP: look the user up and answer PASSWORD_VERIFIER with salt, `B` and a secret
 * block. Under PreventUserExistenceErrors ENABLED an unknown user (or one needing a reset, §3.6)
 * gets a simulated challenge that fails at step 3; under LEGACY they are told now.
 */
async function userSrpAuth(
	model: UserPoolModel,
	client: AppClientScenario,
	params: Record<string, string>
): Promise<SignInStep> {
	const { USERNAME: username, SRP_A: srpA } = requireParameters(params, ['USERNAME', 'SRP_A']);
	await checkSecretHash(client, params.SECRET_HASH, [username]);
	// Refuse A ≡ 0 (mod N) before anything else uses it (§4.4b). ⚠ SIM wording.
	if (!srpIsValidA(srpA)) throw invalidParameter('SRP_A cannot be zero mod N or non-hex');
	const A = BigInt(`0x${srpA}`);

	const user = model.findUser(username);
	const enabled = client.preventUserExistenceErrors === 'ENABLED';
	let real: PoolUser | undefined = user;
	if (!user) {
		if (!enabled) throw userNotFound();
	} else {
		if (!user.enabled) throw userDisabled();
		if (user.status === 'RESET_REQUIRED') {
			if (!enabled) throw passwordResetRequired();
			real = undefined;
		}
	}

	const { salt, verifier, userIdForSrp } = real
		? { ...(await model.srpFor(real)), userIdForSrp: real.username }
		: model.fakeSrpFor(username);
	const { b, B, srpB } = srpServerStart({ verifier, randomBytes: model.random.bytes });
	const secretBlock = base64Encode(model.random.bytes(128));
	const Session = model.openSession(
		{
			challengeName: 'PASSWORD_VERIFIER',
			clientId: client.id,
			username: real ? real.username : username,
			srp: { A, b, B, salt, verifier, secretBlock, userIdForSrp, fake: !real }
		},
		client,
		passwordVerifierWindowMs
	);
	return {
		ChallengeName: 'PASSWORD_VERIFIER',
		Session,
		ChallengeParameters: {
			SALT: salt,
			SECRET_BLOCK: secretBlock,
			SRP_B: srpB,
			USERNAME: real ? real.username : username,
			USER_ID_FOR_SRP: userIdForSrp
		}
	};
}

/**
 * The password travels to the pool. An unconfirmed user is told so before the password is
 * checked (§3.7: AWS returns it even for a wrong password).
 */
async function userPasswordAuth(
	model: UserPoolModel,
	client: AppClientScenario,
	params: Record<string, string>
): Promise<SignInStep> {
	const { USERNAME: username, PASSWORD: password } = requireParameters(params, [
		'USERNAME',
		'PASSWORD'
	]);
	await checkSecretHash(client, params.SECRET_HASH, [username]);

	const enabled = client.preventUserExistenceErrors === 'ENABLED';
	const user = model.findUser(username);
	if (!user) throw enabled ? incorrectCredentials() : userNotFound();
	if (!user.enabled) throw userDisabled();
	if (user.status === 'RESET_REQUIRED')
		throw enabled ? incorrectCredentials() : passwordResetRequired();
	if (user.status === 'UNCONFIRMED') throw userNotConfirmed();
	checkLockout(model, user);
	if (password !== user.password) {
		recordFailure(model, user);
		throw incorrectCredentials();
	}
	return nextSignInStep(model, user, client);
}

/** New ID and access tokens for the same sign-in; no `RefreshToken` key at all (§2.6). */
async function refreshTokenAuth(
	model: UserPoolModel,
	client: AppClientScenario,
	params: Record<string, string>
): Promise<SignInStep> {
	const { REFRESH_TOKEN: token } = requireParameters(params, ['REFRESH_TOKEN']);
	const record = await openRefreshToken(model, token, client.id);
	const user = model.findUser(record.username);
	if (!user) throw userNotFound();
	// ⚠ which username the hash covers on refresh is undocumented: accept username or sub (§3.3).
	await checkSecretHash(client, params.SECRET_HASH, [user.username, user.sub]);
	if (!user.enabled) throw userDisabled();
	const AuthenticationResult = await issueTokens(model, {
		user,
		client,
		refreshOf: { originJti: record.originJti, authTime: record.authTime }
	});
	return { ChallengeParameters: {}, AuthenticationResult };
}
