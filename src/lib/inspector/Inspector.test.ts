import fc from 'fast-check';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire/read-outcome';
import Inspector from './Inspector.svelte';
import { signInTokens, testPool as pool } from './test-pool.fixture';
import { clientId, issuer, now } from './test-tokens.fixture';

function exchange(requestBody: string, responseBody: string, status = 200): Exchange {
	const response = {
		status,
		statusText: status === 200 ? 'OK' : 'Bad Request',
		headers: [['content-type', 'application/x-amz-json-1.1']] as [string, string][],
		body: responseBody
	};
	return {
		id: 2,
		from: 'app',
		to: 'user-pool',
		label: 'RespondToAuthChallenge',
		request: {
			method: 'POST',
			url: 'https://cognito-idp.us-east-1.amazonaws.com/',
			headers: [
				['content-type', 'application/x-amz-json-1.1'],
				['x-amz-target', 'AWSCognitoIdentityProviderService.RespondToAuthChallenge']
			],
			body: requestBody
		},
		response,
		outcome: readOutcome(response),
		at: now
	};
}

const props = (ex: Exchange | null) => ({
	exchange: ex,
	step: null,
	now,
	trusted: [{ issuer, kind: 'user-pool' as const, jwks: pool.jwks, audiences: [clientId] }]
});

describe('Inspector (server render)', () => {
	it('renders a hint and no message when nothing is selected', () => {
		const { body } = render(Inspector, { props: props(null) });
		expect(body).toContain('Message inspector');
		expect(body).toContain('Select a message');
	});

	it('names the AWS error of an error response in its header', () => {
		const error = '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}';
		const { body } = render(Inspector, { props: props(exchange('{}', error, 400)) });
		expect(body).toContain('NotAuthorizedException');
		expect(body).toContain('Incorrect username or password.');
	});

	it('labels a decoded payload as not verified until verification has run', async () => {
		const { idToken, accessToken, refreshToken } = await signInTokens();
		const result = JSON.stringify({
			AuthenticationResult: {
				AccessToken: accessToken,
				IdToken: idToken,
				RefreshToken: refreshToken
			}
		});
		// Only the selected tab (Request, at first) is rendered, so the tokens go in the request.
		const { body } = render(Inspector, { props: props(exchange(result, '{}')) });
		expect(body).toContain('decoded, not verified yet');
		expect(body).toContain('expires in 59 min');
		expect(body).toContain('Encrypted key');
		expect(body).toContain('The only way to find out whether it');
	});

	it('never throws, whatever the bodies hold', () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary' }),
			fc.json(),
			fc
				.array(fc.string({ unit: fc.constantFrom(...'eyJ.-_{}"a') }), { maxLength: 6 })
				.map((p) => `{"AccessToken":${JSON.stringify(p.join('.'))}}`)
		);
		fc.assert(
			fc.property(text, text, fc.integer({ min: 100, max: 599 }), (req, res, status) => {
				const { body } = render(Inspector, { props: props(exchange(req, res, status)) });
				expect(body).toContain('Message inspector');
			}),
			{ numRuns: 150 }
		);
	});
});
