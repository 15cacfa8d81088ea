import { AwsServiceError, validateInput, type InputRules } from '../../wire';
import { checkSecretHash } from '../check-secret-hash';
import { invalidParameter } from '../errors';
import type { PoolUser, UserPoolModel } from '../model';
import { checkPasswordPolicy } from '../password-policy';
import { sendConfirmationCode, type CodeDeliveryDetails } from '../send-code';

const rules: InputRules = {
	ClientId: { type: 'string', required: true, sensitive: true },
	SecretHash: { type: 'string', sensitive: true },
	Username: { type: 'string', required: true, sensitive: true },
	Password: { type: 'string', sensitive: true },
	UserAttributes: { type: 'attribute-list' },
	ValidationData: { type: 'attribute-list' },
	ClientMetadata: { type: 'string-map' }
};

export interface SignUpOutput {
	UserConfirmed: boolean;
	CodeDeliveryDetails?: CodeDeliveryDetails;
	UserSub: string;
}

/**
 * SignUp: a new UNCONFIRMED user and a confirmation code sent to their email (or phone).
 * A taken username is `UsernameExistsException: User already exists` even under prevention
 * ENABLED (⚠ common wording, §3.7).
 */
export async function signUp(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<SignUpOutput> {
	validateInput(input, rules);
	const client = model.client(input.ClientId as string);
	const username = input.Username as string;
	await checkSecretHash(client, input.SecretHash as string | undefined, [username]);

	// ⚠ SIM wording: Password is optional in the model only for passwordless pools.
	const password = input.Password as string | undefined;
	if (password === undefined) throw invalidParameter('Password is required for this user pool.');
	if (model.findUser(username))
		throw new AwsServiceError('UsernameExistsException', 'User already exists');
	checkPasswordPolicy(password, model.pool.passwordPolicy);

	const attributes: Record<string, string> = {};
	for (const { Name, Value } of (input.UserAttributes ?? []) as { Name: string; Value?: string }[])
		if (Name !== 'sub') attributes[Name] = Value ?? '';
	const user: PoolUser = {
		username,
		sub: model.random.uuid(),
		password,
		status: 'UNCONFIRMED',
		enabled: true,
		attributes,
		groups: []
	};
	model.users.set(username.toLowerCase(), user);
	const CodeDeliveryDetails = sendConfirmationCode(model, user, 'SignUp');
	return {
		UserConfirmed: false,
		...(CodeDeliveryDetails ? { CodeDeliveryDetails } : {}),
		UserSub: user.sub
	};
}
