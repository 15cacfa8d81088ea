import type { Page } from '@playwright/test';
import {
	emulateAppearance,
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	test,
	waitForFlowPlayer
} from './fixtures';

// What the generic flow specs cannot show about the Google-to-identity-pool page: Google's ID
// token, redeemed by the back end, verified in the inspector against Google's keys; the identity
// pool's refusal of a Logins key written with https://; and Google's token refused by the user pool.

const googlePath = 'flows/identity-pool-google-sign-in/';

async function openGoogleFlow(page: Page, query = ''): Promise<void> {
	await gotoHydrated(page, `${googlePath}${query}`);
	await waitForFlowPlayer(page);
}

/** Selects the step's first arrow and shows its response in the inspector. */
async function inspectResponse(page: Page, stepIndex: number) {
	const arrow = page.locator(`svg [data-step-index="${stepIndex}"][data-exchange-id]`).first();
	await arrow.click();
	const inspector = page.locator('.inspector');
	await inspector.getByRole('tab', { name: 'Response' }).click();
	return inspector;
}

test.describe('the Google-to-identity-pool flow page', () => {
	test("shows Google's ID token from the back end's token call, verified against Google's keys", async ({
		page
	}) => {
		await openGoogleFlow(page, '?step=2');
		const inspector = await inspectResponse(page, 1);
		await expect(inspector.locator('.route')).toContainText('POST /token');
		const idToken = inspector
			.locator('article')
			.filter({ hasText: /ID ?token/i })
			.first();
		await expect(idToken).toBeVisible();
		await expect(idToken).toContainText('https://accounts.google.com');
		await expect(idToken.locator('.verdict')).toHaveText(/valid at the simulated time/);
	});

	test('the wrong Logins key ends at GetId with the identity pool’s own words', async ({
		page
	}) => {
		await openGoogleFlow(page, '?mistake=wrong-logins-key&step=3');
		const outcome = page.locator('.step-outcome');
		await expect(outcome).toHaveAttribute('data-step-id', 'get-id');
		await expect(outcome).toContainText("Invalid login token. Issuer doesn't match providerName");
	});

	test('Google’s token shown to the user pool is refused at userInfo', async ({ page }) => {
		await openGoogleFlow(page, '?mistake=provider-token-to-user-pool&step=3');
		const outcome = page.locator('.step-outcome');
		await expect(outcome).toHaveAttribute('data-step-id', 'ask-user-pool');
		await expect(outcome).toContainText('invalid_token');
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`passes axe with Google's token open, in ${colorScheme} mode`, async ({ page }) => {
			await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
			await openGoogleFlow(page, '?step=2');
			await inspectResponse(page, 1);
			// The rest of the page is scanned by flow-every-page.spec.ts; here, what this test opens.
			await expectNoAxeViolations(page, { include: ['.inspector'] });
		});
	}
});
