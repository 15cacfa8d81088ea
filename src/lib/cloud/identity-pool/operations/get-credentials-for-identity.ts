import { validateInput, type InputRules } from '../../wire';
import { amrFor, authenticateIdentity } from '../authenticate-identity';
import { CheckTrail } from '../check-trail';
import { member } from '../input-rules';
import { issueIdentityCredentials } from '../issue-identity-credentials';
import type { OperationContext } from '../operation';
import { selectRole } from '../select-role';
import { verifyLogins } from '../verify-logins';

const rules: InputRules = {
	IdentityId: member.identityId,
	Logins: member.logins,
	CustomRoleArn: member.roleArn
};

export interface GetCredentialsForIdentityOutput {
	IdentityId: string;
	/** `SecretKey`, not STS's `SecretAccessKey`; `Expiration` in epoch seconds (cognito.md §7.1, §7.4). */
	Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
}

/**
 * GetCredentialsForIdentity, the enhanced flow (cognito.md §7.4–7.5, §7.7–7.9): the identity's
 * `Logins` checked (none for a guest), the role picked by the pool, that role's trust policy
 * evaluated for the pool's own token, and one-hour credentials for it. Each decision — the
 * login checks, the role selection, the trust policy — is explained on the exchange.
 */
export async function getCredentialsForIdentity(
	{ model, explain }: OperationContext,
	input: Record<string, unknown>
): Promise<GetCredentialsForIdentityOutput> {
	validateInput(input, rules);
	const identity = model.requireIdentity(input.IdentityId as string);

	const loginTrail = new CheckTrail();
	let logins;
	try {
		logins = await verifyLogins(model, (input.Logins ?? {}) as Record<string, string>, loginTrail);
		authenticateIdentity(model, identity, logins, loginTrail);
	} finally {
		explain(loginTrail.explanation('token', 'Logins and identity'));
	}

	const roleTrail = new CheckTrail();
	let roleArn: string;
	try {
		roleArn = selectRole(model, logins, input.CustomRoleArn as string | undefined, roleTrail);
	} finally {
		explain(roleTrail.explanation('role-selection', 'Role selection'));
	}

	const credentials = issueIdentityCredentials(
		model,
		{ identityId: identity.id, roleArn, amr: amrFor(logins) },
		explain
	);
	return {
		IdentityId: identity.id,
		Credentials: {
			AccessKeyId: credentials.accessKeyId,
			SecretKey: credentials.secretAccessKey,
			SessionToken: credentials.sessionToken,
			Expiration: Math.floor(credentials.expiration / 1000)
		}
	};
}
