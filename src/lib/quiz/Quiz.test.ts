import { render } from 'svelte/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Quiz from './Quiz.svelte';

const quiz = {
	questions: [
		{
			id: 'which-token',
			prompt: 'Which token goes to GetUser?',
			choices: [
				{ id: 'a', text: 'The ID token' },
				{ id: 'b', text: 'The access token' },
				{ id: 'c', text: 'The refresh token' }
			],
			answer: 'b',
			explanation: 'GetUser takes an access token.',
			link: { step: 'get-user', mistakes: ['id-token-to-getuser'] }
		}
	]
};

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('Quiz (server render, as prerendering does)', () => {
	it('shows the unanswered state and never touches localStorage', () => {
		const touched = vi.fn(() => {
			throw new Error('localStorage read during prerendering');
		});
		vi.stubGlobal('localStorage', {
			getItem: touched,
			setItem: touched,
			removeItem: touched
		});
		const { body } = render(Quiz, {
			props: { flowId: 'user-pool-sign-in', quiz, linkFor: (l) => `?step=${l.step}` }
		});
		expect(touched).not.toHaveBeenCalled();
		expect(body).toContain('1 question, none answered yet.');
		expect(body).toContain('<legend');
		expect(body).toContain('type="radio"');
		expect(body).not.toContain('See it happen');
		expect(body).not.toContain('checked=""');
	});
});
