// What every flow page does, whatever its flow: run once per flow with a published lesson. What
// only one flow shows (SRP details, a particular attacker) stays in that flow's specs.
import {
	emulateAppearance,
	expect,
	expectNoAxeViolations,
	test,
	waitForFlowPlayer
} from './fixtures';
import {
	availableFlows,
	expectStep,
	expectStepId,
	openFlow,
	diagram,
	openWhatIf,
	stepCount
} from './flow-helpers';

/** A service's own error name: `NotAuthorizedException`, S3's `AccessDenied`, OAuth's `invalid_grant` or `redirect_mismatch`. */
const serviceError =
	/\b[A-Z][a-z]+[A-Z]\w*\b|\b(?:invalid|unauthorized|unsupported|access|server|redirect)_\w+/;

test('at least one flow page is published', () => {
	expect(availableFlows.length).toBeGreaterThan(0);
});

// The clock control is one component for every flow: its keys, URL and buttons are tested once,
// here on the sign-in page; that every flow runs as well with the clock moved is shown in Node
// (flows/clock-offset.test.ts).
test('the clock control runs again later and comes back to now, from the keyboard', async ({
	page
}) => {
	await openFlow(page);
	const clock = page.getByRole('group', { name: 'Simulated clock' });
	const time = clock.locator('time');
	await expect(time).toHaveText(/^\d\d:\d\d:\d\d UTC$/);
	await clock.getByRole('button', { name: '+1 hour' }).focus();
	await page.keyboard.press('Enter');
	await waitForFlowPlayer(page);
	await expect(page).toHaveURL(/[?&]clock=3600000(&|$)/);
	await expect(clock).toContainText('+1 h');
	await clock.getByRole('button', { name: '+5 min' }).click();
	await waitForFlowPlayer(page);
	await expect(page).toHaveURL(/[?&]clock=3900000(&|$)/);
	await clock.getByRole('button', { name: 'Back to now' }).click();
	await waitForFlowPlayer(page);
	await expect(page).not.toHaveURL(/clock=/);
	await expect(clock.getByRole('button', { name: 'Back to now' })).toBeDisabled();
});

for (const { id, path, definition } of availableFlows) {
	test.describe(`flow page ${id}`, () => {
		// One page for what a deep link, the keyboard and the inspector's button do: each is quick
		// once the run is there, and the run is what a page load costs.
		test('a deep link opens at its step; the keyboard steps to the end and back; the inspector opens from its button', async ({
			page
		}) => {
			await openFlow(page, '?step=2', path);
			await expectStep(page, 1);
			await expect(page).toHaveURL(/\?step=2$/);

			const count = await stepCount(page);
			await page.getByRole('button', { name: 'Next step', exact: true }).focus();
			await page.keyboard.press('End');
			await expectStep(page, count - 1);
			await page.keyboard.press('Home');
			await expectStep(page, 0);

			await page.getByRole('button', { name: 'Open the inspector' }).focus();
			await page.keyboard.press('Enter');
			await expect(page.locator('.inspector h2.title')).toHaveText('Message inspector');
		});

		for (const choice of definition.choices) {
			for (const option of choice.options.filter((o) => o.value !== choice.default)) {
				test(`a link can choose ${choice.id}=${option.value}`, async ({ page }) => {
					await openFlow(page, `?${choice.id}=${option.value}`, path);
					const group = page.getByRole('group', { name: choice.label });
					await expect(group.getByRole('radio', { name: new RegExp(option.label) })).toBeChecked();
					await expect(page).toHaveURL(new RegExp(`[?&]${choice.id}=${option.value}(&|$)`));
				});
			}
		}

		// Every mistake in one page, switched on and off from the "What if" list as a learner does:
		// each is a fresh run, without a fresh page. That each run reaches the mistake's step and ends
		// it so is also shown in Node (flows/mistakes.test.ts); here, that the page says so.
		test('every mistake shows its passage at its own step', async ({ page }) => {
			test.setTimeout(30_000 + definition.mistakes.length * 10_000);
			await openFlow(page, '', path);
			const whatIf = await openWhatIf(page);
			for (const mistake of definition.mistakes) {
				const box = whatIf.getByRole('checkbox', { name: mistake.title, exact: false });
				await box.check();
				await waitForFlowPlayer(page);
				const passage = page.locator(`#lesson-${mistake.step}`);
				await passage.getByRole('button', { name: 'Show this step' }).click();
				await expectStepId(page, mistake.step);
				const shown = mistake.outcome === 'ok' ? 'harm' : 'error';
				const panel = page.locator(`[data-outcome="${shown}"]`);
				await expect(panel, mistake.id).toBeVisible();
				if (shown === 'error') {
					// The service's own error, said in words; the failing arrow marked by text and icon,
					// not by colour alone. A check the app makes itself (a state that does not match)
					// fails on a note on the app's lifeline instead: no message crossed the network.
					await expect(panel, mistake.id).toContainText(serviceError);
					const failed = diagram(page).locator('.message.current.error');
					if ((await failed.count()) === 0) {
						await expect(diagram(page).locator('.note.error').last(), mistake.id).toBeVisible();
					} else {
						// A 4xx or 5xx, or a redirect that carries an OAuth error back to the app.
						await expect(failed.first(), mistake.id).toHaveAttribute(
							'aria-label',
							/Response: (?:[45]\d\d |30[1-8] [a-z]+_\w+)/
						);
						await expect(failed.first().locator('.error-icon'), mistake.id).toHaveCount(1);
					}
				}
				const cause = page.getByRole('heading', { name: `What went wrong: ${mistake.title}` });
				await expect(cause, mistake.id).toBeVisible();
				await box.uncheck();
				await waitForFlowPlayer(page);
			}
		});

		// A page each: switched live, skipped off-screen passages (content-visibility) keep their
		// old computed colours until they are near the screen, and axe would read those.
		for (const colorScheme of ['light', 'dark'] as const) {
			test(`passes axe in ${colorScheme} mode`, async ({ page }) => {
				await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
				await openFlow(page, '?step=2', path);
				await openWhatIf(page);
				await expectNoAxeViolations(page);
			});
		}
	});
}
