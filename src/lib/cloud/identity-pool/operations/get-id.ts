import { validateInput, type InputRules } from '../../wire';
import { CheckTrail } from '../check-trail';
import { invalidLoginToken, unauthenticatedNotSupported } from '../errors';
import { member } from '../input-rules';
import type { Identity } from '../model';
import type { OperationContext } from '../operation';
import { verifyLogins } from '../verify-logins';

const rules: InputRules = {
	IdentityPoolId: member.identityPoolId,
	AccountId: member.accountId,
	Logins: member.logins
};

/**
 * GetId (cognito.md §7.4): without `Logins`, a new guest identity every call (if the pool
 * allows guests); with `Logins`, each token verified (§7.7) and the identity already linked to
 * that login returned — the same user pool `sub` always gets the same identity — or a new one
 * linked to it.
 */
export async function getId(
	{ model, explain }: OperationContext,
	input: Record<string, unknown>
): Promise<{ IdentityId: string }> {
	validateInput(input, rules);
	model.requirePool(input.IdentityPoolId as string);
	const trail = new CheckTrail();
	try {
		const logins = await verifyLogins(model, (input.Logins ?? {}) as Record<string, string>, trail);
		if (logins.length === 0) {
			if (!model.pool.allowUnauthenticatedIdentities)
				trail.fail(
					'Guests allowed',
					'AllowUnauthenticatedIdentities: false',
					unauthenticatedNotSupported()
				);
			trail.pass('Guests allowed', 'AllowUnauthenticatedIdentities: true');
			const identity = model.createIdentity();
			trail.pass('Identity', `${identity.id} (a new guest identity: guests get one per GetId)`);
			return { IdentityId: identity.id };
		}

		// GetId refuses the pool's own token: it turns an outside login into an identity, and a
		// developer token already names one (OBSERVED: amplify-js #5309 and PR #665, aws-sdk-net #420)
		const own = logins.find((login) => login.ownTokenFor !== undefined);
		if (own)
			trail.fail(
				'Not the pool’s own token',
				`${own.provider}: a token this pool issued for ${own.ownTokenFor}`,
				invalidLoginToken("Can't pass in a Cognito token."),
				'Use the IdentityId that came with the token, with GetCredentialsForIdentity.'
			);

		// The identity a login already belongs to, else a new one
		let identity: Identity | undefined;
		for (const login of logins)
			identity ??=
				login.ownTokenFor !== undefined
					? model.requireIdentity(login.ownTokenFor)
					: model.identityForLogin(login.provider, login.loginId);
		const found = identity !== undefined;
		identity ??= model.createIdentity();
		for (const login of logins)
			if (
				login.ownTokenFor === undefined &&
				!model.identityForLogin(login.provider, login.loginId) &&
				!identity.logins.has(login.provider)
			)
				model.link(identity, login.provider, login.loginId);
		trail.pass(
			'Identity',
			identity.id,
			found ? 'The identity already linked to this login.' : 'A new identity, linked to this login.'
		);
		return { IdentityId: identity.id };
	} finally {
		explain(trail.explanation('token', 'Logins and identity'));
	}
}
