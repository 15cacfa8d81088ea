import type { Page } from '@playwright/test';
import {
	emulateAppearance,
	expect,
	expectNoAxeViolations,
	gotoHydrated,
	test,
	waitForFlowPlayer
} from './fixtures';

// What the generic flow specs cannot show about the SAML sign-in page: the inspector's SAML card,
// which decodes the posted response and checks its signature with the IdP metadata's certificate.

const samlPath = 'flows/federation-enterprise-saml/';
/** The step where the browser posts the SAML response (1-based in the URL, 0-based on arrows). */
const postStep = 4;

async function openSamlFlow(page: Page, query = ''): Promise<void> {
	await gotoHydrated(page, `${samlPath}${query}`);
	await waitForFlowPlayer(page);
}

/** Selects the post to /saml2/idpresponse and shows its request in the inspector. */
async function inspectPost(page: Page) {
	await page
		.locator(`svg [data-step-index="${postStep - 1}"][data-exchange-id]`)
		.first()
		.click();
	const inspector = page.locator('.inspector');
	await inspector.getByRole('tab', { name: 'Request' }).click();
	return inspector.getByRole('region', { name: 'SAML response' });
}

test.describe('the SAML sign-in flow page', () => {
	test("the posted SAML response is decoded and its signature valid with the metadata's certificate", async ({
		page
	}) => {
		await openSamlFlow(page, `?step=${postStep}`);
		const card = await inspectPost(page);
		await expect(card.locator('h4 .verdict')).toContainText('signature valid');
		for (const step of ['A signing certificate', 'Digest:', 'Signature:'])
			await expect(card.locator('li.pass').filter({ hasText: step })).toHaveCount(1);
		await expect(card).toContainText('jdoe@example.com');
		await expect(card).toContainText('urn:amazon:cognito:sp:us-east-1_FlowLab01');
		await card.getByText('The XML, indented for reading').click();
		await expect(card.locator('pre')).toContainText('<saml:Assertion');
	});

	test('a response edited in the browser: the digest step fails, and Cognito refuses it', async ({
		page
	}) => {
		await openSamlFlow(page, `?mistake=tampered-response&step=${postStep}`);
		const outcome = page.locator('.step-outcome');
		await expect(outcome).toHaveAttribute('data-step-id', 'post-saml-response');
		await expect(outcome).toContainText('SAML Assertion signature is invalid.');
		const card = await inspectPost(page);
		await expect(card.locator('h4 .verdict')).toContainText('signature invalid');
		await expect(card.locator('li.fail')).toContainText('Digest');
		await expect(card).toContainText('rroe@example.com');
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`passes axe with the SAML card open, in ${colorScheme} mode`, async ({ page }) => {
			test.setTimeout(60_000);
			await emulateAppearance(page, { colorScheme, reducedMotion: 'reduce' });
			await openSamlFlow(page, `?step=${postStep}`);
			const card = await inspectPost(page);
			await expect(card.locator('h4 .verdict')).toContainText('signature valid');
			await card.getByText('The XML, indented for reading').click();
			// The rest of the page is scanned by flow-every-page.spec.ts; here, what this test opens.
			await expectNoAxeViolations(page, { include: ['.inspector'] });
		});
	}
});
