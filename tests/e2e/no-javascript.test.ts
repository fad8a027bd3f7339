import { expect, test } from '@playwright/test';
import {
	agreeInitialPlan,
	checklistRow,
	enrolNewAsye,
	writeFirstReflection,
	writeInitialPlan
} from './assessment-flow';
import { recordCpdAsStaff } from './cpd-flow';
import { enrolAt60, expectDue, fillDateField } from './enrolment-flow';
import { recordMapFixAndSubmit } from './portfolio-flow';
import { askForFeedback, feedbackLinkTo } from './feedback-flow';
import { exportedPortfolio } from './portfolio-data';
import { apiAs, demoAccounts, signIn } from './session';

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

test('an auditor with a registration number records and downloads their CPD without JavaScript', async ({
	page
}) => {
	await recordCpdAsStaff(page, demoAccounts.auditor, 'without JavaScript');
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

test('a principal social worker enrols someone at 0.6 of full time, pauses and resumes four weeks later, without JavaScript', async ({
	page
}) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce');
	await page.getByRole('link', { name: 'North Assessment Team' }).click();
	await page.getByRole('link', { name: 'Mark Fenton' }).click();
	await page.getByRole('link', { name: 'Enrol Mark Fenton on a programme' }).click();
	await page.getByRole('button', { name: 'Enrol' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('Choose a programme');
	await enrolAt60(page, 'Early career programme', 'Sam Okoro');
	// The two-year programme at 0.6: 3, 6, 12, 18 and 24 months take 5, 10, 20, 30 and 40.
	await expectDue(page, {
		'3-month review': '1 May 2027',
		'6-month review': '1 October 2027',
		'12-month review': '1 August 2028',
		'18-month review': '1 June 2029',
		'Two-year review': '1 April 2030'
	});

	await fillDateField(page, 'pauseFrom', '1', '6', '2027');
	await page.getByRole('button', { name: 'Pause the programme' }).click();
	await expect(
		page.getByText('Programme paused: the review dates below follow the pause.')
	).toBeVisible();
	await expect(page.getByText('Paused from 1 June 2027', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Resume the programme' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the day back');
	await fillDateField(page, 'resumeOn', '29', '6', '2027');
	await page.getByRole('button', { name: 'Resume the programme' }).click();
	await expect(
		page.getByText('Programme resumed: the review dates below have moved by the days paused.')
	).toBeVisible();
	const moved = {
		'3-month review': '1 May 2027',
		'6-month review': '29 October 2027',
		'12-month review': '29 August 2028',
		'18-month review': '29 June 2029',
		'Two-year review': '29 April 2030'
	};
	await expectDue(page, moved);
	await expect(
		page.getByText('Back on 29 June 2027 from the pause that began on 1 June 2027')
	).toBeVisible();

	await page.getByRole('button', { name: 'Sign out' }).click();
	await signIn(page, 'mark.fenton@demo.test');
	await page.goto('/portfolio/programme');
	await expectDue(page, moved);
	await expect(page.getByRole('row', { name: /^Two-year review/ })).toContainText(
		'paused from 1 June 2027, back on 29 June 2027, which moves it 28 days later'
	);
});

test('a new ASYE writes their first plan and a reflection, and their assessor agrees it, without JavaScript', async ({
	page,
	baseURL
}) => {
	const people = {
		practitioner: { name: 'Ellis Moreno', email: 'ellis.moreno@demo.test' },
		assessor: { name: 'Uma Pryce', email: 'uma.pryce@demo.test' }
	};
	await signIn(page, demoAccounts.admin);
	const practitionerId = await enrolNewAsye(baseURL!, page, people);
	await page.getByRole('button', { name: 'Sign out' }).click();

	await signIn(page, people.practitioner.email);
	await writeInitialPlan(page);
	await writeFirstReflection(page);
	await page.getByRole('button', { name: 'Sign out' }).click();

	await signIn(page, people.assessor.email);
	await agreeInitialPlan(page, practitionerId);
	await page.getByRole('button', { name: 'Sign out' }).click();

	await signIn(page, people.practitioner.email);
	await page.goto('/portfolio/programme/pack');
	await expect(checklistRow(page, 'Initial development plan')).toContainText('✓ Agreed');
	await expect(checklistRow(page, 'Critical reflection for the 3-month review')).toContainText(
		'✓ Written'
	);
});

test('staff from HR: a plain form upload is checked and applied without JavaScript', async ({
	page
}) => {
	await signIn(page, demoAccounts.admin);
	await page.goto('/admin/import');
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText('Choose a CSV file to upload');
	await page.getByLabel('CSV file').setInputFiles({
		name: 'no-script.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'\ufeffEmail,Given name,Family name,Roles\r\nnora.noscript@demo.test,Nora,Noscript,Practitioner\r\n'
		)
	});
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByText('The file is checked: nothing has changed yet.')).toBeVisible();
	await expect(page.getByRole('table', { name: '1 person to add' })).toContainText('Nora Noscript');
	await page.getByRole('button', { name: 'Apply these changes' }).click();
	await expect(
		page.getByText('The file is applied: 1 added, 0 changed, 0 deactivated. 1 invitation sent.')
	).toBeVisible();
	await page.getByRole('link', { name: 'See the people' }).click();
	await expect(page.getByRole('link', { name: 'Nora Noscript' })).toBeVisible();
});

test('without JavaScript a wrong code when setting up two-factor authentication says why, and shows the code typed', async ({
	page
}) => {
	// A wrong code changes nothing, so any account will do.
	await signIn(page, demoAccounts.colleague);
	await page.goto('/account/two-factor');
	const key = await page.locator('#totp-key').textContent();
	await page.getByLabel('Code from your app').fill('12345');
	await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
	await expect(page).toHaveTitle(/^Error: Two-factor authentication/);
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the 6-digit code');
	await expect(page.getByLabel('Code from your app')).toHaveValue('12345');
	await expect(page.locator('#totp-key')).toHaveText(key!);
});

test('a portfolio is imported without JavaScript, and a bad ZIP is refused with a message', async ({
	page,
	baseURL
}) => {
	const { zip, records } = await exportedPortfolio(
		await apiAs(baseURL!, demoAccounts.practitioner)
	);
	await signIn(page, 'george.evans@demo.test');
	await page.goto('/portfolio/import');
	await page.getByRole('button', { name: 'Import portfolio' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Choose the ZIP file of your portfolio'
	);
	const upload = (name: string, buffer: Buffer) =>
		page
			.getByLabel('Your portfolio’s ZIP file')
			.setInputFiles({ name, mimeType: 'application/zip', buffer });
	await upload('notes.zip', Buffer.from('Not a ZIP at all'));
	await page.getByRole('button', { name: 'Import portfolio' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'The file is not a complete ZIP file'
	);
	await upload('priya.zip', zip);
	await page.getByRole('button', { name: 'Import portfolio' }).click();
	await expect(
		page.getByText(`Portfolio imported: ${records} records are in your portfolio as drafts.`)
	).toBeVisible();
});

test('a long workforce list pages without JavaScript', async ({ page }) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce/cpd?size=10');
	await expect(page.getByText(/^Showing 1 to 10 of \d+\s+rows\.$/)).toBeVisible();
	await page.getByRole('link', { name: 'Next page' }).click();
	await expect(page).toHaveURL(/\/workforce\/cpd\?size=10&page=2$/);
	await expect(page.getByText(/^Showing 11 to 20 of \d+\s+rows\.$/)).toBeVisible();
});

test('the audit analysis pages its teams and narrows to one without JavaScript', async ({
	page
}) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce/audits?size=2');
	await expect(page.getByText(/^Showing 1 to 2 of \d+\s+rows\.$/)).toBeVisible();
	await page
		.getByRole('navigation', { name: /^Pages of Overall grades by team,/ })
		.getByRole('link', { name: 'Next page' })
		.click();
	await expect(page).toHaveURL(/\/workforce\/audits\?size=2&page=2$/);
	await expect(page.getByText(/^Showing 3 to \d+ of \d+\s+rows\.$/)).toBeVisible();
	const teams = page.getByRole('table', {
		name: 'Overall grades by team, those with the fewest graded Good or better first'
	});
	const team = (await teams.locator('tbody th a').first().textContent())!.trim();
	await teams.getByRole('link', { name: team, exact: true }).click();
	await expect(page).toHaveURL(/\/workforce\/audits\?.*team=[0-9a-f-]{36}/);
	await expect(page.getByText(`Showing ${team} only.`)).toBeVisible();
	await page.getByRole('link', { name: 'Show all teams' }).click();
	await expect(page).not.toHaveURL(/team=/);
});

test('an outcome’s statements not yet shown open from coverage without JavaScript', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/coverage');
	const link = page.getByRole('link', { name: /not yet shown for \d\.\d$/ }).first();
	const outcome = (await link.textContent())!.match(/(\d\.\d)\s*$/)![1];
	await link.click();
	await expect(page).toHaveURL(new RegExp(`/portfolio/coverage/${outcome.replace('.', '\\.')}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${outcome} `));
	await expect(page.getByRole('heading', { name: 'Not yet shown' })).toBeVisible();
});

test('a child gives feedback through their link without JavaScript: a face and a few words', async ({
	page
}) => {
	const email = `child.nojs.${Date.now()}@example.com`;
	await signIn(page, demoAccounts.practitioner);
	await askForFeedback(page, { relationship: 'A child or young person', email });
	await expect(page.locator('.govuk-notification-banner--success')).toContainText('Request sent');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto(feedbackLinkTo(email));
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'Choose a face to say how it was'
	);
	await page.getByText('Good', { exact: true }).click();
	await page.getByLabel('What was good?').fill('She came when she said she would.');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you');
});

