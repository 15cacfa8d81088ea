import { readdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { FlowDefinition } from '../../src/lib/flows/types';
import { expect, gotoHydrated, waitForFlowPlayer } from './fixtures';

const contentDir = new URL('../../content/flows/', import.meta.url);

/**
 * Every flow whose lesson is published (`status: available`), in the site's order, with its
 * definition: the generic specs run once per flow, so a new flow page is tested as it lands.
 */
export const availableFlows: { id: string; path: string; definition: FlowDefinition }[] =
	await Promise.all(
		readdirSync(contentDir)
			.sort()
			.flatMap((folder) => {
				const index = readFileSync(new URL(`${folder}/index.md`, contentDir), 'utf8');
				const front = /^---\n([\s\S]*?)\n---/.exec(index)?.[1] ?? '';
				const field = (name: string) =>
					new RegExp(`^${name}:\\s*['"]?([\\w-]+)`, 'm').exec(front)?.[1];
				const id = field('flow');
				return id && field('status') === 'available' ? [id] : [];
			})
			.map(async (id) => {
				const module = (await import(`../../src/lib/flows/${id}/definition.ts`)) as {
					definition: FlowDefinition;
				};
				return { id, path: `flows/${id}/`, definition: module.definition };
			})
	);

/** The sign-in flow page, relative to the site root (works under a sub-path). */
export const signInPath = 'flows/user-pool-sign-in/';

/**
 * Opens a flow page (with an optional query) and waits until its run is computed. Without a
 * path, the sign-in flow's page (the flow-specific specs are about it).
 */
export async function openFlow(page: Page, query = '', path = signInPath): Promise<void> {
	await gotoHydrated(page, `${path}${query}`);
	await waitForFlowPlayer(page);
}

/**
 * Brings the quiz in as a learner does: it is built only once the learner scrolls near it (or
 * presses "Start the quiz"), so the test scrolls down to it and waits for its questions.
 */
export async function openQuiz(page: Page, how: 'scroll' | 'button' = 'scroll'): Promise<Locator> {
	const area = page.locator('.quiz-area');
	// As a keyboard user does: focus the button, press Enter. Reaching it may already have built
	// the quiz (it is near the screen then); either way focus ends up on the quiz.
	if (how === 'button') {
		await area.getByRole('button', { name: 'Start the quiz' }).focus();
		await page.keyboard.press('Enter');
	} else {
		await area.scrollIntoViewIfNeeded();
		await page.mouse.wheel(0, 200);
	}
	const questions = page.locator('.quiz li.question');
	await expect(questions.first()).toBeVisible({ timeout: 20_000 });
	return questions;
}

/** The diagram's root SVG, which carries `data-current-step`. */
export function diagram(page: Page): Locator {
	return page.locator('svg[data-current-step]');
}

export async function expectStep(page: Page, index: number): Promise<void> {
	await expect(diagram(page)).toHaveAttribute('data-current-step', String(index));
}

/**
 * The step the outcome panel describes, by its id in the flow definition. Patient, because it may
 * wait for a re-run (SRP and key generation) on a busy machine.
 */
export async function expectStepId(page: Page, id: string): Promise<void> {
	const outcome = page.locator('.step-outcome');
	await expect(outcome).toHaveAttribute('data-step-id', id, { timeout: 20_000 });
}

/** Opens the "What if" list (closed at first, whatever the URL says) and returns it. */
export async function openWhatIf(page: Page): Promise<Locator> {
	const details = page.locator('details.what-if');
	if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) {
		await details.locator('summary').click();
	}
	return details;
}

/** The number of steps in the current run, from the "Jump to step" list. */
export async function stepCount(page: Page): Promise<number> {
	return page.getByLabel('Jump to step').locator('option').count();
}

/** Presses Tab until `target` has focus, as a keyboard-only learner would. */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}
