import type { Cloud } from '$lib/cloud';
import { createFlowBrowser } from '../shared/flow-browser';
import { definition, type SamlSignInMistakeId } from './definition';
import type { SamlSignInInput } from './saml-sign-in-types';

/** The employees a learner can pick, by the choice's values. */
const employees: Record<string, string> = {
	jdoe: 'jdoe@example.com',
	rroe: 'rroe@example.com'
};

/**
 * Turns a run's choices and mistakes into the machine's input, from the cloud's scenario, and
 * sets up what a mistake changes. The cloud must be fresh:
 *
 * - `wrong-audience` makes the IdP's admin type the pool id without its `0`, as the IdP's
 *   service-provider entry's `audience`: the IdP then signs assertions for that audience.
 *
 * Unknown mistake ids are dropped. Throws a `TypeError` when the scenario has no OAuth web client
 * with a SAML identity provider, or no such IdP user.
 *
 * @example const input = samlSignInInputFor(createCloud(), { user: 'rroe' }, []);
 */
export function samlSignInInputFor(
	cloud: Cloud,
	choices: Record<string, string>,
	mistakes: readonly string[]
): SamlSignInInput {
	const { scenario } = cloud;
	const chosen = definition.mistakes
		.map((m): SamlSignInMistakeId => m.id)
		.filter((id) => mistakes.includes(id));
	const pool = scenario.userPool;
	const provider = pool.identityProviders?.find((p) => p.providerType === 'SAML');
	const client = pool.clients.find(
		(c) =>
			c.secret === null && provider && c.supportedIdentityProviders?.includes(provider.providerName)
	);
	const idp = scenario.samlIdp;
	if (!client || !provider || !idp)
		throw new TypeError('The scenario has no public app client that signs in with a SAML IdP');
	const nameId = employees[choices.user ?? ''] ?? employees.jdoe!;
	const user = idp.users.find((u) => u.nameId === nameId);
	if (!user) throw new TypeError(`The scenario's SAML IdP has no user ${nameId}`);
	const colleague = idp.users.find((u) => u.nameId !== nameId)?.nameId ?? nameId;
	const audience = `urn:amazon:cognito:sp:${pool.id}`;

	if (chosen.includes('wrong-audience')) {
		const sp = idp.serviceProviders.find((s) => s.entityId === audience);
		if (sp) sp.audience = audience.replace(/0(?=1$)/, '');
	}

	const callback = client.callbackUrls[0]!;
	return {
		fetch: cloud.fetch,
		browser: createFlowBrowser(cloud, [new URL(callback).origin + '/']),
		now: () => cloud.clock.now(),
		advanceClock: (ms) => cloud.clock.advance(ms),
		issuer: `https://cognito-idp.${scenario.region}.amazonaws.com/${pool.id}`,
		client: { client_id: client.id },
		redirectUri: callback,
		scope: 'openid email profile',
		identityProvider: provider.providerName,
		login: { username: user.nameId, password: user.password },
		colleague,
		audience,
		mistakes: chosen
	};
}
