import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { recordsFor } from './portfolio-flow';
import { apiAs, demoAccounts, signIn, submit } from './session';
import { e2eDatabase } from './server';

test('submit, return with feedback, resubmit, accept, sign off: coverage and the outbox show it', async ({
	browser
}) => {
	const practitioner = await (await browser.newContext()).newPage();
	const supervisor = await (await browser.newContext()).newPage();
	await signIn(practitioner, demoAccounts.practitioner);
	await signIn(supervisor, demoAccounts.supervisor);
	const outboxBefore = outboxCount();

	// The practitioner submits a new record mapped to 2.3.
	await practitioner.goto('/portfolio/new');
	await practitioner.getByLabel('Title').fill('Sign-off journey');
	await practitioner.getByLabel('Day').fill('3');
	await practitioner.getByLabel('Month').fill('11');
	await practitioner.getByLabel('Year').fill('2026');
	await practitioner.getByLabel('Type of evidence').selectOption({ label: 'Case work example' });
	await practitioner
		.getByLabel('Account of the activity')
		.fill('Life-story work with the child (A), aged 8.');
	await practitioner.getByLabel('Free text').check();
	await practitioner
		.locator('#reflection-free-text')
		.fill('The child chose which memories to include.');
	await submit(practitioner, 'Save draft');
	await practitioner.waitForURL(/saved=created/);
	const recordPath = new URL(practitioner.url()).pathname;
	await practitioner.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	await practitioner
		.getByText('2.3 Builds and maintains impactful relationships with children')
		.click();
	await practitioner.locator('[id="pick-2-3-D9"]').check();
	await submit(practitioner, 'Save outcomes and statements');
	await submit(practitioner, 'Submit for review');
	await expect(practitioner.getByText('Record submitted for review.')).toBeVisible();

	// The supervisor returns it with feedback.
	await supervisor.goto('/supervision');
	await expectNoAxeViolations(supervisor);
	await supervisor.getByRole('link', { name: 'Sign-off journey' }).click();
	await expectNoAxeViolations(supervisor);
	await supervisor.getByLabel('Feedback').fill('Say what the child told you about the memories.');
	await submit(supervisor, 'Return with feedback');
	await expect(supervisor.getByText('Evidence returned with feedback.')).toBeVisible();

	// The practitioner sees the feedback, edits and resubmits.
	await practitioner.goto('/');
	await practitioner.getByRole('link', { name: 'Sign-off journey' }).click();
	await expect(
		practitioner.getByText('Say what the child told you about the memories.')
	).toBeVisible();
	await practitioner
		.getByLabel('Account of the activity')
		.fill('Life-story work with the child (A), aged 8, who said the memories felt safe now.');
	await submit(practitioner, 'Save draft');
	await expect(practitioner.getByText('Changes saved.')).toBeVisible();
	await submit(practitioner, 'Submit for review');
	await expect(practitioner.getByText('Record submitted for review.')).toBeVisible();

	// The supervisor accepts it and signs off 2.3.
	await supervisor.goto(recordPath);
	await submit(supervisor, 'Accept');
	await expect(supervisor.getByText('Evidence accepted.')).toBeVisible();
	await supervisor.getByRole('link', { name: 'Priya Shah' }).click();
	await expectNoAxeViolations(supervisor);
	await supervisor.getByRole('link', { name: 'Sign off outcome 2.3', exact: true }).click();
	// Before trying, the page says which Does statements the accepted evidence shows.
	await expect(supervisor.locator('#does-shown')).toContainText('2.3 D9');
	await supervisor.getByLabel('Sign-off journey').check();
	await supervisor
		.getByLabel('Why the outcome is met')
		.fill('Life-story work shows 2.3 D9, with the child’s own words.');
	await submit(supervisor, 'Sign off outcome 2.3');
	// Back on the supervisee's page, a notice says what happened.
	await expect(supervisor.locator('.govuk-notification-banner--success')).toHaveText(
		/Outcome 2\.3 signed off\./
	);
	await expect(
		supervisor.getByRole('link', { name: 'View sign-off of outcome 2.3', exact: true })
	).toBeVisible();
	await expectNoAxeViolations(supervisor);

	await practitioner.goto('/portfolio/coverage');
	await expect(practitioner.locator('[id="outcome-2.3"] td').nth(3)).toHaveText('Signed off');
	expect(await recordsFor(practitioner, '2.3')).toBeGreaterThan(0);

	const subjects = outboxSince(outboxBefore);
	expect(subjects).toEqual(
		expect.arrayContaining([
			'Evidence to review from Priya Shah',
			'Evidence returned with feedback: Sign-off journey',
			'Evidence accepted: Sign-off journey'
		])
	);
});

