import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './axe';
import { demoAccounts, signIn, submit } from './session';
import { e2eDatabase } from './server';

/**
 * The demo worker this journey changes, part-way through a pathway for an open learning need, and
 * their assessor, who reviews the pathway's evidence. She is named here, not found by a query:
 * the first worker a query found was also enrolled by the enrolment API's test, which gives them
 * a new assessor, and when that ran between this journey's two halves the old assessor had no
 * evidence to accept. Other browser tests only read Lucy's pages.
 */
const learner = 'lucy.chen@demo.test';

function pathwayInProgress() {
	const db = new Database(e2eDatabase, { readonly: true });
	const row = db
		.prepare(
			`select a.id as assignmentId, u.id as practitionerId, u.email as practitioner,
				s.email as supervisor, n.description
			 from pathway_assignments a
			 join pathway_progress p on p.assignment_id = a.id and p.completed_at is null
			 join learning_needs n on n.id = a.need_id and n.status = 'open'
			 join users u on u.id = a.practitioner_id
			 join supervisions sv on sv.supervisee_id = u.id and sv.ends_on is null
				and sv.kind = 'assessor'
			 join users s on s.id = sv.supervisor_id
			 where a.scope = 'person' and u.email = ?`
		)
		.get(learner) as
		| {
				assignmentId: string;
				practitionerId: string;
				practitioner: string;
				supervisor: string;
				description: string;
		  }
		| undefined;
	db.close();
	expect(row, `${learner}: a demo pathway in progress for an open need`).toBeTruthy();
	return row!;
}

test('a learning need is met when the supervisor accepts its pathway’s evidence, not before', async ({
	browser,
	baseURL
}) => {
	const found = pathwayInProgress();
	const newPage = async () =>
		(
			await browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.4' } })
		).newPage();
	const worker = await newPage();
	await signIn(worker, found.practitioner);
	const need = worker.locator('li', { hasText: found.description }).first();
	await worker.goto('/portfolio/learning');
	await expect(need.locator('.govuk-tag')).toHaveText('Open');

	// Ticked steps are kept as they are ticked.
	await worker.goto(`/portfolio/learning/${found.assignmentId}`);
	const steps = worker.getByRole('group', { name: 'Steps you have done' }).getByRole('checkbox');
	for (const step of await steps.all()) await step.check();
	await submit(worker, 'Save progress');
	await expect(worker.getByText('Progress saved.')).toBeVisible();
	await worker.reload();
	for (const step of await steps.all()) await expect(step).toBeChecked();

	await worker
		.getByLabel(/closing reflection/i)
		.fill('I now write what will change for the child first, and check it with the family.');
	await submit(worker, 'Complete the pathway');
	await expect(worker).toHaveURL(/\/portfolio\/learning\?saved=completed$/);
	await expect(need.locator('.govuk-tag')).toHaveText('Evidence submitted, waiting for review');
	await expect(need).toContainText('the need is met when it is accepted');
	// The worker's earlier audit still gives the "before" score while no audit has followed.
	const impact = worker
		.getByRole('table', { name: 'Impact of completed pathways' })
		.getByRole('row')
		.filter({ hasText: 'No audit since' })
		.first();
	await expect(impact.getByRole('cell').nth(1)).toContainText(/score \d\.\d/);
	await expectNoAxeViolations(worker);
	const evidence = await need.getByRole('link', { name: 'evidence' }).getAttribute('href');

	// The supervisor accepts the evidence; now the need is met.
	const supervisor = await newPage();
	await signIn(supervisor, found.supervisor);
	await supervisor.goto(evidence!);
	await submit(supervisor, 'Accept');
	await expect(supervisor.getByText('Evidence accepted.')).toBeVisible();
	await supervisor.goto(`/supervision/${found.practitionerId}#learning`);
	await expect(
		supervisor.locator('li', { hasText: found.description }).first().locator('.govuk-tag')
	).toHaveText('Met');

	await worker.goto('/portfolio/learning');
	await expect(need.locator('.govuk-tag')).toHaveText('Met');
	await expect(need).toContainText('when the evidence from its pathway was accepted');
});

test('the impact of learning keeps the score before a pathway when none has followed it', async ({
	page
}) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/audits/impact');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impact of learning');
	const rows = page.getByRole('table', { name: 'Impact of completed pathways' }).getByRole('row');
	// Every pathway with audits before it has a score for them, whatever came after.
	for (const row of await rows.filter({ hasText: /completed/ }).all()) {
		const before = row.getByRole('cell').nth(2);
		if (/^0 audits/.test((await before.innerText()).trim())) continue;
		await expect(before).toContainText(/score \d\.\d/);
	}
	await expectNoAxeViolations(page);
});

test('the home page counts learning in words that agree, and leaves out what is none', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	const learning = page
		.getByRole('main')
		.getByRole('link', { name: /to complete$|learning needs?$/ });
	await expect(learning).toHaveCount(1);
	const text = (await learning.innerText()).trim();
	// "1 open learning need and 2 pathways to complete", "1 pathway to complete", ...
	const need = String.raw`(1 open learning need|([2-9]|\d\d+) open learning needs)`;
	const pathway = String.raw`(1 pathway|([2-9]|\d\d+) pathways) to complete`;
	expect(text).toMatch(new RegExp(`^(${need} and ${pathway}|${need}|${pathway})$`));
});
