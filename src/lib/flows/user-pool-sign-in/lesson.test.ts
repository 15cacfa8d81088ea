import { describe, expect, it } from 'vitest';
import { loadFlowLesson } from '$lib/content';
import { definition } from './definition';

describe('the user pool sign-in lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);

	it('quotes in each mistake passage the error the service answers with', () => {
		const errorOf: Record<string, string> = {
			'wrong-password': 'Incorrect username or password.',
			'unconfirmed-user': 'UserNotConfirmedException',
			'late-password-verifier': 'Invalid session for the user, session is expired.',
			'wrong-mfa-code': 'CodeMismatchException',
			'id-token-to-getuser': 'NotAuthorizedException',
			'api-token-at-userinfo':
				'invalid_token: Access token is expired, disabled, or deleted, or the user has globally signed out.',
			'expired-access-token': 'Access Token has expired',
			'refresh-after-sign-out': 'Refresh Token has been revoked',
			'missing-secret-hash': 'is configured with secret but SECRET_HASH was not received'
		};
		// A mistake nothing refuses (leaked tokens still work) has no error to quote.
		const refused = definition.mistakes.filter((m) => !('outcome' in m) || m.outcome !== 'ok');
		expect(Object.keys(errorOf).sort()).toEqual(refused.map((m) => m.id).sort());
		for (const { mistake, html } of lesson.mistakes) {
			if (errorOf[mistake])
				expect(html.replace(/<[^>]+>/g, ' '), mistake).toContain(errorOf[mistake]);
		}
	});
});
