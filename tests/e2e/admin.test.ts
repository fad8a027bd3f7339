import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { apiAs, demoAccounts, signIn, submit } from './session';
import { postForm } from './walk';

test.describe('administration', () => {
	test.beforeEach(async ({ page }) => signIn(page, demoAccounts.admin));

	test('the administration pages have no accessibility problems', async ({ page }) => {
		for (const path of [
			'/admin',
			'/admin/people',
			'/admin/people/new',
			'/admin/teams',
			'/admin/supervision',
			'/admin/outbox'
		]) {
			await page.goto(path);
			await expectNoAxeViolations(page);
		}
		await page.goto('/admin/people');
		await page.getByRole('link', { name: 'Priya Shah' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Priya Shah');
		// Each relationship with its history: Grace Mensah held all three, then Sam Okoro.
		await expect(page.getByText('Grace Mensah, from')).toHaveCount(3);
		await expect(page.getByText(/Sam Okoro, from .* \(current\)/)).toHaveCount(3);
		await expectNoAxeViolations(page);
		await page.goto('/admin/people');
		await page.getByRole('link', { name: 'Tom Ellis' }).click();
		await expect(page.getByRole('heading', { name: 'Assessor', level: 3 })).toBeVisible();
		await expect(page.getByText(/Irene Okafor, from .* \(current\)/)).toBeVisible();
		await expect(page.getByText(/Sam Okoro, from .* \(current\)/)).toHaveCount(2);
		await page.goto('/admin/teams');
		await page.getByRole('link', { name: 'North Assessment Team' }).click();
		await expect(page.getByRole('link', { name: 'Chris Doyle' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('inviting someone with mistakes shows each one and keeps what was typed', async ({
		page
	}) => {
		await page.goto('/admin/people/new');
		await page.getByLabel('Email address').fill('not an email');
		await page.getByLabel('Social Work England registration number (optional)').fill('12345');
		await page.getByLabel('Auditor').check();
		await submit(page, 'Send invitation');
		const summary = page.locator('.govuk-error-summary');
		await expect(summary).toBeFocused();
		await expect(summary).toContainText('Enter the person’s full name');
		await expect(summary).toContainText('Enter an email address in the correct format');
		await expect(summary).toContainText(
			'Enter a Social Work England registration number like SW123456'
		);
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page.getByLabel('Email address')).toHaveValue('not an email');
		await expect(page.getByLabel('Auditor')).toBeChecked();
		await expectNoAxeViolations(page);

		await page.getByLabel('Full name').fill('Second Chris');
		await page.getByLabel('Email address').fill('colleague@demo.test');
		await page.getByLabel('Social Work England registration number (optional)').fill('');
		await submit(page, 'Send invitation');
		await expect(summary).toContainText('Someone already has this email address');
	});

	test('teams: adding one, and a name that is taken', async ({ page }) => {
		await page.goto('/admin/teams');
		await page.getByLabel('Team name').fill('North Assessment Team');
		await submit(page, 'Add team');
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'There is already a team with this name'
		);
		await page.getByLabel('Team name').fill('Edge of Care Team');
		await page.getByLabel('Team manager').selectOption({ label: 'Owen Price' });
		await submit(page, 'Add team');
		await expect(page.getByRole('row', { name: /Edge of Care Team/ })).toContainText('Owen Price');
	});

	test('supervision: one holder of each relationship at a time, and dates and roles are checked', async ({
		page,
		baseURL
	}) => {
		await page.goto('/admin/supervision');
		await page.getByLabel('Practitioner').selectOption({ label: 'Joe Kelly' });
		await page.getByLabel('Supervisor or assessor').selectOption({ label: 'Sam Okoro' });
		await page.getByLabel('Day').fill('31');
		await page.getByLabel('Month').fill('2');
		await page.getByLabel('Year').fill('2027');
		await submit(page, 'Assign');
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'The start date must be a real date'
		);
		await expect(page.getByLabel('Day')).toHaveValue('31');
		await expect(page.getByLabel('Practitioner')).toHaveValue(/.+/);
		await expectNoAxeViolations(page);

		// All three, as one supervisor used to hold them.
		await page.getByLabel('Day').fill('1');
		await submit(page, 'Assign');
		await expect(page.getByText('Relationship assigned.')).toBeVisible();
		const rows = page.getByRole('row', { name: /Joe Kelly/ });
		await expect(rows).toHaveCount(6);
		const grace = rows.filter({ hasText: 'Grace Mensah' });
		await expect(grace).toHaveCount(3);
		for (const row of await grace.all()) await expect(row).toContainText('to 1 February 2027');
		await expect(rows.filter({ hasText: 'Sam Okoro' })).toHaveCount(3);

		// An external assessor may only assess.
		await page.getByLabel('Practitioner').selectOption({ label: 'Joe Kelly' });
		await page.getByLabel('Line manager', { exact: true }).check();
		await page
			.getByLabel('Supervisor or assessor')
			.selectOption({ label: 'Irene Okafor (external assessor)' });
		await page.getByLabel('Day').fill('1');
		await page.getByLabel('Month').fill('3');
		await page.getByLabel('Year').fill('2027');
		await submit(page, 'Assign');
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'An external assessor can only be an assessor, not a line manager'
		);
		await expectNoAxeViolations(page);
		await page.getByLabel('Assessor', { exact: true }).check();
		await submit(page, 'Assign');
		await expect(page.getByText('Relationship assigned.')).toBeVisible();
		await expect(rows).toHaveCount(7);
		await expect(rows.filter({ hasText: 'Irene Okafor' })).toContainText('1 March 2027');
		await expect(
			rows.filter({ hasText: 'Sam Okoro' }).filter({ hasText: 'Assessor' })
		).toContainText('1 February 2027 to 1 March 2027');

		// A form posted as before relationships, without one: all three, as one supervisor held them.
		const option = async (label: string, name: string) =>
			(await page.getByLabel(label).locator('option', { hasText: name }).getAttribute('value'))!;
		const api = await apiAs(baseURL!, demoAccounts.admin);
		await postForm(api, '/admin/supervision?/assign', {
			superviseeId: await option('Practitioner', 'Ruth Ambrose'),
			supervisorId: await option('Supervisor or assessor', 'Grace Mensah'),
			'startsOn-day': '1',
			'startsOn-month': '4',
			'startsOn-year': '2027'
		});
		await page.goto('/admin/supervision');
		const ruth = page
			.getByRole('row', { name: /Ruth Ambrose/ })
			.filter({ hasText: 'Grace Mensah' });
		await expect(ruth).toHaveCount(3);
		for (const row of await ruth.all()) await expect(row).toContainText('1 April 2027');
	});
});
