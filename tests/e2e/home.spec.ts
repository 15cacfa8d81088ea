import { emulateAppearance, expect, expectNoAxeViolations, gotoHydrated, test } from './fixtures';

test.describe('home page', () => {
	test('renders one visible top-level heading and a page title', async ({ page }) => {
		await gotoHydrated(page, '');
		const heading = page.getByRole('heading', { level: 1 });
		await expect(heading).toHaveCount(1);
		await expect(heading).toBeVisible();
		await expect(heading).not.toHaveText(/^\s*$/);
		await expect(page).toHaveTitle(/Cognito Flow Lab/);
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`passes axe with zero violations in ${colorScheme} mode`, async ({ page }) => {
			await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
			await gotoHydrated(page, '');
			// The theme follows the system unless the learner picked one: make sure the emulated
			// scheme really painted, or the dark run would silently check the light colours again.
			const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			expect(luminance(background) < 0.5, `body background ${background}`).toBe(
				colorScheme === 'dark'
			);
			await expectNoAxeViolations(page);
		});
	}

	test('makes no off-origin request and logs no error while loading', async ({
		page,
		pageProblems,
		offOriginRequests
	}) => {
		await gotoHydrated(page, '');
		await page.waitForLoadState('networkidle');
		expect(offOriginRequests).toEqual([]);
		expect(pageProblems.all).toEqual([]);
	});
});

/** Relative luminance (0 black … 1 white) of a computed `rgb(...)` / `rgba(...)` colour. */
function luminance(color: string): number {
	const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
