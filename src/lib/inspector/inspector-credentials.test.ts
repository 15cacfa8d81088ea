import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire/read-outcome';
import { maskedSecret } from './find-credentials';
import Inspector from './Inspector.svelte';
import MessageView from './MessageView.svelte';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const now = Date.UTC(2026, 10, 3, 9, 5, 7);

function exchange(): Exchange {
	const response = {
		status: 200,
		statusText: 'OK',
		headers: [['content-type', 'application/x-amz-json-1.1']] as [string, string][],
		body: JSON.stringify({
			IdentityId: 'us-east-1:1',
			Credentials: {
				AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
				SecretKey: secret,
				SessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKENVALUE',
				Expiration: now / 1000 + 3600
			}
		})
	};
	return {
		id: 4,
		from: 'app',
		to: 'identity-pool',
		label: 'GetCredentialsForIdentity',
		request: {
			method: 'POST',
			url: 'https://cognito-identity.us-east-1.amazonaws.com/',
			headers: [['x-amz-target', 'AWSCognitoIdentityService.GetCredentialsForIdentity']],
			body: '{"IdentityId":"us-east-1:1"}'
		},
		response,
		outcome: readOutcome(response),
		at: now,
		explanations: [
			{
				kind: 'trust-policy',
				title: 'Trust policy of FlowLabAuthenticated',
				verdict: 'pass',
				checks: [
					{
						label: 'Statement 1: Action',
						value: 'sts:AssumeRoleWithWebIdentity',
						verdict: 'pass',
						note: 'The action matches.'
					}
				]
			}
		]
	};
}

describe('Inspector: credentials and explanations (server render)', () => {
	it('shows the credentials with the secret key masked, in the card and in the body', () => {
		const { body } = render(MessageView, {
			props: { kind: 'response', exchange: exchange(), now, trusted: [] }
		});
		expect(body).toContain('Temporary AWS credentials');
		expect(body).toContain('ASIAIOSFODNN7EXAMPLE');
		expect(body).toContain('Reveal secret key');
		expect(body).toContain(maskedSecret);
		expect(body).not.toContain(secret);
		expect(body).toContain('valid, in 1 h');
	});

	it('shows how the service decided, check by check, before the message', () => {
		const { body } = render(Inspector, {
			props: { exchange: exchange(), step: null, now, trusted: [] }
		});
		expect(body).toContain('How identity-pool decided');
		expect(body).toContain('Trust policy of FlowLabAuthenticated');
		expect(body).toContain('Statement 1: Action');
		expect(body).toContain('sts:AssumeRoleWithWebIdentity');
		expect(body).toContain('The action matches.');
		expect(body.indexOf('How identity-pool decided')).toBeLessThan(body.indexOf('role="tablist"'));
	});
});
