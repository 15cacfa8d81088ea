import { parseSrpTimestamp, srpServerVerify, totpVerify } from '$lib/crypto';
import { validateInput, type InputRules } from '../../wire';
import { checkSecretHash } from '../check-secret-hash';
import { checkPasswordPolicy } from '../password-policy';
import {
	incorrectCredentials,
	invalidParameter,
	invalidSession,
	mfaCodeMismatch,
	userDisabled,
	userNotConfirmed
} from '../errors';
import { issueTokens } from '../issue-tokens';
import { checkLockout, recordFailure, recordSuccess } from '../lockout';
import type { ChallengeSession, UserPoolModel } from '../model';
import { nextSignInStep, type SignInStep } from '../next-sign-in-step';
import { requireParameters } from '../require-parameters';

/** `ChallengeNameType` from the service model. */
const challengeNames = [
	'SMS_MFA',
	'EMAIL_OTP',
	'SOFTWARE_TOKEN_MFA',
	'SELECT_MFA_TYPE',
	'MFA_SETUP',
	'PASSWORD_VERIFIER',
	'CUSTOM_CHALLENGE',
	'SELECT_CHALLENGE',
	'DEVICE_SRP_AUTH',
	'DEVICE_PASSWORD_VERIFIER',
	'ADMIN_NO_SRP_AUTH',
	'NEW_PASSWORD_REQUIRED',
	'SMS_OTP',
	'PASSWORD',
	'WEB_AUTHN',
	'PASSWORD_SRP'
] as const;

const rules: InputRules = {
	ClientId: { type: 'string', required: true, sensitive: true },
	ChallengeName: { type: 'string', required: true, enum: challengeNames },
	Session: { type: 'string' },
	ChallengeResponses: { type: 'string-map', sensitive: true },
	ClientMetadata: { type: 'string-map' }
};

/** What each implemented challenge needs in ChallengeResponses besides USERNAME. */
const required: Record<string, readonly string[]> = {
	PASSWORD_VERIFIER: ['PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP'],
	SOFTWARE_TOKEN_MFA: ['SOFTWARE_TOKEN_MFA_CODE'],
	NEW_PASSWORD_REQUIRED: ['NEW_PASSWORD']
};

/** ⚠ SIM: AWS documents no accepted skew for the SRP TIMESTAMP (§4.4); five minutes. */
const timestampSkewMs = 5 * 60_000;

/**
 * RespondToAuthChallenge: answers one challenge of a sign-in. Every input problem is reported
 * before the `Session` is touched; the session is then taken (it is single-use, so a wrong
 * answer ends it) and must not have outlived the client's AuthSessionValidity.
 */
