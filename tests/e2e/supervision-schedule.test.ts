import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { submit } from './session';
import { expectNotice, fillDate, test, userId } from './walk';

// Supervision that keeps time, from the demo authority: Daniel Byrne is Ryan Cole's and Isla
// Fraser's practice supervisor, and the demo leaves Ryan's latest session missed, so overdue.
const daniel = 'daniel.byrne@demo.test';

/** Fills the parts of the session form every record needs; open earlier actions left to the test. */
async function describeSession(page: Page, agenda: string) {
	await fillDate(page, 0, page.getByRole('group', { name: 'Date of the supervision' }));
	await page.getByLabel('Agenda').fill(agenda);
	await page.getByLabel('Reflective discussion').fill('We talked it through together.');
}

/** Marks every action still open from earlier sessions done (the demo's, in these tests). */
async function markEarlierDone(page: Page, except?: string) {
	for (const group of await page
		.locator('fieldset')
		.filter({ has: page.getByRole('radio', { name: 'Done' }) })
		.all())
		if (!except || !(await group.locator('legend').innerText()).includes(except))
			await group.getByRole('radio', { name: 'Done' }).check();
}

test('a supervisor sees an overdue session on their home page and records one, citing an audit of the work', async ({
	as
}) => {
	const page = await as(daniel);
	await page.goto('/');
	const overdue = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: 'Ryan Cole: supervision' }) });
	await expect(overdue).toContainText(/overdue since \d{1,2} \w+ \d{4}/);
	await expectNoAxeViolations(page);

	await overdue.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a supervision session');
	await expect(page.locator('.govuk-inset-text')).toContainText('1 session overdue since');
	await expectNoAxeViolations(page);
	await describeSession(page, 'The audit of the family’s plan; what to take from it');
	const audit = page.getByLabel('Case audit discussed (optional)');
	const [, firstAudit] = await audit.locator('option').allInnerTexts();
	await audit.selectOption({ label: firstAudit });
	await markEarlierDone(page);
	await page
		.getByLabel('Action 1', { exact: true })
		.fill('Share what the audit found with the team');
	await page.getByLabel('Action 1 due by').fill('2027-01-15');
	await submit(page, 'Save the record');
	await expectNotice(page, 'Supervision record saved.');
	const caseRef = firstAudit.split(',')[0];
	const link = page.getByRole('link', { name: caseRef });
	await expect(link).toBeVisible();
	const recordPath = new URL(page.url()).pathname;

	// The audit opens for him: he supervises Ryan, and it is finalised.
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(caseRef);

	// The session met the overdue one: the home page no longer says overdue.
	await page.goto('/');
	await expect(page.getByRole('main')).not.toContainText(/Ryan Cole: supervision\s+overdue/);

	// Ryan reads the record and follows the link to the audit of his own work.
	const ryan = await as('ryan.cole@demo.test');
	await ryan.goto(recordPath);
	await expect(
		ryan.getByText('Share what the audit found with the team, by 15 January 2027')
	).toBeVisible();
	await ryan.getByRole('link', { name: caseRef }).click();
	await expect(ryan.getByRole('heading', { level: 1 })).toContainText(caseRef);
	await ryan.goto('/portfolio/supervision');
	await expect(ryan.locator('#open-actions')).toContainText(
		'Share what the audit found with the team'
	);
	await expectNoAxeViolations(ryan);
});

test('an action comes back at each session until it is done, and the practitioner sees it open meanwhile', async ({
	as
}) => {
	const isla = userId('isla.fraser@demo.test');
	const action = 'Ring the school about attendance';
	const page = await as(daniel);
	const record = async (agenda: string, decide: (page: Page) => Promise<void>) => {
		await page.goto(`/supervision/${isla}/records/new`);
		await describeSession(page, agenda);
		await decide(page);
		await submit(page, 'Save the record');
		await expectNotice(page, 'Supervision record saved.');
	};

	await record('Attendance and the school', async () => {
		await markEarlierDone(page);
		await page.getByLabel('Action 1', { exact: true }).fill(action);
		await page.getByLabel('Action 1 due by').fill('2027-01-08');
	});

	// At the next session it comes back, and must be decided: carried forward.
	await page.goto(`/supervision/${isla}/records/new`);
	await describeSession(page, 'The week ahead');
	await submit(page, 'Save the record');
	await expect(page.locator('.govuk-error-summary')).toContainText(
		`Say whether “${action}” is done, carried forward or dropped`
	);
	await expectNoAxeViolations(page);
	await page
		.getByRole('group', { name: action })
		.getByRole('radio', { name: 'Carried forward' })
		.check();
	await submit(page, 'Save the record');
	await expectNotice(page, 'Supervision record saved.');
	await expect(page.getByRole('main')).toContainText(`${action} (agreed on`);
	await expect(page.getByRole('main')).toContainText('carried forward');

	const worker = await as('isla.fraser@demo.test');
	await worker.goto('/portfolio/supervision');
	await expect(worker.locator('#open-actions')).toContainText(action);
	await expect(worker.locator('#supervision-schedule')).toBeVisible();
	await expectNoAxeViolations(worker);

	await record('Attendance again', async () => {
		await page.getByRole('group', { name: action }).getByRole('radio', { name: 'Done' }).check();
		await markEarlierDone(page, action);
	});
	await expect(page.getByRole('main')).toContainText('done');
	await worker.goto('/portfolio/supervision');
	await expect(worker.locator('#open-actions')).not.toContainText(action);
});
