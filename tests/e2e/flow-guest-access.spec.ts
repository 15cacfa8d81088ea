import type { Page } from '@playwright/test';
import {
	emulateAppearance,
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	test,
	waitForFlowPlayer
} from './fixtures';

// What the generic flow specs cannot show about the guest-access page: the guest's credentials
// with the secret masked until revealed, the denied write that does not end the run, and the
// scope-down refusal's own wording.

const guestPath = 'flows/identity-pool-guest-access/';

async function openGuestFlow(page: Page, query = ''): Promise<void> {
	await gotoHydrated(page, `${guestPath}${query}`);
	await waitForFlowPlayer(page);
}

/** Selects the step's arrow and shows its response in the inspector. */
async function inspectResponse(page: Page, stepIndex: number) {
	const arrow = page.locator(`svg [data-step-index="${stepIndex}"][data-exchange-id]`).first();
	await arrow.click();
	const inspector = page.locator('.inspector');
	await inspector.getByRole('tab', { name: 'Response' }).click();
	return inspector;
}

test.describe('the guest-access flow page', () => {
	test('masks the SecretKey of the guest credentials in the card and the body until revealed', async ({
		page
	}) => {
		await openGuestFlow(page, '?step=2');
		const inspector = await inspectResponse(page, 1);
		const card = inspector.locator('article').filter({ hasText: 'Temporary AWS credentials' });
		await expect(card).toBeVisible();
		await expect(card).toContainText(/ASIA[A-Z0-9]{16}/);

		const body = inspector.locator('pre').first();
		const bodyText = await body.innerText();
		const secret = /"SecretKey": "([^"]+)"/.exec(bodyText)?.[1] ?? '';
		expect(secret).toMatch(/^•{40}$/);

		const reveal = card.getByRole('button', { name: 'Reveal secret' });
		await expect(reveal).toHaveAttribute('aria-pressed', 'false');
		await reveal.click();
		const hide = card.getByRole('button', { name: 'Hide secret' });
		await expect(hide).toHaveAttribute('aria-pressed', 'true');
		const revealed = /"SecretKey": "([^"]+)"/.exec(await body.innerText())?.[1] ?? '';
		expect(revealed).toMatch(/^[A-Za-z0-9+/]{40}$/);
		await expect(card).toContainText(revealed);

		await hide.click();
		await expect(card).not.toContainText(revealed);
	});

	test('shows the denied write as a refused step of a run that goes on, with the IAM decision', async ({
		page
	}) => {
		await openGuestFlow(page, '?step=4');
		await expect(page.locator('.step-outcome')).toHaveAttribute('data-step-id', 'write-object');
		await expect(page.locator('.step-outcome')).toContainText('AccessDenied');
		const inspector = await inspectResponse(page, 3);
		const decision = inspector.locator('details').filter({ hasText: 's3:PutObject' });
		await expect(decision).toHaveAttribute('open', '');
		await expect(decision).toContainText('ImplicitDeny');
	});

	test('the scope-down mistake ends at Systems Manager with the session-policy refusal', async ({
		page
	}) => {
		await openGuestFlow(page, '?mistake=guest-outside-scope-down&step=5');
		const outcome = page.locator('.step-outcome');
		await expect(outcome).toHaveAttribute('data-step-id', 'get-parameter');
		await expect(outcome).toContainText(
			'because no session policy allows the ssm:GetParameter action'
		);
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`passes axe with the credentials open, in ${colorScheme} mode`, async ({ page }) => {
			await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
			await openGuestFlow(page, '?step=2');
			await inspectResponse(page, 1);
			// The rest of the page is scanned by flow-every-page.spec.ts; here, what this test opens.
			await expectNoAxeViolations(page, { include: ['.inspector'] });
		});
	}
});
