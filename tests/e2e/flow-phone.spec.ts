import { expect, test } from './fixtures';
import { diagram, expectStep, openFlow } from './flow-helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test.describe('flow page on a phone', () => {
	test('stacks the page, fits the diagram in the width and keeps the controls in reach', async ({
		page
	}) => {
		await openFlow(page);
		// Nothing scrolls sideways: the page fits, and the two actors of this flow fit a phone.
		const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(pageWidth).toBeLessThanOrEqual(390);
		const scroller = page.getByRole('region', { name: 'Sequence diagram' });
		const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(overflow).toBe(0);

		// The controls stay on screen wherever the reader is on the page.
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		const next = page.getByRole('button', { name: 'Next step', exact: true });
		await expect(next).toBeInViewport();
		await next.tap();
		await expectStep(page, 1);
		await next.tap();
		await expectStep(page, 2);

		// The current message is scrolled into view in the diagram.
		await expect(diagram(page).locator('[data-step-index="2"][data-exchange-id]')).toBeInViewport();
	});

	test('a deep link to the attacker scrolls the wider diagram sideways to it, even with reduced motion', async ({
		page
	}) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await openFlow(page, '?mistake=tokens-in-local-storage&step=6');
		await expectStep(page, 5);
		// Three actors no longer fit a phone: the diagram scrolls, and shows the attacker's GetUser.
		const scroller = page.getByRole('region', { name: 'Sequence diagram' });
		await expect
			.poll(() => scroller.evaluate((el) => el.scrollWidth - el.clientWidth))
			.toBeGreaterThan(0);
		await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		const replay = diagram(page).locator('[data-step-index="5"][data-exchange-id]');
		const box = (await replay.boundingBox())!;
		const view = (await scroller.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(view.x);
		expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width);
	});

	test('an error with its lesson passage still fits the width of the phone', async ({ page }) => {
		await openFlow(page, '?step=10&mistake=expired-access-token');
		await expect(page.locator('[data-outcome="error"]')).toBeVisible();
		const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(pageWidth).toBeLessThanOrEqual(390);
	});
});
