import { describe, expect, it } from 'vitest';
import { createCloud, type Exchange } from '$lib/cloud';
import { findFlow } from '$lib/flows';
import { testKeys } from '../../../tests/support/test-keys';
import { findPkce } from './pkce-notes';

/** The exchanges of a real run of the social sign-in flow, oldest first. */
async function exchangesOf(mistakes: string[]): Promise<Exchange[]> {
	const { run } = await findFlow('federation-social-oidc')!.load();
	const cloud = createCloud(undefined, { userPoolKeys: testKeys });
	const flowRun = await run({ cloud, choices: {}, mistakes });
	return flowRun.steps.flatMap((s) => s.exchanges);
}

const pkceOf = (exchanges: Exchange[], label: string) => {
	const index = exchanges.findIndex((e) => e.label === label);
	return findPkce(exchanges[index]!, exchanges.slice(0, index));
};

describe('findPkce', () => {
	it("reads the challenge of the authorization request, and the redemption's verifier against it", async () => {
		const exchanges = await exchangesOf([]);
		const sent = pkceOf(exchanges, 'GET /oauth2/authorize');
		expect(sent).toMatchObject({ kind: 'challenge', method: 'S256' });
		const redeemed = pkceOf(exchanges, 'POST /oauth2/token');
		expect(redeemed).toEqual({
			kind: 'verifier',
			verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
			challenge: sent!.kind === 'challenge' ? sent!.challenge : null
		});
		// Cognito redeems Google's code as a confidential client, without PKCE; nothing else is PKCE.
		expect(pkceOf(exchanges, 'POST /token')).toEqual({
			kind: 'no-verifier',
			challenge: null,
			withSecret: true
		});
		const others = exchanges.flatMap((e, i) =>
			['GET /oauth2/authorize', 'POST /oauth2/token', 'POST /token'].includes(e.label)
				? []
				: [findPkce(e, exchanges.slice(0, i))]
		);
		expect(others).toEqual(others.map(() => null));
	});

	it('says when a code is redeemed with no verifier, with or without a challenge before it', async () => {
		expect(pkceOf(await exchangesOf(['code-stolen-without-pkce']), 'POST /oauth2/token')).toEqual({
			kind: 'no-verifier',
			challenge: null,
			withSecret: false
		});
		const guarded = pkceOf(await exchangesOf(['code-stolen-with-pkce']), 'POST /oauth2/token');
		expect(guarded).toEqual({
			kind: 'no-verifier',
			challenge: expect.any(String),
			withSecret: false
		});
	});

	it('never throws on a malformed URL or body', () => {
		const broken = {
			request: {
				method: 'POST',
				url: 'not a url',
				headers: [['content-type', 'application/x-www-form-urlencoded']],
				body: '%%%&grant_type=authorization_code&code_verifier=%zz'
			}
		} as unknown as Exchange;
		expect(findPkce(broken, [broken])).toMatchObject({ kind: 'verifier' });
	});
});
