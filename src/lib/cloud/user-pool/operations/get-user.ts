import { validateInput, type InputRules } from '../../wire';
import type { UserPoolModel } from '../model';
import { verifyAccessToken } from '../verify-access-token';

const rules: InputRules = { AccessToken: { type: 'string', required: true, sensitive: true } };

export interface GetUserOutput {
	Username: string;
	UserAttributes: { Name: string; Value: string }[];
	PreferredMfaSetting?: string;
	UserMFASettingList?: string[];
}

/** GetUser: the signed-in user's attributes, `sub` first, for a valid access token. */
export async function getUser(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<GetUserOutput> {
	validateInput(input, rules);
	const { user } = await verifyAccessToken(model, input.AccessToken as string);
	const UserAttributes = [
		{ Name: 'sub', Value: user.sub },
		...Object.entries(user.attributes)
			.filter(([name]) => name !== 'sub')
			.map(([Name, Value]) => ({ Name, Value }))
	];
	return {
		Username: user.username,
		UserAttributes,
		...(user.totpSecret
			? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] }
			: {})
	};
}
