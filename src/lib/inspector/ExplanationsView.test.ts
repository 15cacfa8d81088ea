import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '$lib/cloud';
import ExplanationsView from './ExplanationsView.svelte';

const explanations: Explanation[] = [
	{
		kind: 'sigv4',
		title: 'Signature Version 4',
		verdict: 'pass',
		checks: [{ label: 'Canonical request', value: 'PUT\n/public/guestbook.txt', verdict: 'pass' }]
	},
	{
		kind: 'permissions',
		title: 's3:PutObject on arn:aws:s3:::flow-lab-notes/public/guestbook.txt',
		verdict: 'fail',
		checks: [
			{
				label: 'read-public · ReadPublic',
				value: '{"Action":"s3:GetObject"}',
				verdict: 'skip',
				note: 'no Action matches the action'
			},
			{
				label: 'Decision',
				value: 'ImplicitDeny',
				verdict: 'fail',
				note: 'No statement allows it, so it is implicitly denied.'
			}
		]
	}
];

describe('ExplanationsView', () => {
	it('lists each decision with its checks, and opens only the ones that failed', () => {
		const html = render(ExplanationsView, { props: { explanations } }).body;
		expect(html).toContain('How the service decided');
		const details = [...html.matchAll(/<details([^>]*)>/g)].map((m) => m[1]);
		expect(details).toHaveLength(2);
		expect(details[0]).not.toContain('open');
		expect(details[1]).toContain('open');
		for (const text of [
			'Signature Version 4',
			'Does not apply:',
			'no Action matches the action',
			'Fail:',
			'ImplicitDeny',
			'PUT\n/public/guestbook.txt'
		])
			expect(html).toContain(text);
	});
});
