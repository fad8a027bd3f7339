import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { formatDate } from '../../src/lib/format';
import { fillToday } from './enrolment-flow';
import { demoAccounts, signIn, submit } from './session';

test('an overdue review shows on the supervisor’s home page and can be recorded', async ({
	page
}) => {
	await signIn(page, 'helen.walsh@demo.test');
	await page.goto('/supervision');
	await expect(page.getByRole('row', { name: /Sara Novak/ })).toContainText('6-month review');
	await expect(page.getByRole('row', { name: /Sara Novak/ })).toContainText('Overdue');
	await page.goto('/');
	const overdue = page.getByRole('link', { name: 'Sara Novak: 6-month review' });
	await expect(overdue.locator('..')).toContainText('overdue since');
	await expectNoAxeViolations(page);
	await overdue.click();
	await expectNoAxeViolations(page);

	await submit(page, 'Record the review');
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Write the practitioner’s strengths');
	await expect(summary).toContainText('Choose a recommendation');
	await page.getByLabel('Strengths').fill('Careful, child-focused assessments.');
	await page.getByLabel('Areas to develop').fill('Chairing core groups with confidence.');
	await page
		.getByLabel('2. Relationships & communication')
		.fill('Strong direct work with children.');
	await page.getByLabel('On track', { exact: true }).check();
	await submit(page, 'Record the review');
	await expect(page).toHaveURL(/\/programme\?saved=review$/);
	await expect(page.locator('.govuk-notification-banner--success')).toContainText(
		'Review recorded.'
	);
	await expect(page.getByRole('row', { name: /6-month review/ })).toContainText('Done');
	await page.goto('/supervision');
	await expect(page.getByRole('row', { name: /Sara Novak/ })).not.toContainText('Overdue');
	await expectNoAxeViolations(page);
});

test('a part-time practitioner sees why their review dates moved', async ({ page }) => {
	await signIn(page, 'maya.joseph@demo.test');
	await page.goto('/portfolio/programme');
	await expect(page.getByText('0.6 of full time').first()).toBeVisible();
	await expect(page.getByRole('row', { name: /3-month review/ })).toContainText(
		'at 0.6 of full time that is 5 months'
	);
	await expectNoAxeViolations(page);
});

test('the moderation panel pack opens as one printable page', async ({ page }) => {
	await signIn(page, 'supervisor@demo.test');
	await page.goto('/supervision');
	await page.getByRole('link', { name: 'Priya Shah' }).click();
	await page.getByRole('link', { name: 'Moderation panel pack' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Priya Shah');
	for (const heading of [
		'Programme',
		'Reviews',
		/^Observations of practice/,
		'Self-assessments',
		'Accepted evidence and sign-off by outcome'
	]) {
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	}
	const review = page.getByRole('region', { name: /^3-month review/ });
	await expect(review).toBeVisible();
	// Recommendations by name, never the stored value.
	await expect(
		review.locator('.govuk-summary-list__row', { hasText: 'Recommendation' })
	).toHaveText(/Recommendation\s+On track$/);
	await expect(page.getByRole('main')).not.toContainText('on-track');
	await expect(page.locator('tbody tr')).toHaveCount(26);
	await expectNoAxeViolations(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.govuk-service-navigation')).toBeHidden();
	await expect(page.getByText('Print this page')).toBeHidden();
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('the panel pack shows each sign-off’s rationale, who gave it and when', async ({ page }) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce/progress');
	await page.getByRole('link', { name: 'Lucy Chen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lucy Chen');
	const id = new URL(page.url()).pathname.split('/').at(-1);
	await page.goto(`/supervision/${id}/pack`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lucy Chen');
	const signedOff = page.locator('tbody tr', { hasText: /Signed off\s+\d/ }).first();
	await expect(signedOff).toContainText(/Signed off\s+\d{1,2} [A-Z][a-z]+ \d{4} by [A-Z]/);
	await expect(signedOff).toContainText(
		/Rationale: Met: “.+” shows the outcome in practice, and we discussed it in supervision\./
	);
	await expectNoAxeViolations(page);
});

test('a new ASYE signs their agreement and records protected development time', async ({
	page
}) => {
	await signIn(page, 'tom.ellis@demo.test');
	await page.goto('/portfolio/programme');
	await expect(
		page.getByRole('heading', { name: 'Support and assessment agreement' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await submit(page, 'Sign as practitioner');
	await expect(page.getByText('You have signed the agreement.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign as practitioner' })).toHaveCount(0);

	await page.getByLabel('Hours').fill('lots');
	await submit(page, 'Record time');
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the hours as a number');
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the date');
	await page.getByLabel('Day').fill('2');
	await page.getByLabel('Month').fill('11');
	await page.getByLabel('Year').fill('2026');
	await page.getByLabel('Hours').fill('2.5');
	await page.getByLabel('What you used it for').fill('Reading on working with fathers');
	await submit(page, 'Record time');
	await expect(page.getByText('Protected time recorded.')).toBeVisible();
	await expect(page.getByText(/^2\.5 hours recorded of [\d.]+ hours due so far/)).toBeVisible();
});

test('a supervisor changes working hours and extends a programme; the dates say why', async ({
	page
}) => {
	await signIn(page, 'daniel.byrne@demo.test');
	await page.goto('/supervision');
	await page.getByRole('link', { name: 'Isla Fraser' }).click();
	await page.getByRole('link', { name: 'Programme and review points' }).click();
	// From today: the hours change from a date, as on the enrolment page.
	await page.getByLabel('New working hours, as a percentage of full time').fill('150');
	await submit(page, 'Change working hours');
	await expect(page.locator('.govuk-error-summary')).toContainText('from 10 to 100');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Enter the date the new hours start'
	);
	const today = await fillToday(page, 'hoursFrom');
	await page.getByLabel('New working hours, as a percentage of full time').fill('80');
	await submit(page, 'Change working hours');
	await expect(page.getByRole('row', { name: /Final review/ })).toContainText(
		`at full time from the start and 0.8 of full time from ${formatDate(today)}`
	);
	// The earlier reviews, done before the change, stay where they were.
	await expect(page.getByRole('row', { name: /3-month review/ })).not.toContainText('0.8');
	await page.getByLabel('Extend by (months)').fill('2');
	await page.getByLabel('Why').fill('time away from practice');
	await submit(page, 'Extend the programme');
	await expect(page.getByRole('row', { name: /Final review/ })).toContainText(
		'extended by 2 months (time away from practice)'
	);
	await expectNoAxeViolations(page);
});
