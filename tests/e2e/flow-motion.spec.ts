import { emulateAppearance, expect, test } from './fixtures';
import { openFlow } from './flow-helpers';

/** Presses "Next step" and reports, one frame later, what the new step's message shows. */
async function nextAndLook(page: import('@playwright/test').Page) {
	return page.evaluate(async () => {
		const next = [...document.querySelectorAll('button')].find(
			(b) => b.textContent?.trim() === 'Next step'
		);
		next?.click();
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		const message = document.querySelector('[data-step-index="1"][data-exchange-id]');
		return {
			drawn: message !== null,
			response: message?.querySelector('.response') !== null,
			busy: document.querySelector('svg[data-current-step]')?.getAttribute('aria-busy')
		};
	});
}

test.describe('diagram motion', () => {
	test('a new message travels: the request first, the response after it', async ({ page }) => {
		await emulateAppearance(page, { reducedMotion: 'no-preference' });
		await openFlow(page);
		const early = await nextAndLook(page);
		// The diagram says it is still changing while the arrow travels (the bench waits on it).
		expect(early).toEqual({ drawn: true, response: false, busy: 'true' });
		const message = page.locator('[data-step-index="1"][data-exchange-id]');
		await expect(message.locator('.response')).toHaveCount(1);
		await expect(page.locator('svg[data-current-step]')).toHaveAttribute('aria-busy', 'false');
	});

	test('with reduced motion the same message is drawn whole at once', async ({ page }) => {
		await emulateAppearance(page, { reducedMotion: 'reduce' });
		await openFlow(page);
		expect(await nextAndLook(page)).toEqual({ drawn: true, response: true, busy: 'false' });
	});
});

test('Play moves on by itself at the chosen speed, and Pause stops it', async ({ page }) => {
	await openFlow(page);
	await page.getByLabel('Speed').selectOption('2');
	await page.getByRole('button', { name: 'Play', exact: true }).click();
	await expect(page.locator('svg[data-current-step]')).toHaveAttribute('data-current-step', '2', {
		timeout: 10_000
	});
	await page.getByRole('button', { name: 'Pause', exact: true }).click();
	const stopped = await page.locator('svg[data-current-step]').getAttribute('data-current-step');
	await page.waitForTimeout(2_000);
	await expect(page.locator('svg[data-current-step]')).toHaveAttribute(
		'data-current-step',
		stopped ?? ''
	);
});
