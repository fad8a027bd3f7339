import { expect, test, type Page } from '@playwright/test';
import { imageOnlyPdf, twoPagePdf } from '../../src/lib/server/portfolio/testing';
import { expectNoAxeViolations } from './axe';
import { signIn, submit } from './session';

// The anonymity check as a practitioner meets it: warned as they type, replacing details with
// placeholders in one click (the same without JavaScript: no-javascript.test.ts), and told what
// their attachments hold, page by page. Ben Harris's portfolio: no other browser test writes
// records for him.

const person = 'ben.harris@demo.test';

async function startRecord(page: Page, title: string, account: string) {
	await page.goto('/portfolio/new');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Day').fill('2');
	await page.getByLabel('Month').fill('11');
	await page.getByLabel('Year').fill('2026');
	await page.getByLabel('Type of evidence').selectOption({ label: 'Reflective account' });
	await page.getByLabel('Account of the activity').fill(account);
	await page.locator('#reflection-gibbs-description').fill('A visit to the family at home.');
}

test('a practitioner is warned as they type and replaces a name in one click, then saves', async ({
	page
}) => {
	await signIn(page, person);
	await startRecord(
		page,
		'Direct work at home (typing)',
		'I visited her son Kai at home in GL1 2AB. Kai showed me his room.'
	);
	// Warned once the typing pauses: under the field, in the list, and said to screen readers.
	const panel = page.locator('#anonymity-check');
	await expect(
		panel.getByRole('button', { name: 'Replace ‘Kai’ with a placeholder' })
	).toBeVisible();
	await expect(panel.locator('mark')).toHaveText(['Kai', 'GL1 2AB']);
	await expect(page.locator('.gt-live-note')).toContainText('‘Kai’, ‘GL1 2AB’');
	await expect(panel.getByRole('status')).toHaveText(
		'2 details in the form may identify a child or family. They are listed after the Save draft button.'
	);
	await expectNoAxeViolations(page);

	// One click: the page does not reload, and the text changes in place, wherever Kai is named.
	await page.evaluate(() => Object.assign(window, { stillHere: true }));
	await panel.getByRole('button', { name: 'Replace ‘Kai’ with a placeholder' }).click();
	await expect(page.getByLabel('Account of the activity')).toHaveValue(
		'I visited her son Child A at home in GL1 2AB. Child A showed me his room.'
	);
	const replaced = page.locator('.govuk-notification-banner', { hasText: 'not saved yet' });
	await expect(replaced).toContainText('‘Kai’ with ‘Child A’ (2 places)');
	await expect(replaced).toBeFocused();
	expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
	await expect(page).toHaveURL(/\/portfolio\/new$/);
	await expect(panel.getByRole('button', { name: /^Replace/ })).toHaveText([
		'Replace ‘GL1 2AB’ with ‘[postcode removed]’'
	]);
	await expectNoAxeViolations(page);

	// Saved only when the person saves; the postcode is still to do, and is replaced the same way.
	await submit(page, 'Save draft');
	await expect(page.getByText('Draft saved.')).toBeVisible();
	await expect(page.getByLabel('Account of the activity')).toHaveValue(
		'I visited her son Child A at home in GL1 2AB. Child A showed me his room.'
	);
	await panel.getByRole('button', { name: 'Replace ‘GL1 2AB’ with ‘[postcode removed]’' }).click();
	await expect(page.getByLabel('Account of the activity')).toHaveValue(
		'I visited her son Child A at home in [postcode removed]. Child A showed me his room.'
	);
	await submit(page, 'Save draft');
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await expect(page.locator('.govuk-notification-banner--success')).toBeVisible();
	await expect(panel.locator('mark')).toHaveCount(0);
});

test('a practitioner’s files are checked when added: findings by page, scans not checked', async ({
	page
}) => {
	await signIn(page, person);
	await startRecord(page, 'A visit report (files)', 'I wrote up the visit with the child (A).');
	await page.getByLabel('Attach files (optional)').setInputFiles([
		{
			name: 'visit-report.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from(await twoPagePdf())
		},
		{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await imageOnlyPdf()) }
	]);
	await submit(page, 'Save draft');
	await expect(page.getByText('Draft saved.')).toBeVisible();

	// Told at once, with the record's own findings, and listed under each file.
	const saved = page.locator('.govuk-notification-banner', { hasText: 'Draft saved.' });
	await expect(saved).toContainText('visit-report.pdf, page 2 (Name)');
	const files = page.locator('.gt-file-check');
	await expect(files.nth(0)).toContainText('3 details may identify someone');
	await expect(files.nth(0).locator('li')).toHaveText([
		/^Page 2: I met Jane Smith, DOB .* \(Name\)$/,
		/^Page 2: .*04\/05\/2015.* \(Date of birth\)$/,
		/^Page 2: .*GL1 2AB.* \(Postcode\)$/
	]);
	await expect(files.nth(1)).toContainText('Not checked — no text to read');
	await expectNoAxeViolations(page);

	// Submitting asks for them to be confirmed, as the record's own are.
	await page.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	await page.getByText('2.3 Builds and maintains impactful relationships with children').click();
	await page.locator('[id="pick-2-3-D2"]').check();
	await submit(page, 'Save outcomes and statements');
	await page.getByRole('button', { name: /^Submit( for review)?$/ }).click();
	const findings = page.locator('.gt-finding');
	await expect(findings).toHaveCount(3);
	await expect(findings.first()).toContainText('visit-report.pdf, page 2 (Name)');
	await expect(findings.first().getByRole('link')).toHaveText(
		'Remove or replace the file: visit-report.pdf, page 2 (Name)'
	);
	await page
		.getByLabel('I have checked each of these and none identifies a child or family')
		.check();
	await submit(page, 'Submit anyway');
	await expect(page.getByText(/^Record submitted/)).toBeVisible();
});
