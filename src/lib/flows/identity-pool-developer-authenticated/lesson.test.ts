import { describe, expect, it } from 'vitest';
import { loadFlowLesson } from '$lib/content';
import { definition } from './definition';

/** A passage as plain text, with the entities the renderer writes for quotes decoded. */
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;|&apos;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/\s+/g, ' ');

describe('the developer-authenticated lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);

	it('quotes in each refused mistake the error the identity pool answers with', () => {
		const errorOf: Record<string, string> = {
			'get-id-with-developer-token':
				"NotAuthorizedException: Invalid login token. Can't pass in a Cognito token.",
			'identity-id-without-token':
				"NotAuthorizedException: Logins don't match. Please include at least one valid login for this identity or identity pool."
		};
		// The shipped keys are refused nowhere: the attacker's success is the lesson.
		const refused = definition.mistakes.filter((m) => !('outcome' in m) || m.outcome !== 'ok');
		expect(Object.keys(errorOf).sort()).toEqual(refused.map((m) => m.id).sort());
		for (const { mistake, html } of lesson.mistakes)
			if (errorOf[mistake]) expect(text(html), mistake).toContain(errorOf[mistake]);
	});
});
