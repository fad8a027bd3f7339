import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './axe';
import { demoAccounts, latestLinkTo, submit } from './session';
import { expectNotice, fillDate, test } from './walk';

// Staff from HR: the template, a file with problems, the dry run, applying it; and a leaver,
// whose supervisee comes to their line manager's home page. Everyone here is new, made by the
// files, so no other test's people change.

const header =
	'email,given_name,family_name,team,roles,career_stage,swe_registration,line_manager_email,start_date';
const csv = (...rows: string[]) => ({
	name: 'staff.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from([header, ...rows].join('\r\n'))
});

test('an administrator downloads the template, checks a file, corrects it, applies it and sees the people', async ({
	as
}) => {
	const admin = await as(demoAccounts.admin);
	await admin.goto('/admin');
	await admin.getByRole('link', { name: 'Import staff from HR' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Import staff from HR');
	await expectNoAxeViolations(admin);
	const [download] = await Promise.all([
		admin.waitForEvent('download'),
		admin.getByRole('link', { name: /Download the template/ }).click()
	]);
	expect(download.suggestedFilename()).toBe('golden-thread-staff.csv');
	expect((await readFile((await download.path())!, 'utf8')).trim()).toBe(header);

	const rows = [
		'una.import@demo.test,Una,Import,Import Team,supervisor,,,,',
		'ian.import@demo.test,Ian,Import,Import Team,practitioner,ASYE,SW 7001,una.import@demo.test,1/9/2026'
	];
	await admin.getByLabel('CSV file').setInputFiles(csv(...rows, 'bad@,Bad,Row,,wizard,,,,'));
	await submit(admin, 'Check the file');
	await expect(admin).toHaveTitle(/^Error: /);
	await expect(admin.locator('.govuk-error-summary')).toContainText(
		'The file has 4 problems: correct them and upload it again'
	);
	const problems = admin.locator('#problems tbody tr');
	await expect(problems).toHaveText([
		/^2\s*team\s*There is no team called “Import Team”/,
		/^3\s*team\s*There is no team called “Import Team”/,
		/^4\s*email\s*Enter an email address in the correct format/,
		/^4\s*roles\s*“wizard” is not a role/
	]);
	await expect(admin.locator('#problems caption')).toHaveText('4 problems to correct');
	await expectNoAxeViolations(admin);

	// Corrected: the bad row out, and the new team made.
	await admin.getByLabel('CSV file').setInputFiles(csv(...rows));
	await admin.getByLabel('Create teams the file names that do not exist yet').check();
	await submit(admin, 'Check the file');
	await expectNotice(admin, 'The file is checked: nothing has changed yet.');
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('What the file would do');
	await expect(admin.getByRole('main')).toContainText('1 team to create');
	const added = admin.getByRole('table', { name: '2 people to add' });
	await expect(added.getByRole('row', { name: /Ian Import/ })).toContainText(
		'una.import@demo.test, from 1 September 2026'
	);
	await expectNoAxeViolations(admin);
	await submit(admin, 'Apply these changes');
	await expectNotice(
		admin,
		'The file is applied: 2 added, 0 changed, 0 deactivated. 2 invitations sent.'
	);
	await expect(admin.getByRole('button', { name: 'Apply these changes' })).toHaveCount(0);

	await admin.getByRole('link', { name: 'See the people' }).click();
	await admin.getByRole('link', { name: 'Ian Import' }).click();
	await expect(admin.getByLabel('Social Work England registration number (optional)')).toHaveValue(
		'SW7001'
	);
	await expect(admin.getByText(/Una Import, from 1 September 2026 \(current\)/)).toBeVisible();
	expect(await latestLinkTo(admin, 'ian.import@demo.test')).toMatch(/^\/set-password\//);
});

test('a leaver’s supervisee comes to their line manager’s home page', async ({
	as,
	browser,
	baseURL
}) => {
	const admin = await as(demoAccounts.admin);
	await admin.goto('/admin/import');
	await admin
		.getByLabel('CSV file')
		.setInputFiles(
			csv(
				'lena.leaver@demo.test,Lena,Leaver,,supervisor,,,,',
				'tess.lead@demo.test,Tess,Lead,,supervisor,,,,',
				'pat.handover@demo.test,Pat,Handover,,practitioner,,,tess.lead@demo.test,1/9/2026'
			)
		);
	await submit(admin, 'Check the file');
	await submit(admin, 'Apply these changes');
	await expectNotice(admin, /^The file is applied: 3 added/);

	await admin.goto('/admin/supervision');
	await admin.getByLabel('Practitioner').selectOption({ label: 'Pat Handover' });
	await admin.getByLabel('Practice supervisor', { exact: true }).check();
	await admin.getByLabel('Supervisor or assessor').selectOption({ label: 'Lena Leaver' });
	await fillDate(admin, -7);
	await submit(admin, 'Assign');
	await expect(admin.getByText('Relationship assigned.')).toBeVisible();

	await admin.goto('/admin/people');
	await admin.getByRole('link', { name: 'Lena Leaver' }).click();
	await submit(admin, 'Deactivate');
	await expect(admin.locator('.govuk-notification-banner__heading')).toHaveText(
		'Deactivated: they have been signed out everywhere and cannot sign in. 1 supervision relationship ended. They supervised or assessed 1 person: each now shows on their line manager’s home page (or their team manager’s, or the principal social workers’).'
	);

	// Tess sets her password from her invitation, and finds Pat on her home page.
	const link = await latestLinkTo(admin, 'tess.lead@demo.test');
	const context = await browser.newContext({ baseURL });
	const tess = await context.newPage();
	await tess.goto(link);
	await tess.getByLabel('Password', { exact: true }).fill('quiet harbour lantern handover');
	await tess.getByLabel('Password again').fill('quiet harbour lantern handover');
	await submit(tess, 'Set password and sign in');
	const handovers = tess.getByRole('region', { name: 'Handed over when someone left' });
	await expect(handovers.getByRole('listitem')).toHaveText(
		/^Pat Handover: Lena Leaver left on .*, so nobody is their practice supervisor$/
	);
	await expect(handovers.getByRole('link', { name: 'Pat Handover' })).toHaveAttribute(
		'href',
		/^\/supervision\//
	);
	await expectNoAxeViolations(tess);
	await context.close();
});
