import { validateInput, type InputRules } from '../../wire';
import { amrFor, authenticateIdentity } from '../authenticate-identity';
import { CheckTrail } from '../check-trail';
import { classicFlowDisabled, classicFlowWithRoleMappings } from '../errors';
import { member } from '../input-rules';
import { signOpenIdToken } from '../open-id-token';
import type { OperationContext } from '../operation';
import { verifyLogins } from '../verify-logins';

const rules: InputRules = { IdentityId: member.identityId, Logins: member.logins };

/** GetOpenIdToken's token lasts ten minutes (cognito.md §7.4, observed exp − iat = 600). */
const lifetime = 600;

/**
 * GetOpenIdToken, the basic (classic) flow's first half (cognito.md §7.4–7.5): refused unless
 * the pool allows the classic flow and has no role mappings; then the same identity checks as
 * the enhanced flow, and the pool's own OpenID token for the identity, for the app to take to
 * STS `AssumeRoleWithWebIdentity`.
 */
export async function getOpenIdToken(
	{ model, explain }: OperationContext,
	input: Record<string, unknown>
): Promise<{ IdentityId: string; Token: string }> {
	validateInput(input, rules);
	const identity = model.requireIdentity(input.IdentityId as string);
	const trail = new CheckTrail();
	try {
		// The basic flow must be on, and cannot honour role mappings (the app picks the role)
		if (!model.pool.allowClassicFlow)
			trail.fail('Basic (classic) flow allowed', 'AllowClassicFlow: false', classicFlowDisabled());
		trail.pass('Basic (classic) flow allowed', 'AllowClassicFlow: true');
		const mappings = Object.keys(model.pool.roleMappings);
		if (mappings.length > 0)
			trail.fail('No role mappings', mappings.join(', '), classicFlowWithRoleMappings());
		trail.pass('No role mappings', '(none)');

		const logins = await verifyLogins(model, (input.Logins ?? {}) as Record<string, string>, trail);
		authenticateIdentity(model, identity, logins, trail);
		const amr = amrFor(logins);
		const Token = await signOpenIdToken(model, { identityId: identity.id, amr, lifetime });
		trail.pass('OpenID token', `amr: ${JSON.stringify(amr)}; lasts ${lifetime / 60} minutes`);
		return { IdentityId: identity.id, Token };
	} finally {
		explain(trail.explanation('token', 'Basic flow: identity and OpenID token'));
	}
}
