import type { Page } from '@playwright/test';
import {
	emulateAppearance,
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	test,
	waitForFlowPlayer
} from './fixtures';

// What the generic flow specs cannot show about the social sign-in page: the PKCE card that
// hashes the verifier again, Google's ID token beside Cognito's, and the attacker refused by PKCE.

const socialPath = 'flows/federation-social-oidc/';

async function openSocialFlow(page: Page, query = ''): Promise<void> {
	await gotoHydrated(page, `${socialPath}${query}`);
	await waitForFlowPlayer(page);
}

/** Selects the step's `nth` arrow and shows its request or response in the inspector. */
async function inspect(page: Page, stepIndex: number, tab: 'Request' | 'Response', nth = 0) {
	const arrow = page.locator(`svg [data-step-index="${stepIndex}"][data-exchange-id]`).nth(nth);
	await arrow.click();
	const inspector = page.locator('.inspector');
	await inspector.getByRole('tab', { name: tab }).click();
	return inspector;
}

test.describe('the social sign-in flow page', () => {
	test('the token request reveals the verifier, hashed again to the challenge sent at authorize', async ({
		page
	}) => {
		await openSocialFlow(page, '?step=6');
		const inspector = await inspect(page, 5, 'Request');
		const card = inspector.locator('.pkce');
		await expect(card).toContainText('code_verifier');
		await expect(card.locator('.verdict')).toHaveText(
			'They match: this request comes from the app that started the sign-in.'
		);
		const [computed, sent] = await card
			.locator('dd code')
			.allInnerTexts()
			.then((t) => t.slice(1));
		expect(computed).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(computed).toBe(sent);
	});

	test("Cognito's ID token is set beside Google's, claim by claim", async ({ page }) => {
		await openSocialFlow(page, '?step=6');
		const inspector = await inspect(page, 5, 'Response');
		const table = inspector.getByRole('table', { name: /Google's ID token beside Cognito's/ });
		await expect(table).toBeVisible();
		const username = table.getByRole('row').filter({ hasText: 'cognito:username' });
		await expect(username).toContainText('Google_110169484474386276334');
		await expect(table.getByRole('row').filter({ hasText: /^iss/ })).toContainText(
			'https://accounts.google.com'
		);
	});

	test('with PKCE, the attacker who stole the code is refused, and the page says so', async ({
		page
	}) => {
		await openSocialFlow(page, '?mistake=code-stolen-with-pkce&step=5');
		const outcome = page.locator('.step-outcome');
		await expect(outcome).toHaveAttribute('data-step-id', 'attacker-redeems-code');
		await expect(outcome).toContainText('invalid_grant');
		const inspector = await inspect(page, 4, 'Request');
		await expect(inspector.locator('.pkce .verdict')).toContainText('refused with invalid_grant');
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`passes axe with the PKCE card and the comparison open, in ${colorScheme} mode`, async ({
			page
		}) => {
			await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
			await openSocialFlow(page, '?step=6');
			await inspect(page, 5, 'Response');
			// The rest of the page is scanned by flow-every-page.spec.ts; here, what this test opens.
			await expectNoAxeViolations(page, { include: ['.inspector'] });
			await page.locator('.inspector').getByRole('tab', { name: 'Request' }).click();
			await expectNoAxeViolations(page, { include: ['.inspector'] });
		});
	}
});
