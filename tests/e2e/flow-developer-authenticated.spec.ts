import { expect, gotoHydrated, test, waitForFlowPlayer } from './fixtures';
import { diagram, expectStep, expectStepId } from './flow-helpers';

/*
 * What the generic flow specs cannot show for the developer-authenticated page: the back end's
 * signed call nested in the app's request, the attacker's chain with the shipped keys (nothing
 * refuses), and the identity pool's own words for the GetId mistake.
 */

const path = 'flows/identity-pool-developer-authenticated/';

async function open(page: Parameters<typeof gotoHydrated>[0], query: string) {
	await gotoHydrated(page, `${path}${query}`);
	await waitForFlowPlayer(page);
}

test('the back end signs GetOpenIdTokenForDeveloperIdentity while answering the app', async ({
	page
}) => {
	await open(page, '?step=get-identity-token');
	await expectStepId(page, 'get-identity-token');
	const step = diagram(page).locator('.message[data-step-index="1"]');
	await expect(step).toHaveCount(2);
	await expect(step.nth(0)).toHaveAttribute(
		'aria-label',
		/POST \/identity-token from Web app to Your back end\. Response: 200 OK/
	);
	await expect(step.nth(1)).toHaveAttribute(
		'aria-label',
		/GetOpenIdTokenForDeveloperIdentity from Your back end to Identity pool\. Response: 200 OK/
	);
});

test("shipped keys: the attacker speaks for another user and reads that user's note, and nothing refuses", async ({
	page
}) => {
	await open(page, '?mistake=long-term-keys-in-browser&step=attacker-reads-note');
	await expectStep(page, 7);
	await expectStepId(page, 'attacker-reads-note');
	// No back end in this run: its column is not drawn; the attacker has one
	const actors = page.getByRole('img', { name: /Actors: / });
	await expect(actors).toHaveAccessibleName(/Attacker \(attacker\.example\)/);
	await expect(actors).not.toHaveAccessibleName(/Your back end/);
	await expect(diagram(page).locator('.message[data-step-index="4"]')).toHaveAttribute(
		'aria-label',
		/POST \/keys from Web app to Attacker\. Response: 204 No Content/
	);
	const read = diagram(page).locator('.message[data-step-index="7"]');
	await expect(read).not.toHaveClass(/error/);
	await expect(read).toHaveAttribute(
		'aria-label',
		/GetObject from Attacker to S3\. Response: 200 OK/
	);
	// alice's page leaked the key; the note the attacker reads is bob's.
	await expect(page.locator('.step-outcome')).toContainText(/bob's private note.*bob’s notes/);
});

test('GetId with the developer token: the identity pool answers in its own words', async ({
	page
}) => {
	await open(page, '?mistake=get-id-with-developer-token&step=get-credentials');
	await expectStepId(page, 'get-credentials');
	const panel = page.locator('[data-outcome="error"]');
	await expect(panel).toContainText(
		"NotAuthorizedException: Invalid login token. Can't pass in a Cognito token."
	);
});
