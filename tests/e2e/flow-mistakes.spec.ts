import { expect, test, waitForFlowPlayer } from './fixtures';
import { diagram, expectStep, expectStepId, openFlow, openWhatIf } from './flow-helpers';

test.describe('"What if" mistakes', () => {
	test("tokens in localStorage: the attacker's GetUser succeeds as the victim", async ({
		page
	}) => {
		// Step 6 for alice: the two stolen-token steps follow GetUser (step 4).
		await openFlow(page, '?mistake=tokens-in-local-storage&step=6');
		await expectStep(page, 5);
		await expectStepId(page, 'attacker-get-user');

		// The attacker has a column of its own, and its GetUser comes back 200, not refused.
		await expect(
			page.getByRole('img', { name: /Actors: .*Attacker \(attacker\.example\)/ })
		).toBeVisible();
		const replay = diagram(page).locator('.message[data-step-index="5"]');
		await expect(replay).toHaveCount(1);
		await expect(replay).not.toHaveClass(/error/);
		await expect(replay).toHaveAttribute(
			'aria-label',
			/GetUser from Attacker to User pool\. Response: 200 OK/
		);
		const theft = diagram(page).locator('.message[data-step-index="4"]');
		await expect(theft).toHaveAttribute(
			'aria-label',
			/POST \/tokens from Web app to Attacker\. Response: 204 No Content/
		);

		// The caption names the victim the pool answered about; nothing on the page says "refused".
		const outcome = page.locator('.step-outcome');
		await expect(outcome).toContainText("alice's 4 attributes, email alice@example.com among them");
		await expect(page.locator('[data-outcome="error"]')).toHaveCount(0);
	});

	test('a mistake nothing refuses is explained as a warning at its own step', async ({ page }) => {
		await openFlow(page, '?mistake=tokens-in-local-storage&step=5');
		await expectStepId(page, 'steal-tokens');
		const warning = page.locator('.step-outcome [data-outcome="harm"]');
		await expect(warning).toContainText('Nothing refused this, and that is the problem');
		await expect(
			warning.getByRole('heading', { name: 'What went wrong: Tokens kept in localStorage' })
		).toBeVisible();
		await expect(warning.locator('.prose')).toContainText('HttpOnly');
	});

	test('an attacker column appears only with the mistake that brings it', async ({ page }) => {
		await openFlow(page, '?step=4');
		await expect(page.getByRole('img', { name: /^Actors: / })).toHaveAttribute(
			'aria-label',
			'Actors: Web app (in the browser), User pool (cognito-idp)'
		);
	});

	test('toggling a mistake re-runs the flow and keeps the step when it can', async ({ page }) => {
		await openFlow(page, '?step=2');
		await openWhatIf(page);
		await page.getByRole('checkbox', { name: /ID token sent to GetUser/ }).check();
		await waitForFlowPlayer(page);
		await expect(page).toHaveURL(/[?&]mistake=id-token-to-getuser(&|$)/);
		await expectStep(page, 1);
		await expectStepId(page, 'password-verifier');

		// Unticking it brings back the full run, still at the same step.
		await page.getByRole('checkbox', { name: /ID token sent to GetUser/ }).uncheck();
		await waitForFlowPlayer(page);
		await expect(page).not.toHaveURL(/mistake=/);
		await expectStep(page, 1);
	});

	test('picking bob adds the MFA step', async ({ page }) => {
		await openFlow(page);
		await page.getByRole('radio', { name: /bob/ }).check();
		await waitForFlowPlayer(page);
		await expect(page).toHaveURL(/[?&]user=bob(&|$)/);
		await expect(page.getByLabel('Jump to step')).toContainText('Answer the TOTP MFA challenge');
	});
});
