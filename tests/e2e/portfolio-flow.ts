import { expect, type Page } from '@playwright/test';
import { demoAccounts, signIn, submit } from './session';

/** The Records cell of an outcome's row on the coverage page. */
export async function recordsFor(page: Page, outcome: string) {
	await page.goto('/portfolio/coverage');
	const cell = page.locator(`[id="outcome-${outcome}"] td`).first();
	return Number((await cell.innerText()).trim().split(/\s/)[0]);
}

/** The Records cell of a local practice standard's row on the coverage page. */
export async function standardRecordsFor(page: Page, ref: string) {
	await page.goto('/portfolio/coverage');
	const cell = page.locator(`[id="standard-${ref}"] td`).first();
	return Number((await cell.innerText()).trim().split(/\s/)[0]);
}

/**
 * The acceptance journey: a record with a file and a Gibbs reflection, mapped to 2.3 and two of
 * its statements and to a local practice standard, warned about identifying details, fixed, submitted, and counted in coverage.
 * Works the same with and without JavaScript.
 */
export async function recordMapFixAndSubmit(page: Page, label: string) {
	await signIn(page, demoAccounts.practitioner);
	const before = await recordsFor(page, '2.3');
	const standardBefore = await standardRecordsFor(page, 'gloucestershire-1');

	await page.goto('/portfolio/new');
	await page.getByLabel('Title').fill(`Three houses with a child (${label})`);
	await page.getByLabel('Day').fill('2');
	await page.getByLabel('Month').fill('11');
	await page.getByLabel('Year').fill('2026');
	await page
		.getByLabel('Type of evidence')
		.selectOption({ label: 'Direct observation of practice' });
	await page
		.getByLabel('Account of the activity')
		.fill('I met Jane Smith, DOB 04/05/2015, GL1 2AB, at home and used the three houses tool.');
	await page.getByLabel('Gibbs’ reflective cycle').check();
	await page
		.locator('#reflection-gibbs-description')
		.fill('A home visit with direct work using the three houses.');
	await page
		.locator('#reflection-gibbs-feelings')
		.fill('Nervous at first, then encouraged when the child joined in.');
	await page
		.locator('#reflection-gibbs-evaluation')
		.fill('The tool helped; the time of day was not ideal.');
	await page
		.locator('#reflection-gibbs-analysis')
		.fill('Trauma-informed practice suggests predictability helps children share.');
	await page
		.locator('#reflection-gibbs-conclusion')
		.fill('I could have explained my role more clearly at the start.');
	await page
		.locator('#reflection-gibbs-actionPlan')
		.fill('Agree the next visit with the child and explain what I will record.');
	await page.getByLabel('Hours').fill('1.5');
	await page.getByLabel('Attach files (optional)').setInputFiles({
		name: 'visit-plan.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('Plan for the visit: three houses, then a game of the child’s choosing.\n')
	});
	await submit(page, 'Save draft');
	await page.waitForURL(/saved=created/);
	await expect(page.getByText('Draft saved.')).toBeVisible();
	// Saved, and told at once what may identify the family; only submitting stops for it.
	const saved = page.locator('.govuk-notification-banner');
	await expect(saved).toContainText('It may identify a child or family');
	await expect(saved.locator('mark')).toHaveText([/Jane Smith/, /04\/05\/2015/, /GL1 2AB/]);
	await expect(page.getByRole('link', { name: 'visit-plan.txt' })).toBeVisible();
	const recordUrl = page.url().split('?')[0];

	await page.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	await page.getByText('2.3 Builds and maintains impactful relationships with children').click();
	await page.locator('[id="pick-2-3-D2"]').check();
	await page.locator('[id="pick-2-3-D3"]').check();
	await page
		.getByRole('group', { name: 'Gloucestershire practice standards' })
		.getByLabel(/^Standard 1:/)
		.check();
	await submit(page, 'Save outcomes and statements');
	await expect(page.getByText('Outcomes and statements saved.')).toBeVisible();
	await expect(page.getByRole('main')).toContainText('2.3 D2');
	await expect(
		page.getByRole('link', { name: /^Standard 1: Children are spoken to alone/ })
	).toBeVisible();

	await submit(page, 'Submit for review');
	const findings = page.locator('.gt-finding');
	await expect(findings).toHaveCount(3);
	await expect(findings.locator('mark')).toHaveText([/Jane Smith/, /04\/05\/2015/, /GL1 2AB/]);
	await expect(page).toHaveTitle(/^Error: /);

	await page
		.getByLabel('Account of the activity')
		.fill('I met the child (A), aged 11, at home and used the three houses tool.');
	await submit(page, 'Save draft');
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await expect(page.locator('.govuk-notification-banner--success')).toBeVisible();
	await expect(page.locator('mark')).toHaveCount(0);
	await submit(page, 'Submit for review');
	await expect(page.getByText('Record submitted for review.')).toBeVisible();

	expect(await recordsFor(page, '2.3')).toBe(before + 1);
	expect(await standardRecordsFor(page, 'gloucestershire-1')).toBe(standardBefore + 1);
	return recordUrl;
}
