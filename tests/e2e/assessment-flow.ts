import { expect, type Page } from '@playwright/test';
import { apiAs, demoAccounts, demoPassword, latestLinkTo, submit } from './session';
import { dateFields, postForm, userId } from './walk';

// Steps shared by the assessment record's tests, with and without JavaScript, and its notices
// walk: each starts from people of its own, so that no other test's demo ASYE changes.

export interface Newcomer {
	name: string;
	email: string;
}

/**
 * Invites an assessor (a supervisor) and a newly qualified social worker, sets their passwords
 * to the demo one through their invitations, and enrols the social worker on the ASYE from
 * today, full time, with that assessor: as an administrator would, through the forms.
 */
export async function enrolNewAsye(
	baseURL: string,
	adminPage: Page,
	people: { practitioner: Newcomer; assessor: Newcomer }
) {
	const admin = await apiAs(baseURL, demoAccounts.admin);
	for (const [person, role] of [
		[people.assessor, 'supervisor'],
		[people.practitioner, 'practitioner']
	] as const) {
		await postForm(admin, '/admin/people/new', { ...person, roles: [role] });
		const link = await latestLinkTo(adminPage, person.email);
		await postForm(await apiAs(baseURL), link, { password: demoPassword, confirm: demoPassword });
	}
	const practitionerId = userId(people.practitioner.email);
	await postForm(admin, `/admin/people/${practitionerId}/programme?/enrol`, {
		programme: 'asye',
		...dateFields('startsOn'),
		ftePercent: '100',
		assessorId: userId(people.assessor.email)
	});
	return practitionerId;
}

/** The checklist's row for a required item, on the page as it stands. */
export const checklistRow = (page: Page, requirement: string) =>
	page.locator('.gt-checklist .govuk-summary-list__row', {
		has: page.getByText(requirement, { exact: true })
	});

/** On the practitioner's programme page: writes their initial plan, after trying it empty. */
export async function writeInitialPlan(page: Page) {
	await page.goto('/portfolio/programme');
	await expect(checklistRow(page, 'Initial development plan')).toContainText(
		'Missing Not written yet'
	);
	await page.getByRole('link', { name: 'Initial development plan' }).click();
	await submit(page, 'Save the plan');
	const summary = page.locator('.govuk-error-summary');
	await expect(summary).toContainText('Write the development goals');
	await expect(summary).toContainText('Write the actions, support and timescales');
	await expect(page).toHaveTitle(/^Error: /);
	await page.getByLabel('Development goals').fill('Direct work with children under five.');
	await page
		.getByLabel('Actions, support and timescales')
		.fill('Shadow two visits with a senior colleague by the end of the first month.');
	await submit(page, 'Save the plan');
	await expect(
		page.getByText('Development plan saved: your assessor can now agree it.')
	).toBeVisible();
	await expect(checklistRow(page, 'Initial development plan')).toContainText(
		'Missing Written, not yet agreed'
	);
}

/** On the practitioner's programme page: writes their reflection for the 3-month review. */
export async function writeFirstReflection(page: Page) {
	const row = checklistRow(page, 'Critical reflection for the 3-month review');
	await expect(row).toContainText('Due by the 3-month review');
	await page.getByRole('link', { name: 'Critical reflection for the 3-month review' }).click();
	await page
		.getByLabel('Your critical reflection')
		.fill('I learnt to explain why I am there before asking anything.');
	await submit(page, 'Save your reflection');
	await expect(
		page.getByText('Critical reflection saved: your assessor can read it.')
	).toBeVisible();
	await expect(row).toContainText('✓ Written');
}

/** As the assessor, from the practitioner's programme page: agrees the initial plan. */
export async function agreeInitialPlan(page: Page, practitionerId: string) {
	await page.goto(`/supervision/${practitionerId}/programme`);
	await page.getByRole('link', { name: 'Initial development plan' }).click();
	await expect(page.getByRole('main')).toContainText('Direct work with children under five.');
	await submit(page, 'Agree the plan');
	await expect(
		page.getByText('Plan agreed: it is kept as agreed, and counts on the checklist.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save the plan' })).toHaveCount(0);
	await page.goto(`/supervision/${practitionerId}/programme`);
	await expect(checklistRow(page, 'Initial development plan')).toContainText('✓ Agreed');
}
