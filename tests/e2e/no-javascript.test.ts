import { expect, test } from '@playwright/test';
import { recordMapFixAndSubmit } from './portfolio-flow';
import { demoAccounts, signIn } from './session';

// Runs in the "no-javascript" project: the browser has JavaScript turned off. (axe needs
// JavaScript to run, so the same pages are scanned in the other project.)
test('the framework can be browsed and searched without JavaScript', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Framework' }).click();
	await expect(page.locator('.gt-annex__domain li')).toHaveCount(26);
	await page.getByRole('link', { name: /^4\.4 / }).click();
	await expect(page).toHaveURL(/\/framework\/4\.4$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Is agile and timely/);

	await page.getByRole('link', { name: 'Search', exact: true }).click();
	await page.getByLabel(/Words to find/).fill('SEND');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(
		'3 statements in 1 outcome'
	);
	await expect(page.locator('mark').first()).toHaveText('SEND');

	await page.getByRole('link', { name: 'Local standards' }).click();
	await page.getByRole('link', { name: 'Knowsley social work practice standards' }).click();
	await expect(page.locator('.gt-prose h2')).toHaveCount(10);
});

test('signing in and inviting someone work without JavaScript', async ({ page }) => {
	await signIn(page, demoAccounts.admin);
	await page.goto('/admin/people/new');
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the person’s full name');
	await page.getByLabel('Full name').fill('Robin Ashe');
	await page.getByLabel('Email address').fill('robin.ashe@demo.test');
	await page.getByLabel('Supervisor').check();
	await page.getByRole('button', { name: 'Send invitation' }).click();
	await expect(page.getByText('Invitation sent to robin.ashe@demo.test.')).toBeVisible();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByText('You have signed out.')).toBeVisible();
});

test('a practitioner records, maps, fixes and submits evidence without JavaScript', async ({
	page
}) => {
	await recordMapFixAndSubmit(page, 'without JavaScript');
});

test('without JavaScript the evidence form shows one reflective model, and changing it keeps what was typed', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/new');
	const prompts = page.locator('textarea[name^="reflection-"]');
	await expect(prompts).toHaveCount(6); // Gibbs, not all five models' 16 prompts
	await page.getByLabel('Title').fill('Changing model keeps my words');
	await page.locator('#reflection-gibbs-description').fill('Written under Gibbs.');
	await page.getByLabel('Kolb’s experiential learning cycle').check();
	await page.getByRole('button', { name: 'Change model' }).click();

	await expect(page).toHaveURL(/\/portfolio\/new#reflection$/);
	await expect(page.getByLabel('Kolb’s experiential learning cycle')).toBeChecked();
	await expect(prompts).toHaveCount(4);
	await expect(page.getByLabel('Concrete experience')).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue('Changing model keeps my words');
	await page.getByLabel('Concrete experience').fill('Written under Kolb.');

	// And back again: the Gibbs text was kept all along.
	await page.getByLabel('Gibbs’ reflective cycle').check();
	await page.getByRole('button', { name: 'Change model' }).click();
	await expect(prompts).toHaveCount(6);
	await expect(page.locator('#reflection-gibbs-description')).toHaveValue('Written under Gibbs.');
	await expect(page.locator('input[name="reflection-kolb-experience"]')).toHaveValue(
		'Written under Kolb.'
	);
	await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
});

test('a practitioner adds their view to an audit and works on a pathway without JavaScript', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/audits?status=draft');
	await page.getByRole('link', { name: 'C-209114' }).click();
	await page.getByRole('link', { name: 'Add your view' }).click();
	await page
		.getByLabel('The worker’s reflections')
		.fill('The plan needs the family’s words in it, not mine.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Views saved.')).toBeVisible();
	await expect(page.getByText('The plan needs the family’s words in it')).toBeVisible();

	await page.goto('/portfolio/learning');
	await page
		.getByRole('table', { name: 'Learning pathways' })
		.getByRole('link', { name: /Using supervision/ })
		.click();
	await page.getByLabel(/^1\. Reading/).check();
	await page.getByLabel(/closing reflection/i).fill('A first thought, to finish later.');
	await page.getByRole('button', { name: 'Save progress' }).click();
	await expect(page.getByText('Progress saved.')).toBeVisible();
	await expect(page.getByLabel(/^1\. Reading/)).toBeChecked();
	await expect(page.getByLabel(/closing reflection/i)).toHaveValue(
		'A first thought, to finish later.'
	);
});

test('on a phone without JavaScript the whole menu shows, with no menu button', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, demoAccounts.practitioner);
	const menu = page.getByRole('navigation', { name: 'Menu' });
	await expect(menu.getByRole('button', { name: 'Menu' })).toBeHidden();
	await menu.getByRole('link', { name: 'Portfolio' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your portfolio');
	for (const name of ['Home', 'Audits', 'Framework', 'Local standards', 'Pathways'])
		await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
});
