import { expect, gotoHydrated, test, waitForFlowPlayer } from './fixtures';
import { diagram, expectStepId } from './flow-helpers';

// What only the basic flow's page shows: a harm and its fix as two steps of one run, a step
// where nothing is sent, and the identity pool's own token verified against its published keys.

const basicPath = 'flows/identity-pool-basic-flow/';

async function openBasicFlow(page: Parameters<typeof gotoHydrated>[0], query: string) {
	await gotoHydrated(page, `${basicPath}${query}`);
	await waitForFlowPlayer(page);
}

test.describe('the identity pool basic flow page', () => {
	test('a guest walks off with the authenticated role, then the fixed trust policy refuses', async ({
		page
	}) => {
		await openBasicFlow(page, '?mistake=trust-policy-without-amr&step=assume-authenticated-role');
		await expectStepId(page, 'assume-authenticated-role');

		// Nothing refuses the guest: STS answers 200 with the signed-in users' role.
		const harm = page.locator('.step-outcome [data-outcome="harm"]');
		await expect(harm).toBeVisible();
		await expect(
			harm.getByRole('heading', { name: 'What went wrong: Trust policy without amr' })
		).toBeVisible();
		await expect(page.locator('.step-outcome')).toContainText(
			'assumed-role/FlowLabAuthenticated/flow-lab-app'
		);
		const escalation = diagram(page).locator('.message[data-step-index="2"]');
		await expect(escalation).toHaveAttribute(
			'aria-label',
			/AssumeRoleWithWebIdentity from Web app to STS\. Response: 200 OK/
		);

		// The next step is the same request after the fix, refused; the run carries on as a guest.
		await page.getByRole('button', { name: 'Next step', exact: true }).click();
		await expectStepId(page, 'assume-authenticated-role-after-fix');
		await expect(page.locator('.step-outcome')).toContainText(
			'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity'
		);
		const refused = diagram(page).locator('.message.error[data-step-index="3"]');
		await expect(refused).toHaveAttribute(
			'aria-label',
			/Response: 403 AccessDenied, Not authorized to perform sts:AssumeRoleWithWebIdentity/
		);
		await expect(page.getByLabel('Jump to step').locator('option')).toHaveCount(6);
	});

	test('an OpenID token kept fifteen minutes is refused by STS as expired', async ({ page }) => {
		await openBasicFlow(page, '?mistake=open-id-token-expired&step=open-id-token-expires');
		await expectStepId(page, 'open-id-token-expires');
		await expect(page.locator('.step-outcome')).toContainText("past the token's exp");
		await page.getByRole('button', { name: 'Next step', exact: true }).click();
		await expectStepId(page, 'assume-role-with-web-identity');
		await expect(page.locator('[data-outcome="error"]')).toContainText(
			'ExpiredTokenException: Token expired: current date/time'
		);
	});

	test("the identity pool's token verifies against the keys it publishes", async ({ page }) => {
		await openBasicFlow(page, '?step=get-open-id-token');
		await expectStepId(page, 'get-open-id-token');
		// As a keyboard user opens it: the placeholder may be replaced while it scrolls into view.
		await page.getByRole('button', { name: 'Open the inspector' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.inspector h2.title')).toHaveText('Message inspector');
		await page.getByRole('tab', { name: 'Response' }).click();
		const inspector = page.getByRole('tabpanel');
		await expect(inspector).toContainText('signature verified', { timeout: 20_000 });
		await expect(inspector).toContainText('unauthenticated');
	});

	test('STS explains its trust-policy decision, and the secret stays hidden until revealed', async ({
		page
	}) => {
		await openBasicFlow(page, '?step=assume-role-with-web-identity');
		await expectStepId(page, 'assume-role-with-web-identity');
		await page.locator('svg [data-step-index="2"][data-exchange-id]').first().click();
		const inspector = page.locator('.inspector');
		await inspector.getByRole('tab', { name: 'Response' }).click();

		const decision = inspector
			.locator('details')
			.filter({ hasText: 'Trust policy of FlowLabGuest' });
		await expect(decision).toContainText('Allow');

		// STS's XML names the secret SecretAccessKey; body and card keep it hidden until asked.
		const card = inspector.locator('article').filter({ hasText: 'Temporary AWS credentials' });
		await expect(card).toContainText(/ASIA[A-Z0-9]{16}/);
		const body = inspector.locator('pre').first();
		const secretIn = async () =>
			/<SecretAccessKey>([^<]+)<\/SecretAccessKey>/.exec(await body.innerText())?.[1] ?? '';
		expect(await secretIn()).toMatch(/^•{40}$/);
		await card.getByRole('button', { name: 'Reveal secret' }).click();
		await expect(card.getByRole('button', { name: 'Hide secret' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		expect(await secretIn()).toMatch(/^[A-Za-z0-9+/]{40}$/);
	});
});