test('an outcome is not signed off on evidence of knowing only: the error summary names the Does statements that would count', async ({
	browser
}) => {
	const practitioner = await (await browser.newContext()).newPage();
	const supervisor = await (await browser.newContext()).newPage();
	await signIn(practitioner, demoAccounts.practitioner);
	await signIn(supervisor, demoAccounts.supervisor);

	// A record mapped to a Knows statement of 6.1 only, an outcome the demo leaves unevidenced.
	await practitioner.goto('/portfolio/new');
	await practitioner.getByLabel('Title').fill('Reading the local context');
	await practitioner.getByLabel('Day').fill('4');
	await practitioner.getByLabel('Month').fill('11');
	await practitioner.getByLabel('Year').fill('2026');
	await practitioner.getByLabel('Type of evidence').selectOption({ label: 'Case work example' });
	await practitioner.getByLabel('Account of the activity').fill('I read the local thresholds.');
	await practitioner.getByLabel('Free text').check();
	await practitioner.locator('#reflection-free-text').fill('Thresholds shape what I offer.');
	await submit(practitioner, 'Save draft');
	await practitioner.waitForURL(/saved=created/);
	const recordPath = new URL(practitioner.url()).pathname;
	await practitioner.getByRole('link', { name: 'Choose outcomes and statements' }).click();
	await practitioner.getByText('6.1 Understands how practice is influenced by the local').click();
	await practitioner.locator('[id="pick-6-1-K1"]').check();
	await submit(practitioner, 'Save outcomes and statements');
	await submit(practitioner, 'Submit for review');
	await expect(practitioner.getByText('Record submitted for review.')).toBeVisible();

	await supervisor.goto(recordPath);
	await submit(supervisor, 'Accept');
	await expect(supervisor.getByText('Evidence accepted.')).toBeVisible();
	await supervisor.getByRole('link', { name: 'Priya Shah' }).click();
	await supervisor.getByRole('link', { name: 'Sign off outcome 6.1', exact: true }).click();
	await expect(supervisor.locator('#does-shown')).toContainText(
		'None of the accepted evidence mapped to this outcome shows one of its Does statements.'
	);
	await expectNoAxeViolations(supervisor);
	await supervisor.getByLabel('Reading the local context').check();
	await supervisor.getByLabel('Why the outcome is met').fill('Knows the local context well.');
	await submit(supervisor, 'Sign off outcome 6.1');

	const summary = supervisor.locator('.govuk-error-summary');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText(
		'Outcome 6.1 can be signed off only when the cited evidence shows at least one of its Does statements; it shows only Knows statements (6.1 K1), and knowing is not enough. Any of these would count: 6.1 D1'
	);
	await expect(supervisor).toHaveTitle(/^Error: Outcome 6\.1/);
	await expect(supervisor.getByRole('button', { name: 'Sign off outcome 6.1' })).toBeVisible();
	await expectNoAxeViolations(supervisor);
});

