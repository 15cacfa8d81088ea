import { describe, expect, it } from 'vitest';
import { loadFlowLesson, loadQuiz } from '$lib/content';
import { definition } from './definition';

/** A passage's build-time HTML as plain text. */
function text(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

describe('the enhanced identity-pool flow lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);

	it('writes the policy variable literally, braces and all', () => {
		const putObject = lesson.steps.find((s) => s.step === 'put-object')!;
		expect(text(putObject.html)).toContain('${cognito-identity.amazonaws.com:sub}');
	});

	it('quotes in each refused mistake passage the error the service answers with', () => {
		const errorOf: Record<string, string> = {
			'access-token-in-logins': 'Invalid login token. Missing a required claim: aud',
			'wrong-logins-key': "Invalid login token. Issuer doesn't match providerName",
			'client-not-configured': 'Token is not from a supported provider of this identity pool.',
			'trust-policy-assume-role':
				'InvalidIdentityPoolConfigurationException: Invalid identity pool configuration. Check assigned IAM roles for this pool.',
			'rules-match-nothing': 'denied this request.',
			'jwt-straight-to-s3': 'InvalidArgument',
			'user-pool-sub-in-policy': 'AccessDenied',
			'read-another-identity': 'AccessDenied',
			'expired-credentials': 'ExpiredToken: The provided token has expired.'
		};
		const refused = definition.mistakes.filter((m) => !('outcome' in m) || m.outcome !== 'ok');
		expect(Object.keys(errorOf).sort()).toEqual(refused.map((m) => m.id).sort());
		for (const { mistake, html } of lesson.mistakes) {
			if (errorOf[mistake]) expect(text(html), mistake).toContain(errorOf[mistake]);
		}
	});
});

describe('the enhanced identity-pool flow quiz', async () => {
	const quiz = await loadQuiz(definition.id);

	it('links a question about a mistake to the step where that mistake shows', () => {
		for (const { id, link } of quiz.questions) {
			for (const mistake of link.mistakes)
				expect(definition.mistakes.find((m) => m.id === mistake)!.step, id).toBe(link.step);
		}
	});
});
