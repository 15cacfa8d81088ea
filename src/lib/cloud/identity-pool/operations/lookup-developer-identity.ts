import { AwsServiceError, validateInput, type InputRules } from '../../wire';
import { authorizeDeveloperCall, verifyDeveloperSignature } from '../authorize-developer-call';
import { invalidParameter } from '../errors';
import { member } from '../input-rules';
import type { Identity } from '../model';
import type { OperationContext } from '../operation';

const rules: InputRules = {
	IdentityPoolId: member.identityPoolId,
	IdentityId: member.optionalIdentityId,
	DeveloperUserIdentifier: { type: 'string' },
	NextToken: { type: 'string' }
};

/**
 * LookupDeveloperIdentity (cognito.md §7.4), SigV4-signed like GetOpenIdTokenForDeveloperIdentity:
 * the identity of a developer user identifier, or the identifiers of an identity.
 * ⚠ SIM wordings for the not-found and missing-argument cases (the reference gives none).
 */
export async function lookupDeveloperIdentity(
	{ model, request, explain }: OperationContext,
	input: Record<string, unknown>
): Promise<{ IdentityId: string; DeveloperUserIdentifierList: string[] }> {
	const owner = await verifyDeveloperSignature(model, request, explain);
	validateInput(input, rules);
	checkMaxResults(input.MaxResults);
	const poolId = input.IdentityPoolId as string;
	authorizeDeveloperCall(model, owner, 'cognito-identity:LookupDeveloperIdentity', poolId, explain);
	const pool = model.requirePool(poolId);
	const provider = pool.developerProviderName ?? '';
	const userId = input.DeveloperUserIdentifier as string | undefined;
	const identityId = input.IdentityId as string | undefined;
	if (userId === undefined && identityId === undefined)
		throw invalidParameter('Either IdentityId or DeveloperUserIdentifier must be specified.');

	let identity: Identity | undefined;
	if (userId !== undefined) {
		identity = model.identityForLogin(provider, userId);
		if (!identity || (identityId !== undefined && identity.id !== identityId))
			throw new AwsServiceError(
				'ResourceNotFoundException',
				`DeveloperUserIdentifier '${userId}' not found.`
			);
	} else identity = model.requireIdentity(identityId!);
	const id = identity.logins.get(provider);
	return { IdentityId: identity.id, DeveloperUserIdentifierList: id === undefined ? [] : [id] };
}

function checkMaxResults(value: unknown): void {
	if (value === undefined || value === null) return;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 60) return;
	const constraint =
		typeof value !== 'number' || !Number.isInteger(value)
			? 'Member must be of type Integer'
			: value < 1
				? 'Member must have value greater than or equal to 1'
				: 'Member must have value less than or equal to 60';
	throw new AwsServiceError(
		'InvalidParameterException',
		`1 validation error detected: Value '${String(value)}' at 'maxResults' failed to satisfy constraint: ${constraint}`
	);
}
