import { expect, gotoHydrated, test } from './fixtures';
import { diagram, expectStep, openFlow, signInPath, stepCount, tabTo } from './flow-helpers';

test.describe('flow player, keyboard only', () => {
	test('a learner steps through the whole sign-in with only the keyboard', async ({
		page,
		pageProblems
	}) => {
		// Nothing is sent until the learner starts: "Next step" sends the first request.
		await gotoHydrated(page, signInPath);
		await expect(page.getByRole('button', { name: 'Send the first request' })).toBeVisible();
		await tabTo(page, page.getByRole('button', { name: 'Next step', exact: true }));
		await page.keyboard.press('Enter');
		await expect(page.locator('.flow-player')).toHaveAttribute('data-ready', 'true', {
			timeout: 20_000
		});
		const count = await stepCount(page);
		expect(count).toBeGreaterThan(4);
		await expectStep(page, 0);
		await expect(page.getByRole('button', { name: 'Send the first request' })).toHaveCount(0);

		const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
		for (let i = 1; i < count; i++) {
			await page.keyboard.press('ArrowRight');
			await expectStep(page, i);
			await expect(live).toContainText(`Step ${i + 1} of ${count}:`);
			// Later steps are not drawn yet; this one and every earlier one are.
			await expect(diagram(page).locator(`[data-step-index="${i + 1}"]`)).toHaveCount(0);
			await expect(diagram(page).locator(`[data-step-index="${i}"]`).first()).toBeVisible();
		}
		await expect(page).toHaveURL(new RegExp(`[?&]step=${count}(&|$)`));
		await expect(page.locator('[data-outcome="done"]')).toContainText('Flow complete');

		// Stepping back shows the earlier state again, without a re-run.
		await page.keyboard.press('ArrowLeft');
		await expectStep(page, count - 2);
		await expect(page.locator('.flow-player')).toHaveAttribute('data-ready', 'true');
		await page.keyboard.press('Home');
		await expectStep(page, 0);
		await page.keyboard.press('End');
		await expectStep(page, count - 1);

		// The text equivalent lists every step so far, with its outcome.
		await page.getByText('Steps so far, as text').press('Enter');
		await expect(page.locator('.transcript ol > li')).toHaveCount(count);

		// The run, the worker and every redraw stayed within the page's CSP and logged no error.
		expect(pageProblems.all).toEqual([]);
	});

	test('Space plays and pauses when focus is in the diagram, not on a button', async ({ page }) => {
		await openFlow(page);
		// Space on a button presses that button; on the diagram's scroll area it plays.
		await tabTo(page, page.getByRole('region', { name: 'Sequence diagram' }));
		await page.keyboard.press(' ');
		await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
		await page.keyboard.press(' ');
		await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
	});

	test('Enter on a message selects it for the inspector', async ({ page }) => {
		await openFlow(page, '?step=3');
		const first = diagram(page).locator('[data-exchange-id]').first();
		await tabTo(page, first);
		await page.keyboard.press('Enter');
		await expect(first).toHaveAttribute('aria-pressed', 'true');
		const label = await first.getAttribute('aria-label');
		expect(label).toContain('InitiateAuth');
		await expect(page.getByRole('heading', { name: 'Message inspector' })).toBeVisible();
		await expect(page.locator('.inspector .route strong')).toHaveText('InitiateAuth');
	});

	test('arrow keys inside the inspector stay with the inspector', async ({ page }) => {
		await openFlow(page, '?step=2');
		// Built on demand; its placeholder's button brings it, and focus lands on its first tab.
		// (its own click, with no scroll first: scrolling near the inspector builds it too)
		await page.getByRole('button', { name: 'Open the inspector' }).dispatchEvent('click');
		const request = page.getByRole('tab', { name: 'Request' });
		await expect(request).toBeFocused();
		await request.click();
		await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('tab', { name: 'Response' })).toBeFocused();
		await page.getByRole('tabpanel').focus();
		await page.keyboard.press('ArrowRight');
		await expectStep(page, 1);
	});

	test('arrow keys in a form field keep their meaning', async ({ page }) => {
		await openFlow(page, '?step=2');
		const summary = page.locator('summary', { hasText: 'What if' });
		await tabTo(page, summary);
		await page.keyboard.press('Enter');
		const checkbox = page.getByRole('checkbox', { name: /Wrong password/ });
		await tabTo(page, checkbox);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowLeft');
		await expectStep(page, 1);
		await expect(checkbox).not.toBeChecked();
	});
});
