import type { Cloud } from '$lib/cloud';
import { socialProviderEndpoints, socialProviderHosts } from '$lib/cloud/social-provider-hosts';
import { createFlowBrowser } from '../shared/flow-browser';
import { definition, type GoogleFlowMistakeId } from './definition';
import type { GoogleFlowInput } from './google-flow-types';

/** The app's callback at its own site: where Google sends the browser back. */
const appCallback = 'https://app.example.com/google-callback';

/**
 * Turns a learner's choices into the machine's input, from the cloud's scenario: the Google
 * account (`choices.account`, the part of its email before the @), the app's own client at Google
 * (the one whose redirect URI is the app's callback) and the identity pool's Logins key for
 * Google. No mistake changes the account: each is something the app sends. Throws a `TypeError`
 * for a mistake this flow does not know, an account the scenario lacks, or a scenario whose
 * Google has no client for the app or whose identity pool does not list Google.
 *
 * @example const input = googleFlowInputFor(createCloud(), { account: 'dana' }, []);
 */
export function googleFlowInputFor(
	cloud: Cloud,
	choices: Record<string, string>,
	mistakes: readonly string[]
): GoogleFlowInput {
	const known: readonly string[] = definition.mistakes.map((m) => m.id);
	const unknown = mistakes.find((m) => !known.includes(m));
	if (unknown !== undefined)
		throw new TypeError(`Flow ${definition.id} has no mistake "${unknown}"`);
	const made = [...new Set(mistakes)] as GoogleFlowMistakeId[];

	const { scenario } = cloud;
	const google = scenario.socialProvider;
	const wanted = (choices.account ?? definition.choices[0].default).toLowerCase();
	const account = google?.accounts.find((a) => a.email.split('@')[0]!.toLowerCase() === wanted);
	if (!account) throw new TypeError(`The scenario has no Google account "${wanted}"`);
	const client = google!.clients.find((c) => c.redirectUris.includes(appCallback));
	if (!client) throw new TypeError(`The scenario's Google has no client for ${appCallback}`);
	const providerName = socialProviderHosts.accounts;
	if (scenario.identityPool.supportedLoginProviders?.[providerName] === undefined)
		throw new TypeError(`The scenario's identity pool does not list ${providerName}`);
	const bucket = scenario.s3.buckets[0];
	if (!bucket) throw new TypeError('The scenario has no bucket');

	return {
		fetch: cloud.fetch,
		backEndFetch: cloud.fetchAs('back-end'),
		send: (request) => cloud.send(request, { from: 'app' }),
		// The browser hands back to the app anything addressed to the app's own site.
		browser: createFlowBrowser(cloud, [new URL(appCallback).origin + '/']),
		clock: cloud.clock,
		region: scenario.region,
		google: {
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			redirectUri: appCallback,
			authorizeUrl: socialProviderEndpoints.authorize,
			tokenUrl: socialProviderEndpoints.token
		},
		login: { email: account.email, password: account.password },
		identityPoolId: scenario.identityPool.id,
		providerName,
		userInfoUrl: `https://${scenario.userPool.domainPrefix}.auth.${scenario.region}.amazoncognito.com/oauth2/userInfo`,
		bucket: bucket.name,
		mistakes: made
	};
}
