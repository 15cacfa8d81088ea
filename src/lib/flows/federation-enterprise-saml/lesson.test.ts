import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { loadFlowLesson } from '$lib/content';
import { testKeys } from '../../../../tests/support/test-keys';
import { definition } from './definition';
import { run } from './run';

describe('the SAML sign-in lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);
	const text = (html: string) =>
		html
			.replace(/<[^>]+>/g, ' ')
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&');

	it.each(definition.mistakes.map((m) => [m.id] as const))(
		'%s: a passage that quotes, word for word, the error the failed run ends with',
		async (mistake) => {
			const cloud = createCloud(undefined, { userPoolKeys: testKeys });
			const flowRun = await run({ cloud, choices: {}, mistakes: [mistake] });
			const passage = lesson.mistakes.find((m) => m.mistake === mistake)!;
			expect(passage).toBeDefined();
			expect(flowRun.status).toBe('failed');
			expect(text(passage.html)).toContain(flowRun.error);
		}
	);
});
