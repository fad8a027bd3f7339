import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { parseCsv } from './csv';
import { signIn, submit } from './session';

/** "3 pieces recorded" on the CPD year's checklist, as a number. */
async function piecesRecorded(page: Page) {
	await page.goto('/portfolio/cpd');
	const done = page.getByText(/^\d+ pieces? recorded$/);
	return Number((await done.innerText()).split(' ')[0]);
}

/**
 * Someone who is not a practitioner but has a registration number records a piece of CPD in
 * their portfolio: a wrong number of hours first (told, and nothing typed lost), then saved,
 * mapped and submitted, with no review. It counts on their CPD year and is in its download.
 * Works the same with and without JavaScript.
 */
export async function recordCpdAsStaff(page: Page, email: string, label: string) {
	await signIn(page, email);
	const before = await piecesRecorded(page);
	const title = `Practice supervision standards workshop (${label})`;

	await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your portfolio');
	await page.getByRole('link', { name: 'Add evidence' }).first().click();
	const today = new Date().toISOString().slice(0, 10);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Day').fill(String(Number(today.slice(8))));
	await page.getByLabel('Month').fill(String(Number(today.slice(5, 7))));
	await page.getByLabel('Year').fill(today.slice(0, 4));
	await page.getByLabel('Type of evidence').selectOption('learning-activity');
	await page
		.getByLabel('Account of the activity')
		.fill('A half-day workshop on the practice supervisor standards, with exercises in pairs.');
	await page.getByLabel('Gibbs’ reflective cycle').check();
	await page
		.locator('#reflection-gibbs-description')
		.fill('We practised giving feedback on a written assessment using the standards.');
	await page.getByLabel('Type of CPD').selectOption({ label: 'Course, training or e-learning' });
	const relevance = 'I supervise newly qualified social workers and review their assessments.';
	await page.getByLabel('Description and relevance to your practice').fill(relevance);
	const learning =
		'Feedback lands better when it starts from what the worker was trying to do for the child, and when it names one thing to change rather than five.';
	await page.getByLabel('What you learnt').fill(learning);
	await page
		.getByLabel('Impact on your practice')
		.fill('I now open supervision by asking what the worker wanted for the child.');
	await page
		.getByRole('group', { name: 'Did you reflect on this with a peer?' })
		.getByLabel('Yes')
		.check();
	await page
		.getByLabel('What reflecting with a peer added (if you did)')
		.fill('A colleague pointed out that I give more feedback on writing than on the visit itself.');
	await page.getByLabel('Hours').fill('a morning');
	await submit(page, 'Save draft');

	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Enter the hours as a number between 0.25 and 200, like 1.5'
	);
	await expect(page.getByLabel('Hours')).toHaveValue('a morning');
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await expect(page.getByLabel('What you learnt')).toHaveValue(learning);
	await page.getByLabel('Hours').fill('3.5');
	await submit(page, 'Save draft');
	await expect(page.getByText('Draft saved.')).toBeVisible();

	await page.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	await page.getByText('2.3 Builds and maintains impactful relationships with children').click();
	await page.locator('[id="pick-2-3-D2"]').check();
	await submit(page, 'Save outcomes and statements');
	await expect(page.getByText('Outcomes and statements saved.')).toBeVisible();
	// Nobody reviews it: submitted is final.
	await expect(page.getByText('Nobody reviews it')).toBeVisible();
	await submit(page, 'Submit');
	await expect(page.getByText('Record submitted: it counts towards your CPD year.')).toBeVisible();

	expect(await piecesRecorded(page)).toBe(before + 1);
	const card = page.locator('.govuk-summary-card', { hasText: title });
	await expect(card).toContainText('Course, training or e-learning');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download as a spreadsheet (CSV)' }).click()
	]);
	const [, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8').slice(1));
	expect(rows.find((r) => r[1].startsWith(title))).toEqual([
		'Course, training or e-learning',
		`${title}\n\n${relevance}`,
		today,
		learning,
		'I now open supervision by asking what the worker wanted for the child.',
		'A colleague pointed out that I give more feedback on writing than on the visit itself.'
	]);
}
