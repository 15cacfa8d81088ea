import { describe, expect, it } from 'vitest';
import { createCloud } from '$lib/cloud';
import { loadFlowLesson } from '$lib/content';
import { identityPoolTestKeys } from '../../../../tests/support/identity-pool-test-keys';
import { definition } from './definition';
import { run } from './run';

describe('the Google-to-identity-pool lesson', async () => {
	const lesson = await loadFlowLesson(definition.id);
	const text = (html: string) =>
		html
			.replace(/<[^>]+>/g, ' ')
			.replace(/&amp;/g, '&')
			.replace(/&#39;|&#x27;/g, "'")
			.replace(/&quot;/g, '"');

	it.each(definition.mistakes.map((m) => [m.id] as const))(
		'%s: the passage quotes, word for word, the error a run with the mistake ends with',
		async (mistake) => {
			const cloud = createCloud(undefined, { identityPoolKeys: identityPoolTestKeys });
			const flowRun = await run({ cloud, choices: {}, mistakes: [mistake] });
			expect(flowRun.status).toBe('failed');
			const passage = lesson.mistakes.find((m) => m.mistake === mistake)!;
			expect(text(passage.html)).toContain(flowRun.error);
		}
	);
});
