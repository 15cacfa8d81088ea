import { emulateAppearance, expect, expectNoAxeViolations, test } from './fixtures';
import { diagram, openFlow } from './flow-helpers';

test.describe('flow page with the inspector', () => {
	test('the ID-token message opened in the inspector shows it verified', async ({ page }) => {
		await openFlow(page, '?step=2');
		const tokens = diagram(page).locator('[data-step-index="1"][data-exchange-id]');
		await tokens.click();
		await expect(tokens).toHaveAttribute('aria-pressed', 'true');
		const inspector = page.locator('.inspector');
		await inspector.getByRole('tab', { name: 'Response' }).click();
		const idToken = inspector
			.locator('article')
			.filter({ hasText: /ID ?token/i })
			.first();
		await expect(idToken).toBeVisible();
		await expect(idToken.locator('.verdict')).toHaveText(/valid at the simulated time/);
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`passes axe with the inspector open, in ${colorScheme} mode`, async ({ page }) => {
			await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
			await openFlow(page, '?step=4&mistake=id-token-to-getuser');
			await page.locator('summary', { hasText: 'Steps so far' }).click();
			await expect(page.locator('.inspector .route strong')).toHaveText('GetUser');
			await page.getByRole('tab', { name: 'Response' }).click();
			// The rest of the page is scanned by flow-every-page.spec.ts; here, the player with what
			// this test opens (the inspector, the steps as text).
			await expectNoAxeViolations(page, { include: ['section.player'] });
		});
	}
});
