import type { Explanation, ExplanationCheck } from '../exchange';
import { evaluateTrustPolicy, explainDecision } from '../iam';
import type { PolicyDocument } from '../scenario/types';
import type { ServiceContext } from '../service';
import { accessDenied, durationTooLong } from './errors';
import { readAssumeRoleInput } from './read-assume-role-input';
import { verifyWebIdentityToken } from './verify-web-identity-token';
import { webIdentityPrincipal } from './web-identity-principal';
import type { XmlMembers } from '../wire';

/**
 * `AssumeRoleWithWebIdentity` (cognito.md §8): unsigned; the web identity token is the caller's
 * only proof. Labelled steps: read the input, verify the token, find the role, evaluate its trust
 * policy, issue credentials. Answers the `<…Result>` members in §8.2's order.
 */
export async function assumeRoleWithWebIdentity(
	params: ReadonlyMap<string, string>,
	context: Pick<ServiceContext, 'account' | 'clock'>,
	explain: (explanation: Explanation) => void
): Promise<XmlMembers> {
	const { account, clock } = context;

	// Read input.
	const input = readAssumeRoleInput(params);

	// Verify the web identity token.
	const checks: ExplanationCheck[] = [];
	let verified;
	try {
		verified = await verifyWebIdentityToken(input.webIdentityToken, account, clock.now(), checks);
	} finally {
		explain({
			kind: 'token',
			title: 'Web identity token',
			verdict: checks.every((c) => c.verdict !== 'fail') ? 'pass' : 'fail',
			checks
		});
	}
	const { claims } = verified;

	// Find the role. SIM: STS does not reveal whether a role exists; a role this account lacks
	// is refused like one whose trust policy says no.
	const role = account.role(input.roleArn);
	if (!role) {
		explain({
			kind: 'trust-policy',
			title: 'Trust policy',
			verdict: 'fail',
			checks: [
				{
					label: 'Role',
					value: input.roleArn,
					verdict: 'fail',
					note: 'No such role in this account.'
				}
			]
		});
		throw accessDenied();
	}

	// Evaluate the trust policy with the token as principal and its claims as condition keys.
	const { principal, context: keys } = webIdentityPrincipal(claims, account.id);
	const decision = evaluateTrustPolicy(role, {
		action: 'sts:AssumeRoleWithWebIdentity',
		principal,
		context: keys
	});
	explain(explainDecision(`Trust policy of ${role.name}`, decision, 'trust-policy'));
	if (decision.effect !== 'Allow') throw accessDenied();

	// Check the session length against the role's maximum (after the role is known).
	if (input.durationSeconds > role.maxSessionDuration) throw durationTooLong();

	// Issue credentials: the token's keys stay with them for later policy checks.
	const credentials = account.issueCredentials({
		roleArn: role.arn,
		roleSessionName: input.roleSessionName,
		expiration: clock.now() + input.durationSeconds * 1000,
		context: keys,
		...sessionPolicy(input.policy, input.policyArns)
	});
	return {
		SubjectFromWebIdentityToken: claims.sub,
		Audience: Array.isArray(claims.aud) ? claims.aud[0] : claims.aud,
		AssumedRoleUser: { Arn: credentials.assumedRoleArn, AssumedRoleId: credentials.assumedRoleId },
		Credentials: {
			SessionToken: credentials.sessionToken,
			SecretAccessKey: credentials.secretAccessKey,
			Expiration: isoSeconds(credentials.expiration),
			AccessKeyId: credentials.accessKeyId
		},
		// ⚠ §8.2: the `iss` verbatim (whether STS strips `https://` is not documented).
		Provider: claims.iss
	};
}

/**
 * The union of the inline and managed session policies the caller passed. SIM: the simulator
 * knows no managed policies, so a `PolicyArns` entry adds nothing to the union; passing only ARNs
 * leaves a session policy that allows nothing, so session policies still only ever narrow.
 */
function sessionPolicy(
	policy: PolicyDocument | undefined,
	policyArns: string[]
): { sessionPolicy?: PolicyDocument } {
	if (policy) return { sessionPolicy: policy };
	if (policyArns.length > 0) return { sessionPolicy: { Version: '2012-10-17', Statement: [] } };
	return {};
}

/** `2026-11-22T00:31:40Z`: ISO-8601 UTC without milliseconds, as STS writes `Expiration`. */
function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
