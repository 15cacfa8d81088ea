import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { findFlow } from '$lib/flows';
import { testKeys } from '../../../tests/support/test-keys';
import { compareWithProvider } from './federation-comparison';
import { findTokens } from './find-tokens';

describe('compareWithProvider', async () => {
	const { run } = await findFlow('federation-social-oidc')!.load();
	const flowRun = await run({
		cloud: createCloud(undefined, { userPoolKeys: testKeys }),
		choices: {},
		mistakes: []
	});
	const exchanges = flowRun.steps.flatMap((s) => s.exchanges);
	const redemption = exchanges.findIndex((e) => e.label === 'POST /oauth2/token');
	const [idToken, accessToken] = findTokens(exchanges[redemption]!.response);

	it("sets Google's ID token beside Cognito's, claim by claim", () => {
		const comparison = compareWithProvider(idToken!, exchanges.slice(0, redemption));
		expect(comparison).toMatchObject({
			providerName: 'Google',
			providerIssuer: 'https://accounts.google.com'
		});
		const row = (claim: string) => comparison!.rows.find((r) => r.claim === claim)!;
		expect(row('iss')).toMatchObject({
			provider: '"https://accounts.google.com"',
			cognito: '"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01"'
		});
		expect(row('sub').provider).toBe('"110169484474386276334"');
		expect(row('sub').cognito).not.toBe(row('sub').provider);
		expect(row('cognito:username')).toMatchObject({
			provider: null,
			cognito: '"Google_110169484474386276334"'
		});
		expect(row('email')).toMatchObject({
			provider: '"alice@example.com"',
			cognito: '"alice@example.com"'
		});
	});

	it('compares nothing for an access token, or without the provider token in the run', () => {
		expect(compareWithProvider(accessToken!, exchanges.slice(0, redemption))).toBeNull();
		expect(compareWithProvider(idToken!, [])).toBeNull();
	});
});