test('a supervisor cannot review, sign off or see the records of someone they do not supervise', async ({
	baseURL
}) => {
	const db = new Database(e2eDatabase, { readonly: true });
	const chris = db.prepare("select id from users where email = 'colleague@demo.test'").get() as {
		id: string;
	};
	const record = db
		.prepare("select id from evidence where owner_id = ? and status = 'submitted' limit 1")
		.get(chris.id) as { id: string };
	db.close();
	const sam = await apiAs(baseURL!, demoAccounts.supervisor);
	const form = { headers: { accept: 'text/html' }, maxRedirects: 0 };
	expect((await sam.get(`/portfolio/${record.id}`)).status()).toBe(403);
	expect(
		(
			await sam.post(`/portfolio/${record.id}?/accept`, { ...form, form: { statement: '2.3 D1' } })
		).status()
	).toBe(403);
	expect(
		(
			await sam.post(`/portfolio/${record.id}?/return`, { ...form, form: { feedback: 'No' } })
		).status()
	).toBe(403);
	expect(
		(
			await sam.post(`/portfolio/${record.id}?/comment`, { ...form, form: { comment: 'Hello' } })
		).status()
	).toBe(403);
	expect((await sam.get(`/supervision/${chris.id}`)).status()).toBe(403);
	expect((await sam.get(`/supervision/${chris.id}/outcomes/2.3`)).status()).toBe(403);
	const signOff = await sam.post(`/supervision/${chris.id}/outcomes/2.3?/signOff`, {
		...form,
		form: { rationale: 'No', evidence: record.id }
	});
	expect(signOff.status()).toBe(403);
	const withdraw = await sam.post(`/supervision/${chris.id}/outcomes/2.3?/withdraw`, {
		...form,
		form: { reason: 'No' }
	});
	expect(withdraw.status()).toBe(403);
	for (const page of ['programme', 'reviews/month-3', 'observations/new', 'records/new', 'pack']) {
		expect((await sam.get(`/supervision/${chris.id}/${page}`)).status(), page).toBe(403);
	}
	const posts: [string, Record<string, string>][] = [
		['observations/new', { setting: 'Home visit', consent: 'yes' }],
		['records/new', { agenda: 'No', discussion: 'No' }],
		['reviews/month-3', { strengths: 'No', areasToDevelop: 'No', recommendation: 'on-track' }],
		['programme?/hours', { ftePercent: '50' }],
		['programme?/extend', { months: '3', reason: 'No' }],
		['programme?/agreement', { terms: 'No' }]
	];
	for (const [path, fields] of posts) {
		expect(
			(await sam.post(`/supervision/${chris.id}/${path}`, { ...form, form: fields })).status(),
			path
		).toBe(403);
	}
});

function outboxCount() {
	const db = new Database(e2eDatabase, { readonly: true });
	const row = db.prepare('select count(*) as n from outbox').get() as { n: number };
	db.close();
	return row.n;
}

function outboxSince(count: number) {
	const db = new Database(e2eDatabase, { readonly: true });
	const rows = db.prepare('select subject from outbox order by created_at').all() as {
		subject: string;
	}[];
	db.close();
	return rows.slice(count).map((r) => r.subject);
}

