import type { Cloud } from '$lib/cloud';
import { createFlowBrowser } from '../shared/flow-browser';
import { definition, type SocialSignInMistakeId } from './definition';
import type { SocialSignInInput } from './social-sign-in-types';

/** The Google accounts a learner can pick, by the choice's values. */
const accountEmails: Record<string, string> = {
	alice: 'alice@example.com',
	dana: 'dana@example.com'
};

/** A secret such as the console generates, for mistake `client-secret-in-browser`. */
const generatedSecret = '9z8y7x6w5v4u3t2s1rflowlabsecretinthebrowser00';

/**
 * Turns a run's choices and mistakes into the machine's input, from the cloud's scenario, and
 * sets up what a mistake changes in the pool. The cloud must be fresh:
 *
 * - `redirect-uri-not-listed` sends the callback URL with a trailing slash;
 * - `scopes-without-openid` asks for `email profile` only;
 * - `implicit-grant` lets the web client use the implicit grant, as a developer who ticks it would;
 * - `client-secret-in-browser` gives the web client a secret, which the app then sends;
 * - `duplicate-users` signs in with alice's Google account, whatever the choice: a pool user
 *   has its email.
 *
 * Unknown mistake ids are dropped. Throws a `TypeError` when the scenario has no OAuth web client
 * with a Google identity provider, or no such Google account.
 *
 * @example const input = socialSignInInputFor(createCloud(), { account: 'dana' }, []);
 */
export function socialSignInInputFor(
	cloud: Cloud,
	choices: Record<string, string>,
	mistakes: readonly string[]
): SocialSignInInput {
	const { scenario } = cloud;
	const chosen = definition.mistakes
		.map((m): SocialSignInMistakeId => m.id)
		.filter((id) => mistakes.includes(id));
	const has = (id: SocialSignInMistakeId) => chosen.includes(id);

	const client = scenario.userPool.clients.find(
		(c) => c.secret === null && c.supportedIdentityProviders?.includes('Google')
	);
	const provider = scenario.userPool.identityProviders?.find((p) => p.providerType === 'Google');
	if (!client || !provider)
		throw new TypeError('The scenario has no public app client that signs in with Google');
	// Two users from one email need the Google account whose email a pool user has: alice's.
	const email = has('duplicate-users')
		? accountEmails.alice!
		: (accountEmails[choices.account ?? ''] ?? accountEmails.alice!);
	const account = scenario.socialProvider?.accounts.find((a) => a.email === email);
	if (!account) throw new TypeError(`The scenario has no Google account ${email}`);
	const callback = client.callbackUrls[0]!;

	if (has('implicit-grant'))
		client.allowedOAuthFlows = [...(client.allowedOAuthFlows ?? []), 'implicit'];
	if (has('client-secret-in-browser')) client.secret = generatedSecret;

	const pool = scenario.userPool;
	const twins = pool.users.filter((u) => u.attributes.email?.toLowerCase() === email.toLowerCase());
	return {
		fetch: cloud.fetch,
		attackerFetch: cloud.fetchAs('attacker'),
		browser: createFlowBrowser(cloud, [new URL(callback).origin + '/']),
		now: () => cloud.clock.now(),
		advanceClock: (ms) => cloud.clock.advance(ms),
		issuer: `https://cognito-idp.${scenario.region}.amazonaws.com/${pool.id}`,
		client: { client_id: client.id },
		clientSecret: client.secret,
		redirectUri: has('redirect-uri-not-listed') ? `${callback}/` : callback,
		appOrigin: new URL(callback).origin,
		scope: has('scopes-without-openid') ? 'email profile' : 'openid email profile',
		identityProvider: provider.providerName,
		login: { email: account.email, password: account.password },
		googleSub: account.sub,
		logoutUri: client.logoutUrls[0] ?? new URL(callback).origin + '/',
		usersWithSameEmail: twins.map((u) => u.username),
		twin: twins[0] ? { username: twins[0].username, password: twins[0].password } : null,
		otherBrowser: createFlowBrowser(cloud, [new URL(callback).origin + '/']),
		mistakes: chosen
	};
}
