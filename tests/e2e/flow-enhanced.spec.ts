// What the generic flow specs cannot show about the enhanced identity-pool page: the credentials'
// secret key masked until revealed and the services' explanations. Each mistake's own error is
// checked in Node (run.test.ts); that the page shows it, for every flow, in flow-every-page.spec.ts.
import type { Page } from '@playwright/test';
import { definition } from '../../src/lib/flows/identity-pool-enhanced-flow/definition';
import {
	emulateAppearance,
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	test,
	waitForFlowPlayer
} from './fixtures';
import { diagram, expectStepId, stepCount } from './flow-helpers';

const path = `flows/${definition.id}/`;

/** Opens the page and waits until the run (SRP, keys, every service) has been computed. */
async function openEnhanced(page: Page, query = ''): Promise<void> {
	await gotoHydrated(page, `${path}${query}`);
	// Four services and their keys come up in the worker on first use: slower than sign-in alone.
	await waitForFlowPlayer(page, 40_000);
	await expect(page.getByLabel('Jump to step').locator('option').first()).toBeAttached({
		timeout: 30_000
	});
}

/** Selects the arrow of the exchange labelled `label` in step `index` and opens its response. */
async function inspect(page: Page, index: number, label: string) {
	const arrow = diagram(page)
		.locator(`[data-step-index="${index}"][data-exchange-id]`)
		.filter({ hasText: label })
		.first();
	await arrow.click();
	const inspector = page.locator('.inspector');
	await expect(inspector.locator('.route strong')).toHaveText(label);
	return inspector;
}

test.describe('the enhanced identity-pool flow page', () => {
	// A cold page generates four services' keys in its worker before the first step can show.
	test.describe.configure({ timeout: 90_000 });

	test('runs alice through sign-in (folded until unfolded), the identity pool and S3, six steps in all', async ({
		page
	}) => {
		await openEnhanced(page, '?step=6');
		expect(await stepCount(page)).toBe(6);
		await expectStepId(page, 'list-objects');
		await expect(page.getByRole('img', { name: /Actors: .*Identity pool.*S3/ })).toBeVisible();

		// The sign-in, which the first lesson takes apart, is one arrow until the learner unfolds it.
		const signIn = diagram(page).locator('.message[data-step-index="0"]');
		await expect(signIn).toHaveCount(1);
		await expect(signIn).toHaveAttribute('aria-label', /Sign in \(SRP\), 2 requests folded/);
		await page.getByLabel('Jump to step').selectOption({ index: 0 });
		await expectStepId(page, 'sign-in');
		const unfold = page.getByRole('button', { name: 'Show its 2 requests in the diagram' });
		await expect(unfold).toHaveAttribute('aria-expanded', 'false');
		await unfold.click();
		await expect(signIn).toHaveCount(2);
		await expect(signIn.first()).toHaveAttribute('aria-label', /InitiateAuth from Web app/);
		await page.getByRole('button', { name: 'Fold its requests into one arrow' }).click();
		await expect(signIn).toHaveCount(1);
	});

	test('a reader who edits custom:team reads another identity’s note: nothing refuses it', async ({
		page
	}) => {
		await openEnhanced(page, '?mistake=writable-attribute-role-mapping');
		const index = (await stepCount(page)) - 1;
		await page.getByLabel('Jump to step').selectOption({ index });
		await expectStepId(page, 'read-other-identity');
		const inspector = await inspect(page, index, 'GetObject');
		await inspector.getByRole('tab', { name: 'Response' }).click();
		await expect(inspector.locator('.body pre')).toContainText('door code');
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`passes axe with the credentials and explanations open, in ${colorScheme} mode`, async ({
			page
		}) => {
			await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
			await openEnhanced(page, '?step=3');
			const inspector = await inspect(page, 2, 'GetCredentialsForIdentity');
			await inspector.getByRole('tab', { name: 'Response' }).click();
			// The rest of the page is scanned by flow-every-page.spec.ts; here, what this test opens.
			await expectNoAxeViolations(page, { include: ['.inspector'] });
		});
	}
});