test('a supervisor records an observation; it is accepted evidence and the practitioner reflects on it', async ({
	browser
}) => {
	const supervisor = await (await browser.newContext()).newPage();
	await signIn(supervisor, demoAccounts.supervisor);
	await supervisor.goto('/supervision');
	await supervisor.getByRole('link', { name: 'Priya Shah' }).click();
	await expect(supervisor.getByText(/Observations of practice: \d+ of 3 required/)).toBeVisible();
	await supervisor.getByRole('link', { name: 'Record an observation' }).click();
	await supervisor.getByLabel('Day').fill('10');
	await supervisor.getByLabel('Month').fill('11');
	await supervisor.getByLabel('Year').fill('2026');
	await supervisor
		.getByLabel('Where it took place')
		.selectOption('Child Protection Conference - Review');
	await supervisor
		.getByLabel('What went well')
		.fill('You presented the analysis clearly and kept the child’s voice central.');
	await supervisor
		.getByLabel('What to develop')
		.fill('Prepare the family beforehand for the questions the chair will ask.');
	await supervisor
		.getByLabel(
			'6.2 Confidently represents the social work perspective within the multi-agency partnerships'
		)
		.check();
	await supervisor.getByLabel('Statements it shows (optional)').fill('6.2 d1');
	await submit(supervisor, 'Record the observation');
	await expect(supervisor.locator('.govuk-error-summary')).toContainText(
		'Confirm that the child and family gave their informed consent'
	);
	await expect(supervisor.getByLabel('What went well')).toHaveValue(
		'You presented the analysis clearly and kept the child’s voice central.'
	);
	await expectNoAxeViolations(supervisor);
	await supervisor
		.getByLabel('The child and family gave their informed consent to the observation')
		.check();
	await submit(supervisor, 'Record the observation');
	await expect(supervisor.getByText('Observation recorded.')).toBeVisible();
	const recordPath = new URL(supervisor.url()).pathname;

	const practitioner = await (await browser.newContext()).newPage();
	await signIn(practitioner, demoAccounts.practitioner);
	await practitioner.goto(recordPath);
	await expect(practitioner.locator('.govuk-caption-l')).toContainText('Accepted');
	await expect(practitioner.getByRole('main')).toContainText('6.2 D1');
	await practitioner
		.getByLabel('Your reflection')
		.fill('Preparing the family is something I will plan into my next conference.');
	await submit(practitioner, 'Save reflection');
	await expect(practitioner.getByText('Reflection saved.')).toBeVisible();
	await expectNoAxeViolations(practitioner);
});

test('a supervision record is seen by both, and the practitioner can use it as evidence', async ({
	browser
}) => {
	const supervisor = await (await browser.newContext()).newPage();
	await signIn(supervisor, demoAccounts.supervisor);
	await supervisor.goto('/supervision');
	await supervisor.getByRole('link', { name: 'Priya Shah' }).click();
	await supervisor.getByRole('link', { name: 'Record supervision' }).click();
	await supervisor.getByLabel('Day').fill('12');
	await supervisor.getByLabel('Month').fill('11');
	await supervisor.getByLabel('Year').fill('2026');
	await supervisor.getByLabel('Agenda').fill('Preparing for a child protection conference');
	await supervisor
		.getByLabel('Action 1', { exact: true })
		.fill('Share the report with the family two days before');
	await submit(supervisor, 'Save the record');
	const summary = supervisor.locator('.govuk-error-summary');
	await expect(summary).toContainText('Write the reflective discussion');
	await expect(summary).toContainText('Enter the due date of action 1');
	await expectNoAxeViolations(supervisor);
	await supervisor
		.getByLabel('Reflective discussion')
		.fill('We rehearsed how to explain the analysis to Father.');
	await supervisor.getByLabel('Action 1 due by').fill('2026-11-20');
	// The demo's action from her latest session comes back until a session decides it.
	await supervisor
		.getByRole('group', { name: 'Arrange the family network meeting' })
		.getByRole('radio', { name: 'Carried forward' })
		.check();
	await submit(supervisor, 'Save the record');
	await expect(supervisor.getByText('Supervision record saved.')).toBeVisible();
	const recordPath = new URL(supervisor.url()).pathname;

	const practitioner = await (await browser.newContext()).newPage();
	await signIn(practitioner, demoAccounts.practitioner);
	await practitioner.goto('/portfolio/supervision');
	await expectNoAxeViolations(practitioner);
	await practitioner.goto(recordPath);
	await expect(
		practitioner.getByText('Share the report with the family two days before, by 20 November 2026')
	).toBeVisible();
	await expectNoAxeViolations(practitioner);
	await submit(practitioner, 'Use it as evidence in my portfolio');
	await expect(practitioner.getByLabel('Title')).toHaveValue(
		/^Supervision discussion: Preparing for a child protection conference/
	);
	await expect(practitioner.getByLabel('Type of evidence')).toHaveValue('supervision');

	const colleague = await (await browser.newContext()).newPage();
	await signIn(colleague, demoAccounts.colleague);
	const response = await colleague.goto(recordPath);
	expect(response?.status()).toBe(403);
});
