import { expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { gradeAudit, learningNeed, plansStandard, startAudit } from './audit-setup';
import { expectNoAxeViolations } from './axe';
import { apiAs, demoAccounts, signIn, submit } from './session';
import { e2eDatabase } from './server';
import { postForm, test, userId } from './walk';

// From a case audit to learning, in steps that each set up what they start from through the
// real forms: an audit started, graded, finalised; the learning need it raises; the pathway
// assigned for it; the pathway completed.

test('an auditor starts a case audit; a name in place of a case code is refused', async ({
	as
}) => {
	const auditor = await as(demoAccounts.auditor);
	await auditor.goto('/audits');
	await expectNoAxeViolations(auditor);
	await auditor.getByRole('button', { name: 'Record a case audit' }).click();
	await auditor.getByLabel('Case reference').fill('Jane Smith');
	await auditor
		.getByLabel('Practitioner whose work is audited')
		.selectOption({ label: 'Priya Shah' });
	await submit(auditor, 'Start the audit');
	await expect(auditor.locator('.govuk-error-summary')).toContainText(
		'Enter the case reference as a code of letters and digits'
	);
	await expectNoAxeViolations(auditor);
	await auditor.getByLabel('Case reference').fill('C-777001');
	await submit(auditor, 'Start the audit');
	await expect(auditor).toHaveURL(/\/audits\/[0-9a-f-]{36}\?saved=created$/);
	await expect(auditor.getByRole('heading', { level: 1 })).toHaveText('Case audit C-777001');
	await expectNoAxeViolations(auditor);
});

test('a standard that requires improvement cascades to the overall grade and management oversight', async ({
	as,
	api
}) => {
	const id = await startAudit(
		await api(demoAccounts.auditor),
		demoAccounts.practitioner,
		'C-777002'
	);
	const auditor = await as(demoAccounts.auditor);
	await auditor.goto(`/audits/${id}`);
	await auditor.getByRole('link', { name: 'Grade the practice' }).click();
	await expectNoAxeViolations(auditor);
	const groups = auditor.locator('form > fieldset');
	for (const group of await groups.all()) {
		const plans = (await group.locator('legend h2').textContent())?.includes(
			'All children have a plan'
		);
		await group.getByLabel(plans ? 'Requires improvement' : 'Good', { exact: true }).check();
		await group
			.getByLabel('Evidence for the grade')
			.fill(plans ? 'No contingency plan and no timescales.' : 'Seen in the records.');
	}
	await submit(auditor, 'Save the grades');
	await expect(auditor).toHaveURL(/saved=grades/);
	const overall = auditor.locator('.govuk-summary-list__row', { hasText: 'Overall grade' });
	await expect(overall).toContainText('Requires improvement');
	await expect(
		auditor.getByRole('row', { name: /^Management oversight and supervision/ })
	).toContainText('Graded Good, then cascaded');
	await expectNoAxeViolations(auditor);
});

test('an audit is finalised once the views are recorded, and then needs an urgent review', async ({
	as,
	api
}) => {
	const session = await api(demoAccounts.auditor);
	const id = await startAudit(session, demoAccounts.practitioner, 'C-777003');
	await gradeAudit(session, id, { [plansStandard]: 'requires-improvement' });
	const auditor = await as(demoAccounts.auditor);
	await auditor.goto(`/audits/${id}`);
	await expect(auditor.locator('#finalise ~ ul')).toContainText('Record the child’s view');
	await auditor.getByRole('link', { name: 'Record the views' }).click();
	await auditor.getByLabel('The child’s view').fill('The child said the plan was never explained.');
	await auditor
		.getByLabel('The parent’s or carer’s view')
		.fill('The parent did not know who to call when things went wrong.');
	await auditor
		.getByLabel('The worker’s reflections')
		.fill('I was holding the plan in my head rather than writing it with the family.');
	await expectNoAxeViolations(auditor);
	await submit(auditor, 'Save');
	await expect(auditor).toHaveURL(/saved=views/);

	await auditor.getByRole('link', { name: 'Add a finding' }).click();
	await auditor.getByLabel('Area for development').check();
	await auditor
		.getByLabel('Finding', { exact: true })
		.fill('Plans do not set out outcomes, timescales or a contingency.');
	await auditor.getByLabel(/^3\.3 /).check();
	await expectNoAxeViolations(auditor);
	await submit(auditor, 'Add the finding');
	await expect(auditor).toHaveURL(/saved=finding/);

	await submit(auditor, 'Finalise the audit');
	await expect(auditor).toHaveURL(/saved=finalised/);
	await expect(auditor.getByText('Urgent review needed')).toBeVisible();
	await expect(auditor.locator('.govuk-summary-list__row', { hasText: 'Status' })).toContainText(
		'Finalised'
	);
	await expectNoAxeViolations(auditor);
});

test('a finding for development becomes a learning need the worker sees, tagged with its outcome', async ({
	as,
	api
}) => {
	const finding = 'Plans do not say what will change for the child (C-777004).';
	await learningNeed(
		await api(demoAccounts.auditor),
		demoAccounts.practitioner,
		'C-777004',
		finding
	);
	const practitioner = await as(demoAccounts.practitioner);
	await practitioner.goto('/portfolio/learning');
	const need = practitioner.locator('li', { hasText: finding });
	await expect(need).toContainText('Open');
	await expect(need.getByRole('link', { name: '3.3' })).toBeVisible();
	await expectNoAxeViolations(practitioner);
});

test('the supervisor assigns the pathway suggested for a learning need', async ({ as, api }) => {
	const finding = 'Plans have no contingency (C-777005).';
	await learningNeed(
		await api(demoAccounts.auditor),
		demoAccounts.practitioner,
		'C-777005',
		finding
	);
	const supervisor = await as(demoAccounts.supervisor);
	await supervisor.goto('/supervision');
	await supervisor.getByRole('link', { name: 'Priya Shah' }).click();
	const need = supervisor.locator('li', { hasText: finding });
	await expect(need).toContainText('Planning with purpose');
	await expectNoAxeViolations(supervisor);
	await need.getByRole('link', { name: /^Assign this pathway \(Planning with purpose/ }).click();
	// The assign page says which need it is for.
	await expect(supervisor.locator('#need')).toContainText(finding);
	await expect(supervisor.getByRole('radio', { name: 'One person' })).toBeChecked();
	await expectNoAxeViolations(supervisor);
	await submit(supervisor, 'Assign the pathway');
	await expect(supervisor).toHaveURL(/saved=assigned/);
	await expect(
		supervisor
			.getByRole('table', { name: 'Learning pathways' })
			.getByRole('row', { name: /Planning with purpose/ })
	).toContainText('Not started');
});

test('a pathway completed for a learning need becomes evidence, and the audit shows where the need stands', async ({
	as,
	api
}) => {
	// Another of the supervisor's ASYEs, so that the pathway is not already open for them.
	const worker = 'aisha.bello@demo.test';
	const finding = 'Plans list services, not the change needed for the child (C-777006).';
	const { auditId, needId } = await learningNeed(
		await api(demoAccounts.auditor),
		worker,
		'C-777006',
		finding
	);
	await postForm(await api(demoAccounts.supervisor), '/pathways/planning-with-purpose/assign', {
		scope: 'person',
		practitionerId: userId(worker),
		needId
	});

	const practitioner = await as(worker);
	await practitioner.goto('/portfolio/learning');
	const need = practitioner.locator('li', { hasText: finding });
	const row = practitioner
		.getByRole('table', { name: 'Learning pathways' })
		.getByRole('row', { name: /Planning with purpose/ });
	await row.getByRole('link').click();
	await expectNoAxeViolations(practitioner);
	await submit(practitioner, 'Complete the pathway');
	await expect(practitioner.locator('.govuk-error-summary')).toContainText(
		'Tick the steps you have done'
	);
	await expect(practitioner.locator('.govuk-error-summary')).toContainText(
		'Write your closing reflection'
	);
	for (const step of ['1. Reading', '2. Activity', '3. Activity'])
		await practitioner.getByLabel(new RegExp(`^${step}`)).check();
	await practitioner
		.getByLabel(/closing reflection/i)
		.fill(
			'I rewrote the plan with the family: each outcome now says what will change for the child, by when, and what happens if it does not.'
		);
	await submit(practitioner, 'Complete the pathway');
	await expect(practitioner).toHaveURL(/\/portfolio\/learning\?saved=completed$/);
	// Met only once the supervisor accepts the evidence (see learning.test.ts).
	await expect(need.locator('.govuk-tag')).toHaveText('Evidence submitted, waiting for review');
	await expect(row).toContainText('Completed');
	await expectNoAxeViolations(practitioner);
	await row.getByRole('link', { name: 'evidence' }).click();
	await expect(practitioner.getByRole('heading', { level: 1 })).toHaveText(
		/^Learning pathway: Planning with purpose/
	);
	await expect(practitioner.getByText('I rewrote the plan with the family')).toBeVisible();
	await expect(practitioner.getByRole('link', { name: /^3\.3/ }).first()).toBeVisible();

	// The audit shows where the learning need it raised stands.
	const auditor = await as(demoAccounts.auditor);
	await auditor.goto(`/audits/${auditId}`);
	await expect(auditor.locator('li', { hasText: finding })).toContainText(
		'Learning need: evidence submitted, waiting for review'
	);
});

test('auditors see only the audits they take part in; practitioners only their own', async ({
	baseURL
}) => {
	const db = new Database(e2eDatabase, { readonly: true });
	const auditOf = (email: string) =>
		(
			db
				.prepare(
					"select a.id from audits a join users u on u.id = a.practitioner_id where u.email = ? and a.status = 'finalised' order by a.audited_on limit 1"
				)
				.get(email) as { id: string }
		).id;
	// Audited by Martin Hughes alone, outside Grace Mensah's team: she has no part in it.
	const notGraces = (
		db
			.prepare(
				`select a.id from audits a
				 join users auditor on auditor.id = a.auditor_id
				 join teams t on t.id = a.team_id
				 where auditor.email = 'auditor@demo.test' and a.co_auditor_id is null
				 and t.name <> 'North Assessment Team' and a.status = 'finalised' limit 1`
			)
			.get() as { id: string }
	).id;
	const chris = auditOf('colleague@demo.test');
	const priya = auditOf('practitioner@demo.test');
	db.close();

	const grace = await apiAs(baseURL!, 'grace.mensah@demo.test');
	expect((await grace.get(`/audits/${notGraces}`)).status()).toBe(403);
	expect(await (await grace.get('/audits')).text()).not.toContain(notGraces);
	const auditor = await apiAs(baseURL!, demoAccounts.auditor);
	expect((await auditor.get(`/audits/${notGraces}`)).status()).toBe(200);

	const practitioner = await apiAs(baseURL!, demoAccounts.practitioner);
	expect((await practitioner.get(`/audits/${priya}`)).status()).toBe(200);
	expect((await practitioner.get(`/audits/${chris}`)).status()).toBe(403);
	const list = await (await practitioner.get('/audits')).text();
	expect(list).toContain(priya);
	expect(list).not.toContain(chris);

	// Nor can anyone without a part change an audit by posting to it.
	const colleague = await apiAs(baseURL!, demoAccounts.colleague);
	const post = await colleague.post(`/audits/${priya}?/receipt`, {
		form: { directions: 'Not mine to record' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(post.status()).toBe(403);
});

test('an Inadequate audit waits for its same-day response, and the principal social worker sees it', async ({
	page
}) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/audits?grade=inadequate');
	await expectNoAxeViolations(page);
	const rows = page.locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	await rows.first().getByRole('link').click();
	await expect(page.getByText('Same-day response', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
	await expectNoAxeViolations(page);

	// The recent Requires improvement audit is still waiting for its urgent review.
	await page.goto('/audits?attention=yes');
	const waiting = page.getByRole('row', { name: /Sophie Turner/ });
	await expect(waiting).toContainText('Urgent review');
	await waiting.getByRole('link').first().click();
	await expect(page.getByText('Urgent review needed')).toBeVisible();
	await page.getByLabel('Record the response').fill('Reviewed with the team manager today.');
	await submit(page, 'Record the response');
	await expect(page).toHaveURL(/saved=responded/);
	await expect(page.getByText('Urgent review needed')).toBeHidden();
	await expectNoAxeViolations(page);
});

test('a moderator changes a grade and the audit shows both', async ({ page }) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/audits?status=finalised');
	// An audit not yet moderated: the first one whose page offers moderation.
	const links = page.locator('tbody tr a');
	const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	let moderated = false;
	for (const href of hrefs) {
		await page.goto(href);
		if ((await page.getByRole('link', { name: 'Moderate this audit' }).count()) === 0) continue;
		await page.getByRole('link', { name: 'Moderate this audit' }).click();
		await expectNoAxeViolations(page);
		const first = page.locator('form > fieldset').first();
		await first.getByLabel('Inadequate', { exact: true }).check();
		await submit(page, 'Save the moderation');
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'Write your moderation comments'
		);
		await page.getByLabel('Moderation comments').fill('The child was not seen alone for months.');
		await submit(page, 'Save the moderation');
		await expect(page).toHaveURL(/saved=moderated/);
		await expect(page.locator('#moderation ~ p').first()).toContainText('Inadequate');
		await expect(page.getByRole('columnheader', { name: 'Moderated grade' })).toBeVisible();
		await expectNoAxeViolations(page);
		moderated = true;
		break;
	}
	expect(moderated, 'an audit to moderate').toBe(true);
});

test('the principal social worker sees what audits showed after pathways were completed', async ({
	page
}) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/audits');
	await page.getByRole('link', { name: /^Impact of learning/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impact of learning');
	const chris = page.getByRole('row', { name: /Chris Doyle/ });
	await expect(chris).toContainText('From information to analysis');
	await expect(chris).toContainText('Improved');
	await expectNoAxeViolations(page);
	await page.getByLabel('Team').selectOption({ label: 'North Assessment Team' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByText('North Assessment Team').first()).toBeVisible();
	await expect(page.getByRole('row', { name: /Chris Doyle/ })).toBeVisible();
});

test('audit findings name the outcomes and local standards they are tagged with', async ({
	page
}) => {
	const db = new Database(e2eDatabase, { readonly: true });
	const { id } = db
		.prepare(
			`select a.id from audits a
			 join audit_findings f on f.audit_id = a.id
			 join audit_finding_tags t on t.finding_id = f.id
			 where a.status = 'finalised' and t.kind = 'standard' limit 1`
		)
		.get() as { id: string };
	db.close();
	await signIn(page, demoAccounts.psw);
	await page.goto(`/audits/${id}`);
	const tagged = page.locator('.gt-audit-finding p', { hasText: 'Tagged:' });
	await expect(tagged.first()).toBeVisible();
	const standards = tagged.getByRole('link', { name: /^Standard \d+/ });
	await expect(standards.first()).toHaveText(/^Standard \d+: \S/);
	for (const link of await tagged.getByRole('link').all())
		await expect(link).toHaveText(/^(\d\.\d \S|Standard \d+: \S)/);
	await expectNoAxeViolations(page);
});
