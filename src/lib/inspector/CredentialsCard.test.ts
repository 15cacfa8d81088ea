import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BodyView from './BodyView.svelte';
import CredentialsCard from './CredentialsCard.svelte';
import { findCredentials } from './find-credentials';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const body = JSON.stringify({
	IdentityId: 'us-east-1:0f2b',
	Credentials: {
		AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
		SecretKey: secret,
		SessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
		Expiration: 1_764_003_600
	}
});
const credentials = findCredentials(body)!;
const now = 1_764_000_000_000;
const text = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '');

describe('CredentialsCard', () => {
	it('shows the key id, the session token and the expiry, and masks the secret until revealed', () => {
		const hidden = text(
			render(CredentialsCard, { props: { credentials, now, revealed: false, onToggle: () => {} } })
				.body
		);
		expect(hidden).toContain('ASIAIOSFODNN7EXAMPLE');
		expect(hidden).toContain('SecretKey');
		expect(hidden).not.toContain(secret);
		expect(hidden).toContain('•'.repeat(40));
		expect(hidden).toMatch(/aria-pressed="false"[^>]*>\s*Reveal secret/);
		expect(hidden).toContain('IQoJb3JpZ2luX2Vj…');
		expect(hidden).toContain('2025-11-24 17:00:00 UTC');
		expect(hidden).toContain('in 1 h');

		const shown = text(
			render(CredentialsCard, { props: { credentials, now, revealed: true, onToggle: () => {} } })
				.body
		);
		expect(shown).toContain(secret);
		expect(shown).toMatch(/aria-pressed="true"[^>]*>\s*Hide secret/);
	});

	it('says when the credentials have expired', () => {
		const later = now + 2 * 3_600_000;
		const html = text(
			render(CredentialsCard, {
				props: { credentials, now: later, revealed: false, onToggle: () => {} }
			}).body
		);
		expect(html).toContain('expired 1 h ago');
	});
});

describe('BodyView with secrets', () => {
	it('masks each secret in the formatted body', () => {
		const html = render(BodyView, {
			props: {
				body,
				contentType: 'application/x-amz-json-1.1',
				label: 'Response body',
				secrets: [secret]
			}
		}).body;
		expect(html).not.toContain(secret);
		expect(html).toContain('ASIAIOSFODNN7EXAMPLE');
	});
});