test('a principal social worker narrows QA coverage to one team without JavaScript', async ({
	page
}) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce/qa-coverage');
	await page.getByLabel('Team').selectOption({ label: 'North Assessment Team' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/\/workforce\/qa-coverage\?team=[0-9a-f-]{36}/);
	const people = page.getByRole('table', {
		name: 'Practitioners, those with none of a kind in the last 12 months first'
	});
	const teams = await people.locator('td[data-label="Team"]').allTextContents();
	expect(teams.length).toBeGreaterThan(0);
	expect(new Set(teams.map((team) => team.trim()))).toEqual(new Set(['North Assessment Team']));
	// The download keeps the filter.
	const csv = await people
		.locator('xpath=ancestor::section')
		.getByRole('link', { name: /^Download as CSV/ })
		.getAttribute('href');
	expect(csv).toMatch(/^\/api\/v1\/workforce\/qa-coverage\?team=[0-9a-f-]{36}&/);
});

test('a practitioner replaces identifying details with placeholders without JavaScript, then saves', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, 'ben.harris@demo.test');
	await page.goto('/portfolio/new');
	await page.getByLabel('Title').fill('A home visit (without JavaScript)');
	await page.getByLabel('Day').fill('2');
	await page.getByLabel('Month').fill('11');
	await page.getByLabel('Year').fill('2026');
	await page.getByLabel('Type of evidence').selectOption({ label: 'Reflective account' });
	const typed = 'Her son Kai lives at GL1 2AB with Mother Jane. Kai likes football.';
	await page.getByLabel('Account of the activity').fill(typed);
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Draft saved.')).toBeVisible();
	const record = new URL(page.url()).pathname;

	// Each finding, under the form, with what would replace it; all at once by one button.
	const panel = page.locator('#anonymity-check');
	await expect(panel.getByRole('button', { name: /^Replace ‘/ })).toHaveText([
		'Replace ‘Kai’ with ‘Child A’',
		'Replace ‘GL1 2AB’ with ‘[postcode removed]’',
		'Replace ‘Jane’ with ‘Parent A’'
	]);
	await panel.getByRole('button', { name: 'Replace all 3 with placeholders' }).click();
	const replaced =
		'Her son Child A lives at [postcode removed] with Mother Parent A. Child A likes football.';
	await expect(page.getByLabel('Account of the activity')).toHaveValue(replaced);
	await expect(page.locator('.govuk-notification-banner')).toContainText(
		'Replaced in the text below, not saved yet: check it, then save the draft.'
	);
	await expect(page.locator('.govuk-notification-banner')).toContainText(
		'‘Kai’ with ‘Child A’ (2 places)'
	);
	await expect(panel.locator('mark')).toHaveCount(0);

	// Nothing saved until the person saves: the record still reads as it did.
	const elsewhere = await browser.newContext({ baseURL, javaScriptEnabled: false });
	const other = await elsewhere.newPage();
	await signIn(other, 'ben.harris@demo.test');
	await other.goto(record);
	await expect(other.getByLabel('Account of the activity')).toHaveValue(typed);
	await elsewhere.close();

	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByText('Changes saved.')).toBeVisible();
	await expect(page.getByLabel('Account of the activity')).toHaveValue(replaced);
});