export async function respondToAuthChallenge(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<SignInStep> {
	validateInput(input, rules);
	const client = model.client(input.ClientId as string);
	const challengeName = input.ChallengeName as string;
	const responses = (input.ChallengeResponses ?? {}) as Record<string, string>;

	// Check the responses are complete and the caller holds the client secret
	const { USERNAME: username } = requireParameters(responses, ['USERNAME']);
	const needs = required[challengeName];
	// ⚠ SIM wording for challenges the simulator does not issue.
	if (!needs) throw invalidParameter(`Unsupported challenge name ${challengeName}`);
	requireParameters(responses, needs);
	await checkSecretHash(client, responses.SECRET_HASH, [username]);
	const newPassword = responses.NEW_PASSWORD;
	if (newPassword !== undefined) checkPasswordPolicy(newPassword, model.pool.passwordPolicy);

	// Take the session: PASSWORD_VERIFIER may name it by its SECRET_BLOCK alone (§3.3)
	const session = model.takeSession({
		session: input.Session as string | undefined,
		secretBlock:
			challengeName === 'PASSWORD_VERIFIER' ? responses.PASSWORD_CLAIM_SECRET_BLOCK : undefined,
		clientId: client.id
	});
	if (session.challengeName !== challengeName) throw invalidSession();

	switch (challengeName) {
		case 'PASSWORD_VERIFIER':
			return passwordVerifier(model, session, responses);
		case 'SOFTWARE_TOKEN_MFA':
			return softwareTokenMfa(model, session, responses);
		default:
			return newPasswordRequired(model, session, responses);
	}
}

/**
 * Step 3 of SRP. Order as the flow lesson teaches it: the simulated challenge of an unknown
 * user fails generically; an unconfirmed user is told so regardless of the password (§3.7);
 * then the timestamp and the signature decide.
 */
async function passwordVerifier(
	model: UserPoolModel,
	session: ChallengeSession,
	responses: Record<string, string>
): Promise<SignInStep> {
	const srp = session.srp;
	if (!srp || responses.PASSWORD_CLAIM_SECRET_BLOCK !== srp.secretBlock) throw invalidSession();
	if (srp.fake) throw incorrectCredentials();
	const user = model.findUser(session.username);
	if (!user) throw incorrectCredentials();
	if (!user.enabled) throw userDisabled();
	if (user.status === 'UNCONFIRMED') throw userNotConfirmed();

	checkLockout(model, user);

	// Check the TIMESTAMP is a real one, close to the pool's clock (⚠ SIM tolerance)
	const timestamp = responses.TIMESTAMP!;
	const stamped = parseSrpTimestamp(timestamp);
	if (!stamped || Math.abs(stamped.getTime() - model.clock.now()) > timestampSkewMs)
		throw incorrectCredentials();

	// Check the password claim: only someone who knows the password can produce this signature
	const ok = await srpServerVerify({
		poolName: model.poolName,
		userIdForSrp: srp.userIdForSrp,
		verifier: srp.verifier,
		salt: srp.salt,
		A: srp.A,
		b: srp.b,
		B: srp.B,
		secretBlock: srp.secretBlock,
		timestamp,
		signature: responses.PASSWORD_CLAIM_SIGNATURE!
	});
	if (!ok) {
		recordFailure(model, user);
		throw incorrectCredentials();
	}
	return nextSignInStep(model, user, model.client(session.clientId));
}

/**
 * A real TOTP check against the user's secret at the pool's clock time (±1 step). A wrong code
 * counts toward the lockout like a wrong password (§3.8), and the Session is already spent, so
 * the app must start the sign-in again.
 */
async function softwareTokenMfa(
	model: UserPoolModel,
	session: ChallengeSession,
	responses: Record<string, string>
): Promise<SignInStep> {
	const user = model.findUser(session.username);
	if (!user?.totpSecret) throw mfaCodeMismatch();
	// ⚠ SIM: a lock that began after this Session was issued answers as the password step does
	checkLockout(model, user);
	if (!(await totpVerify(user.totpSecret, responses.SOFTWARE_TOKEN_MFA_CODE!, model.clock.now()))) {
		recordFailure(model, user);
		throw mfaCodeMismatch();
	}
	recordSuccess(user);
	const client = model.client(session.clientId);
	const AuthenticationResult = await issueTokens(model, { user, client });
	return { ChallengeParameters: {}, AuthenticationResult };
}

/**
 * The temporary password is replaced (already checked against the policy), the user becomes
 * CONFIRMED, and `userAttributes.<name>` responses set attributes; then MFA or tokens.
 */
async function newPasswordRequired(
	model: UserPoolModel,
	session: ChallengeSession,
	responses: Record<string, string>
): Promise<SignInStep> {
	const user = model.findUser(session.username);
	if (!user) throw invalidSession();
	model.setPassword(user, responses.NEW_PASSWORD!);
	user.status = 'CONFIRMED';
	for (const [name, value] of Object.entries(responses))
		if (name.startsWith('userAttributes.') && name !== 'userAttributes.sub')
			user.attributes[name.slice('userAttributes.'.length)] = value;
	return nextSignInStep(model, user, model.client(session.clientId));
}
