import { AwsServiceError, validateInput, type InputRules } from '../../wire';
import { authorizeDeveloperCall, verifyDeveloperSignature } from '../authorize-developer-call';
import { CheckTrail } from '../check-trail';
import { developerUserAlreadyRegistered, invalidParameter } from '../errors';
import { member } from '../input-rules';
import type { Identity } from '../model';
import { signOpenIdToken } from '../open-id-token';
import type { OperationContext } from '../operation';
import { verifyLogins } from '../verify-logins';

const rules: InputRules = {
	IdentityPoolId: member.identityPoolId,
	IdentityId: member.optionalIdentityId,
	Logins: { ...member.logins, required: true },
	PrincipalTags: member.tags
};

/** Default 15 minutes, at most 24 hours (cognito.md §7.4). */
const defaultDuration = 15 * 60;
const maxDuration = 24 * 3600;

/**
 * GetOpenIdTokenForDeveloperIdentity (cognito.md §7.4), called by your back end with IAM
 * credentials: SigV4 checked, IAM asked for `cognito-identity:GetOpenIdTokenForDeveloperIdentity`
 * on the pool, then Cognito trusts whatever user identifier the signed caller puts under the
 * pool's developer provider name — that is the whole security model, and why the keys must
 * never reach a browser (§11 row 21). One identifier maps to one identity; asking to tie it to
 * another is `DeveloperUserAlreadyRegisteredException`. Other public logins in the map are
 * verified and linked too.
 */
export async function getOpenIdTokenForDeveloperIdentity(
	{ model, request, explain }: OperationContext,
	input: Record<string, unknown>
): Promise<{ IdentityId: string; Token: string }> {
	const owner = await verifyDeveloperSignature(model, request, explain);
	validateInput(input, rules);
	const lifetime = tokenDuration(input.TokenDuration);
	const poolId = input.IdentityPoolId as string;
	authorizeDeveloperCall(
		model,
		owner,
		'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
		poolId,
		explain
	);
	const pool = model.requirePool(poolId);

	// Typed, so that `trail.fail` (never returns) narrows what it guards.
	const trail: CheckTrail = new CheckTrail();
	try {
		// The developer provider's entry: your user identifier, trusted as given
		const logins = { ...(input.Logins as Record<string, string>) };
		const provider = pool.developerProviderName;
		const userId = provider === undefined ? undefined : logins[provider];
		if (provider === undefined || userId === undefined)
			trail.fail(
				'Developer provider in Logins',
				Object.keys(logins).join(', ') || '(empty)',
				// ⚠ SIM wording: the reference gives no message for a missing developer login.
				invalidParameter(
					provider === undefined
						? 'This identity pool has no developer provider name.'
						: `Logins must contain the developer provider name: ${provider}`
				)
			);
		trail.pass(
			'Developer provider in Logins',
			`${provider}: ${userId}`,
			'Trusted as the signed caller says.'
		);
		delete logins[provider];
		const publicLogins = await verifyLogins(model, logins, trail);

		// One identifier, one identity
		const registered = model.identityForLogin(provider, userId);
		let identity: Identity;
		if (input.IdentityId !== undefined) {
			identity = model.requireIdentity(input.IdentityId as string);
			if (registered && registered !== identity)
				trail.fail(
					'Identifier not registered elsewhere',
					`${userId} belongs to ${registered.id}`,
					developerUserAlreadyRegistered()
				);
		} else
			identity =
				registered ??
				publicLogins
					.map((l) => model.identityForLogin(l.provider, l.loginId))
					.find((found) => found !== undefined) ??
				model.createIdentity();
		if (!registered) model.link(identity, provider, userId);
		for (const login of publicLogins)
			if (
				!model.identityForLogin(login.provider, login.loginId) &&
				!identity.logins.has(login.provider)
			)
				model.link(identity, login.provider, login.loginId);
		trail.pass(
			'Identity',
			identity.id,
			registered ? 'The identity of this identifier.' : 'Linked to this identifier now.'
		);

		// ⚠ observed in one slide deck, not documented (cognito.md §7.6)
		const amr = [
			'authenticated',
			provider,
			`${provider}:${pool.id}:${userId}`,
			...publicLogins.flatMap((l) => l.amr)
		];
		const Token = await signOpenIdToken(model, { identityId: identity.id, amr, lifetime });
		trail.pass('OpenID token', `amr: ${JSON.stringify(amr)}; lasts ${lifetime} s`);
		return { IdentityId: identity.id, Token };
	} finally {
		explain(trail.explanation('token', 'Developer identity and OpenID token'));
	}
}

/** `TokenDuration` in seconds, with the model's range check in Coral's words. */
function tokenDuration(value: unknown): number {
	if (value === undefined || value === null) return defaultDuration;
	const problem = (constraint: string) =>
		new AwsServiceError(
			'InvalidParameterException',
			`1 validation error detected: Value '${String(value)}' at 'tokenDuration' failed to satisfy constraint: ${constraint}`
		);
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw problem('Member must be of type Long');
	if (value < 1) throw problem('Member must have value greater than or equal to 1');
	if (value > maxDuration)
		throw problem(`Member must have value less than or equal to ${maxDuration}`);
	return value;
}
