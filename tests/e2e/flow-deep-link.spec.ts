import type { Page } from '@playwright/test';
import { expect, test, waitForFlowPlayer } from './fixtures';
import {
	expectStep,
	expectStepId,
	openFlow,
	openQuiz,
	openWhatIf,
	signInPath,
	stepCount
} from './flow-helpers';

test.describe('flow URL state', () => {
	test('a deep link restores the exact step, mistakes and user, also after a reload', async ({
		page
	}) => {
		await openFlow(page, '?step=3&mistake=wrong-mfa-code&user=bob');
		await expectStep(page, 2);
		await expectStepId(page, 'software-token-mfa');
		await expect(page.locator('[data-outcome="error"]')).toContainText('CodeMismatchException');
		await expect(page.getByRole('radio', { name: /bob/ })).toBeChecked();
		await expect(page.locator('details.what-if summary')).toContainText('1 mistake on');
		await openWhatIf(page);
		await expect(page.getByRole('checkbox', { name: /Wrong MFA code/ })).toBeChecked();

		await page.getByRole('button', { name: 'Previous step', exact: true }).click();
		await expectStep(page, 1);
		await expect(page).toHaveURL(/\?step=2&mistake=wrong-mfa-code&user=bob$/);

		await page.reload();
		await waitForFlowPlayer(page);
		await expectStep(page, 1);
		await openWhatIf(page);
		await expect(page.getByRole('checkbox', { name: /Wrong MFA code/ })).toBeChecked();
		await expect(page.getByRole('radio', { name: /bob/ })).toBeChecked();
	});

	test('the first step is the plain address; later steps are in the query', async ({ page }) => {
		await openFlow(page);
		await page.getByRole('button', { name: 'Next step', exact: true }).click();
		await expect(page).toHaveURL(/\?step=2$/);
		await page.getByRole('button', { name: 'Previous step', exact: true }).click();
		await expectStep(page, 0);
		await expect(page).toHaveURL(/\/flows\/user-pool-sign-in\/$/);
	});

	test('a link may name the step by id, as quiz links do', async ({ page }) => {
		await openFlow(page, '?step=get-user');
		await expectStepId(page, 'get-user');
		await expect(page).toHaveURL(/\?step=\d+$/);
	});

	test('a plain visit runs no app code until the learner reaches for it, and loses no early press', async ({
		page
	}) => {
		const simulator: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('/workers/')) simulator.push(r.url());
		});
		const app = await holdAppModules(page);
		await page.goto(signInPath, { waitUntil: 'domcontentloaded' });
		await expect(page.getByText('Nothing has been sent yet.')).toBeVisible();

		// The press lands while the app's code is still on its way: held, then replayed at its step.
		const passage = page.locator('#lesson-global-sign-out');
		await passage.getByRole('button', { name: 'Show this step' }).click();
		expect(await page.evaluate(() => document.documentElement.dataset.hydrated)).toBeUndefined();
		expect(simulator).toEqual([]);
		app.release();
		await waitForFlowPlayer(page, 20_000);
		await expectStepId(page, 'global-sign-out');
		await expect(passage).toHaveAttribute('aria-current', 'step');
		expect(simulator.length).toBeGreaterThan(0);
	});

	test('a key pressed and a list opened before the app is there are kept too', async ({ page }) => {
		const app = await holdAppModules(page);
		await page.goto(signInPath, { waitUntil: 'domcontentloaded' });
		await page.getByText('What if…').click();
		const start = page.getByRole('button', { name: 'Send the first request' });
		await start.focus();
		await page.keyboard.press('End');
		app.release();
		await waitForFlowPlayer(page, 20_000);
		await expectStep(page, (await stepCount(page)) - 1);
		// The app builds the What-if list when it is open: the learner opened it, so it is built.
		await expect(page.locator('details.what-if')).toHaveAttribute('open', '');
		await expect(page.getByRole('checkbox').first()).toBeVisible();
	});

	test('a quiz answer links to the moment it is about, in the same page', async ({ page }) => {
		await openFlow(page);
		const question = (await openQuiz(page)).first();
		await question.getByRole('radio').first().check();
		await question.getByRole('button', { name: 'Check answer' }).click();
		await question.getByRole('link', { name: 'See it happen' }).click();
		await expect(page).toHaveURL(/mistake=id-token-to-getuser/);
		await waitForFlowPlayer(page);
		await expectStepId(page, 'get-user');
		await expect(page.locator('[data-outcome="error"]')).toContainText('NotAuthorizedException');
		await expect(page).toHaveURL(/\?step=\d+&mistake=id-token-to-getuser$/);
	});

	test('a host that cannot start the worker still runs the flow, on the page', async ({ page }) => {
		await page.route('**/workers/**', (route) => route.abort());
		await openFlow(page, '?step=get-user');
		await expectStepId(page, 'get-user');
		await expect(page.locator('.crash')).toHaveCount(0);
	});

	test('the lesson text is in the prerendered page, before any script runs', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
		const page = await context.newPage();
		await page.goto('flows/user-pool-sign-in/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to a user pool');
		await expect(page.locator('#lesson-get-user')).toContainText('GetUser');
		await expect(page.getByRole('button', { name: 'Next step', exact: true })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Sequence diagram' })).toContainText('User pool');
		await expect(page.locator('.flow-player')).toHaveAttribute('data-ready', 'false');
		await context.close();
	});
});

test('the flow page runs, steps and keeps its URL under a sub-path @sub-path', async ({
	page,
	baseURL
}) => {
	await openFlow(page, '?step=2');
	await expectStep(page, 1);
	await page.getByRole('button', { name: 'Next step', exact: true }).click();
	await expectStep(page, 2);
	await expect(page).toHaveURL(`${baseURL}flows/user-pool-sign-in/?step=3`);
	await page.reload();
	await waitForFlowPlayer(page);
	await expectStep(page, 2);
});

/** Holds every app module's response until `release()`: the page is read, not yet running. */
async function holdAppModules(page: Page): Promise<{ release: () => void }> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await released;
		await route.continue();
	});
	return { release };
}
