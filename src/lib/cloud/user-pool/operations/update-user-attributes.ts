import { validateInput, type InputRules } from '../../wire';
import { invalidParameter } from '../errors';
import type { UserPoolModel } from '../model';
import { verifyAccessToken } from '../verify-access-token';

const rules: InputRules = {
	AccessToken: { type: 'string', required: true, sensitive: true },
	UserAttributes: { type: 'attribute-list', required: true },
	ClientMetadata: { type: 'string-map' }
};

/** Attributes whose change the pool may ask the user to verify (AWS sends a code then). */
const verifiable = new Set(['email', 'phone_number']);

/**
 * UpdateUserAttributes: the signed-in user changes their own attributes with their access token
 * (scope `aws.cognito.signin.user.admin`); a blank value deletes one, custom attributes carry the
 * `custom:` prefix (API reference). Nothing here asks whether the attribute should be writable:
 * this scenario gives app clients no `WriteAttributes` list, which on AWS means every attribute
 * is writable — the very gap the writable-attribute role-mapping mistake shows (§11 row 34).
 *
 * SIM: pools here do not auto-verify changed contact attributes, so no code is sent
 * (`CodeDeliveryDetailsList` is left out) and a changed `email`/`phone_number` is marked
 * unverified. `sub` is immutable; ⚠ the wording of its refusal is not documented.
 */
export async function updateUserAttributes(
	model: UserPoolModel,
	input: Record<string, unknown>
): Promise<Record<string, never>> {
	validateInput(input, rules);
	const { user } = await verifyAccessToken(model, input.AccessToken as string);
	const changes = input.UserAttributes as { Name: string; Value?: string }[];
	if (changes.some((c) => c.Name === 'sub'))
		throw invalidParameter('Cannot modify the non-mutable attribute sub');
	for (const { Name, Value = '' } of changes) {
		if (Value === '') {
			delete user.attributes[Name];
			continue;
		}
		if (verifiable.has(Name) && user.attributes[Name] !== Value)
			user.attributes[`${Name}_verified`] = 'false';
		user.attributes[Name] = Value;
	}
	return {};
}
