import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { enrolAt60, expectDue, fillDateField } from './enrolment-flow';
import { demoAccounts, signIn, submit } from './session';

// The new starter is enrolled by an administrator, sees their review dates, and after a pause
// of four weeks sees every later date move. (Without JavaScript: no-javascript.test.ts.)

// At 0.6 of full time from 1 December 2026, the ASYE's 3, 6, 9 and 12 months take 5, 10, 15 and 20.
const atSixTenths = {
	'3-month review': '1 May 2027',
	'6-month review': '1 October 2027',
	'9-month review': '1 March 2028',
	'Final review': '1 August 2028'
};
// Paused from 1 June 2027, back on 29 June 2027: the dates after it move 28 days.
const afterThePause = {
	'3-month review': '1 May 2027',
	'6-month review': '29 October 2027',
	'9-month review': '29 March 2028',
	'Final review': '29 August 2028'
};
const pauseWhy =
	'the programme was paused from 1 June 2027, back on 29 June 2027, which moves it 28 days later';

test('the new starter is enrolled at 0.6 of full time, sees the dates, and a four-week pause moves every later one', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, demoAccounts.admin);
	await page.goto('/admin/people');
	await page.getByRole('link', { name: 'Nia Roberts' }).click();
	await page.getByRole('link', { name: /^Enrol on a programme/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme');
	await expect(page.getByText('Nia Roberts is not on a programme.')).toBeVisible();
	await expectNoAxeViolations(page);
	await enrolAt60(page, 'Assessed and Supported Year in Employment (ASYE)', 'Sam Okoro');
	await expectDue(page, atSixTenths);
	await expect(page.getByRole('row', { name: /^3-month review/ })).toContainText(
		'at 0.6 of full time that is 5 months'
	);
	await expectNoAxeViolations(page);

	const context = await browser.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.1' }
	});
	const starter = await context.newPage();
	await signIn(starter, 'new.starter@demo.test');
	await starter.goto('/portfolio/programme');
	await expectDue(starter, atSixTenths);
	await expect(starter.getByText('0.6 of full time').first()).toBeVisible();

	await fillDateField(page, 'pauseFrom', '1', '6', '2027');
	await fillDateField(page, 'pauseUntil', '29', '6', '2027');
	await submit(page, 'Pause the programme');
	await expect(
		page.getByText('Programme paused: the review dates below follow the pause.')
	).toBeVisible();
	await expectDue(page, afterThePause);
	await expect(page.getByRole('row', { name: /^3-month review/ })).not.toContainText('paused');
	await expect(page.getByRole('row', { name: /^6-month review/ })).toContainText(pauseWhy);
	const history = page.locator('h2:has-text("History") + h3 + ul');
	await expect(history).toContainText(
		'Enrolled from 1 December 2026 at 0.6 of full time, with Sam Okoro as assessor, by Alex Morgan'
	);
	await expect(history).toContainText('Paused from 1 June 2027, back on 29 June 2027');
	await expectNoAxeViolations(page);

	await starter.reload();
	await expectDue(starter, afterThePause);
	await expect(starter.getByRole('row', { name: /^Final review/ })).toContainText(pauseWhy);
	await expect(
		starter.getByText('From 1 June 2027, back on 29 June 2027', { exact: true })
	).toBeVisible();
	await expectNoAxeViolations(starter);
	await context.close();
});

test('a change to an enrolment that breaks a rule says why and keeps what was typed', async ({
	page
}) => {
	// Lucy Chen is on the ASYE in the demo; nothing here changes her dates.
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce/progress');
	await page.getByRole('link', { name: 'Lucy Chen' }).click();
	await page.getByRole('link', { name: /^Change the programme/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme');
	await fillDateField(page, 'pauseFrom', '1', '1', '2020');
	await submit(page, 'Pause the programme');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		/The date must be on or after \d{1,2} [A-Z][a-z]+ \d{4}, when the programme started/
	);
	await expect(page.locator('#pauseFrom-year')).toHaveValue('2020');
	await page.getByLabel('Extend by (months)').fill('13');
	await submit(page, 'Extend the programme');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Enter the extension in whole months from 1 to 12'
	);
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Write why the programme is extended'
	);
	await expect(page.getByLabel('Extend by (months)')).toHaveValue('13');
	await expectNoAxeViolations(page);
});
