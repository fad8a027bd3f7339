import { expect, type Page } from '@playwright/test';
import { submit } from './session';

// Steps shared by the enrolment tests with and without JavaScript.

/** Fills a GOV.UK date input by its name: the day's box has the name as its id. */
export async function fillDateField(
	page: Page,
	name: string,
	day: string,
	month: string,
	year: string
) {
	await page.locator(`#${name}`).fill(day);
	await page.locator(`#${name}-month`).fill(month);
	await page.locator(`#${name}-year`).fill(year);
}

/** Fills a GOV.UK date input with today's date (UTC, as the server reads dates); returns it. */
export async function fillToday(page: Page, name: string) {
	const today = new Date();
	await fillDateField(
		page,
		name,
		String(today.getUTCDate()),
		String(today.getUTCMonth() + 1),
		String(today.getUTCFullYear())
	);
	return today;
}

/** Each review's row says its due date. */
export async function expectDue(page: Page, dates: Record<string, string>) {
	for (const [review, date] of Object.entries(dates))
		await expect(page.getByRole('row', { name: new RegExp(`^${review}`) })).toContainText(date);
}

/**
 * On the enrolment page: tries to enrol with mistakes and sees each one with what was typed
 * kept, then enrols on a programme from 1 December 2026 at 60% of full time.
 */
export async function enrolAt60(page: Page, programme: string, assessor: string) {
	await page.getByLabel(programme).check();
	await fillDateField(page, 'startsOn', '1', '12', '');
	await page.getByLabel('Working hours, as a percentage of full time').fill('0.6');
	await submit(page, 'Enrol');
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('The start date must include a year');
	await expect(summary).toContainText('from 10 to 100');
	await expect(summary).toContainText('Choose an assessor');
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByLabel(programme)).toBeChecked();
	await expect(page.locator('#startsOn')).toHaveValue('1');
	await expect(page.getByLabel('Working hours, as a percentage of full time')).toHaveValue('0.6');

	await page.locator('#startsOn-year').fill('2026');
	await page.getByLabel('Working hours, as a percentage of full time').fill('60');
	await page.getByLabel('Assessor').selectOption({ label: assessor });
	await submit(page, 'Enrol');
	await expect(page.getByText('Enrolled: the review dates are below.')).toBeVisible();
	await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
}
