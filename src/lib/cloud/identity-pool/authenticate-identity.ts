import type { CheckTrail } from './check-trail';
import { loginsDoNotMatch, unauthenticatedNotSupported } from './errors';
import type { Identity, IdentityPoolModel } from './model';
import type { VerifiedLogin } from './verify-logins';

/**
 * The last two checks of cognito.md §7.7 for an existing identity, after its `Logins` verified:
 * no logins → guests must be allowed and the identity must be a guest one; logins → each must be
 * linked to this identity (a login not linked anywhere yet is linked now, as AWS links a new
 * provider to the identity presenting it). A login linked to another identity is refused with
 * "Logins don't match" (⚠ SIM: AWS merges the two identities instead; the simulator keeps them
 * apart so an identity id never changes under a flow).
 */
export function authenticateIdentity(
	model: IdentityPoolModel,
	identity: Identity,
	logins: readonly VerifiedLogin[],
	trail: CheckTrail
): void {
	if (logins.length === 0) {
		if (!model.pool.allowUnauthenticatedIdentities)
			trail.fail(
				'Guests allowed',
				'AllowUnauthenticatedIdentities: false',
				unauthenticatedNotSupported()
			);
		trail.pass('Guests allowed', 'AllowUnauthenticatedIdentities: true');
		if (identity.logins.size > 0)
			trail.fail(
				'Logins match the identity',
				`no Logins, but ${identity.id} is linked to ${[...identity.logins.keys()].join(', ')}`,
				loginsDoNotMatch()
			);
		trail.pass('Logins match the identity', `${identity.id} is a guest identity`);
		return;
	}
	for (const login of logins) {
		const label = `Logins match the identity: ${login.provider}`;
		if (login.ownTokenFor !== undefined) {
			// A guest's token is no login: presenting it must not make the identity authenticated.
			const amr = login.claims.amr;
			const authenticated = Array.isArray(amr) && amr.includes('authenticated');
			if (login.ownTokenFor !== identity.id || !authenticated)
				trail.fail(
					label,
					`token sub ${login.ownTokenFor}\nidentity ${identity.id}`,
					loginsDoNotMatch()
				);
			trail.pass(label, `token issued for ${identity.id}`);
			continue;
		}
		const linked = model.identityForLogin(login.provider, login.loginId);
		const other = identity.logins.get(login.provider);
		if ((linked && linked !== identity) || (!linked && other !== undefined))
			trail.fail(
				label,
				`${login.provider} login ${login.loginId} belongs to ${linked?.id ?? 'no identity'}; ${identity.id} has ${other ?? 'another login'}`,
				loginsDoNotMatch()
			);
		if (!linked) {
			model.link(identity, login.provider, login.loginId);
			trail.pass(label, `${login.loginId} linked to ${identity.id} now`);
		} else trail.pass(label, `${login.loginId} is linked to ${identity.id}`);
	}
}

/** The pool token's `amr` for these logins (cognito.md §7.6). */
export function amrFor(logins: readonly VerifiedLogin[]): string[] {
	if (logins.length === 0) return ['unauthenticated'];
	return ['authenticated', ...new Set(logins.flatMap((l) => l.amr))];
}
