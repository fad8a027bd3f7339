import { expect, type APIRequestContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import {
	addAction,
	finaliseAudit,
	gradeAudit,
	plansStandard,
	recordViews,
	startAudit
} from './audit-setup';
import { expectNoAxeViolations } from './axe';
import { enrolNewAsye } from './assessment-flow';
import { fillDateField, fillToday } from './enrolment-flow';
import { formActions } from './form-actions';
import { askForFeedback, feedbackLinkTo } from './feedback-flow';
import { overflow } from './layout';
import { guestLinkTo } from './guest-links';
import { exportedPortfolio } from './portfolio-data';
import { e2eDatabase } from './server';
import { apiAs, demoAccounts, latestLinkTo, signIn, submit } from './session';
import { setUpTwoFactor, signInWithCode } from './two-factor';
import {
	dateFields,
	expectNotice,
	fillDate,
	postForm,
	row,
	test,
	userId,
	type WalkFixtures
} from './walk';

// Every form action that changes something ends on a page that says what happened. Each test
// walks a few actions through the pages, as the person who would take them, and looks for the
// notice each lands on; the first test fails, naming it, for an action that no test walks and
// that is not exempt below with its reason. One file, so that one list knows every walk.

/** Actions that answer in another way, with the reason. */
const exempt: Record<string, string> = {
	'/sign-in':
		'lands on the home page, which greets the person by name: being signed in is what it shows'
};

/** Every action some test below walks. */
const walked = new Set<string>();

function walk(title: string, actions: string[], body: (fixtures: WalkFixtures) => Promise<void>) {
	for (const action of actions) walked.add(action);
	test(title, body);
}

test('every form action is walked to the notice it ends on, or exempt with a reason', () => {
	const actions = formActions();
	const missing = actions.filter((a) => !walked.has(a) && !(a in exempt));
	expect(missing, 'form actions no test walks to their notice (walk them, or exempt them)').toEqual(
		[]
	);
	const gone = [...walked, ...Object.keys(exempt)].filter((a) => !actions.includes(a));
	expect(gone, 'walked or exempt actions that no longer exist').toEqual([]);
});

// Demo people that no other browser test works with, one set a journey, so that tests running
// side by side never change what another starts from.
const people = {
	drafts: 'emma.clarke@demo.test',
	reviewed: 'zainab.ali@demo.test',
	observed: 'olivia.grant@demo.test',
	recorded: 'peter.lane@demo.test',
	signedOff: 'kwame.boateng@demo.test',
	agreement: 'liam.murphy@demo.test',
	programme: 'kemi.afolabi@demo.test',
	finalReview: 'dev.patel@demo.test',
	learner: 'fatima.malik@demo.test',
	audited: 'adam.wright@demo.test',
	signsOut: 'noah.bennett@demo.test',
	enrolledByAdmin: 'nadia.rahman@demo.test',
	enrolledByPsw: 'sophie.turner@demo.test',
	importer: 'george.evans@demo.test',
	invitesColleague: 'yasmin.haddad@demo.test',
	observesColleague: 'grace.mensah@demo.test',
	voiced: 'hannah.reid@demo.test',
	answersHealthCheck: 'ben.harris@demo.test'
};
const helen = 'helen.walsh@demo.test';

walk(
	'an invited person: invited, changed, deactivated, reactivated, sent the invitation again, then setting a password',
	[
		'/admin/people/new',
		'/admin/people/[id]?/save',
		'/admin/people/[id]?/deactivate',
		'/admin/people/[id]?/reactivate',
		'/admin/people/[id]?/resend',
		'/set-password/[token]'
	],
	async ({ as, browser, baseURL }) => {
		const admin = await as(demoAccounts.admin);
		await admin.goto('/admin/people/new');
		await admin.getByLabel('Full name').fill('Morgan Notice');
		await admin.getByLabel('Email address').fill('morgan.notice@demo.test');
		await admin.getByLabel('Practitioner').check();
		await submit(admin, 'Send invitation');
		await expectNotice(admin, 'Invitation sent to morgan.notice@demo.test.');
		await admin.getByLabel('Full name').fill('Morgan Noticed');
		await submit(admin, 'Save changes');
		await expectNotice(admin, 'Changes saved.');
		await submit(admin, 'Deactivate');
		await expectNotice(
			admin,
			'Deactivated: they have been signed out everywhere and cannot sign in.'
		);
		await submit(admin, 'Reactivate');
		await expectNotice(admin, 'Reactivated: they can sign in again.');
		await submit(admin, 'Send the invitation again');
		await expectNotice(admin, 'A new invitation has been sent.');

		const link = await latestLinkTo(admin, 'morgan.notice@demo.test');
		const context = await browser.newContext({ baseURL });
		const newcomer = await context.newPage();
		await newcomer.goto(link);
		await newcomer.getByLabel('Password', { exact: true }).fill('quiet harbour lantern notice');
		await newcomer.getByLabel('Password again').fill('quiet harbour lantern notice');
		await submit(newcomer, 'Set password and sign in');
		await expectNotice(newcomer, 'Your password is set, and you are signed in.');
		await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Hello, Morgan Noticed');
		await context.close();
	}
);

walk(
	'two-factor authentication: set up, recovery codes made again, signed in with one, reset by an administrator, set up again and turned off',
	[
		'/account/two-factor?/setUp',
		'/account/two-factor?/recoveryCodes',
		'/sign-in/two-factor',
		'/admin/people/[id]?/resetTwoFactor',
		'/account/two-factor?/turnOff'
	],
	async ({ as, api, browser, baseURL }) => {
		// Someone new, so that no other test signs in to find a second factor in the way.
		const email = 'quinn.notice@demo.test';
		const password = 'amber kestrel window lighthouse';
		await postForm(await api(demoAccounts.admin), '/admin/people/new', {
			name: 'Quinn Notice',
			email,
			roles: ['practitioner']
		});
		const admin = await as(demoAccounts.admin);
		const context = await browser.newContext({ baseURL });
		const page = await context.newPage();
		await page.goto(await latestLinkTo(admin, email));
		await page.getByLabel('Password', { exact: true }).fill(password);
		await page.getByLabel('Password again').fill(password);
		await submit(page, 'Set password and sign in');

		// Shown once, in a confirmation panel, to be kept.
		const { app } = await setUpTwoFactor(page);
		await expectNoAxeViolations(page);
		await page.locator('#remakeCode').fill(app.code());
		await submit(page, 'Make new recovery codes');
		await expect(page.locator('.govuk-panel')).toContainText('New recovery codes made');
		const [recoveryCode] = await page.locator('.gt-recovery-codes code').allTextContents();

		await submit(page, 'Sign out');
		await signInWithCode(page, email, password, recoveryCode);
		await expectNotice(
			page,
			'You signed in with a recovery code. You have 9 unused recovery codes left: make new ones before they run out.'
		);

		await admin.goto(`/admin/people/${userId(email)}`);
		await submit(admin, 'Reset two-factor authentication');
		await expectNotice(
			admin,
			'Two-factor authentication reset: they have been signed out everywhere, and set it up again after their password.'
		);

		await signIn(page, email, password);
		const again = await setUpTwoFactor(page);
		await page.locator('#turnOffCode').fill(again.app.code());
		await submit(page, 'Turn off two-factor authentication');
		await expectNotice(page, 'Two-factor authentication is off.');
		await context.close();
	}
);

walk(
	'teams and supervision: a team added and renamed, a supervisor assigned, a relationship ended',
	['/admin/teams', '/admin/teams/[id]', '/admin/supervision?/assign', '/admin/supervision?/end'],
	async ({ as, api }) => {
		const admin = await as(demoAccounts.admin);
		await admin.goto('/admin/teams');
		await admin.getByLabel('Team name').fill('Notice Team');
		await submit(admin, 'Add team');
		await expectNotice(admin, 'Team created.');
		await admin.getByRole('link', { name: 'Notice Team' }).click();
		await admin.getByLabel('Team name').fill('Noticed Team');
		await submit(admin, 'Save changes');
		await expectNotice(admin, 'Changes saved.');

		// Someone new, so that no other test's supervision changes.
		await postForm(await api(demoAccounts.admin), '/admin/people/new', {
			name: 'Riley Notice',
			email: 'riley.notice@demo.test',
			roles: ['practitioner']
		});
		await admin.goto('/admin/supervision');
		await admin.getByLabel('Practitioner').selectOption({ label: 'Riley Notice' });
		await admin.getByLabel('Supervisor or assessor').selectOption({ label: 'Farah Siddiqui' });
		// From last week: a relationship ends after the day it starts.
		await fillDate(admin, -7);
		await submit(admin, 'Assign');
		await expectNotice(admin, 'Relationship assigned.');
		await submit(admin, 'Farah Siddiqui as Riley Notice’s line manager');
		await expectNotice(admin, 'Relationship ended.');
	}
);

walk(
	'erasing someone on their request: the wrong email refused, then the right one',
	['/admin/people/[id]/erase'],
	async ({ as, api }) => {
		// Someone new: nobody else’s journey needs them.
		const email = 'ezra.notice@demo.test';
		await postForm(await api(demoAccounts.admin), '/admin/people/new', {
			name: 'Ezra Notice',
			email,
			roles: ['practitioner']
		});
		const admin = await as(demoAccounts.admin);
		await admin.goto(`/admin/people/${userId(email)}`);
		await admin.getByRole('link', { name: 'Erase Ezra Notice’s personal data' }).click();
		await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Erase Ezra Notice');
		await admin.getByLabel('To confirm, enter their email address').fill('ezra@demo.test');
		await submit(admin, 'Erase Ezra Notice');
		await expect(admin.locator('.govuk-error-summary')).toContainText(
			'Enter their email address exactly as it is shown above'
		);
		await expect(admin.getByLabel('To confirm, enter their email address')).toHaveValue(
			'ezra@demo.test'
		);
		await expectNoAxeViolations(admin);
		await admin.getByLabel('To confirm, enter their email address').fill(email);
		await submit(admin, 'Erase Ezra Notice');
		await expectNotice(
			admin,
			'Erased: their records, files, name and email are gone. Their sign-off chain keeps its hashes, so it still verifies.'
		);
		await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Erased person');
	}
);

walk(
	'staff from HR: a file checked, then applied',
	['/admin/import', '/admin/import/[id]?/apply'],
	async ({ as }) => {
		const admin = await as(demoAccounts.admin);
		await admin.goto('/admin/import');
		await admin.getByLabel('CSV file').setInputFiles({
			name: 'notice.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'email,given_name,family_name,roles\nnoelle.notice@demo.test,Noelle,Notice,practitioner\n'
			)
		});
		await submit(admin, 'Check the file');
		await expectNotice(admin, 'The file is checked: nothing has changed yet.');
		await submit(admin, 'Apply these changes');
		await expectNotice(
			admin,
			'The file is applied: 1 added, 0 changed, 0 deactivated. 1 invitation sent.'
		);
	}
);

walk(
	'signing out, then asking for a link to reset the password',
	['/sign-out', '/forgot-password'],
	async ({ browser, baseURL }) => {
		// A session of its own: signing out ends it.
		const session = await apiAs(baseURL!, people.signsOut);
		const context = await browser.newContext({
			baseURL,
			storageState: await session.storageState()
		});
		const page = await context.newPage();
		await page.goto('/');
		await submit(page, 'Sign out');
		await expectNotice(page, 'You have signed out.');

		await page.getByRole('link', { name: 'Forgotten your password?' }).click();
		// The sign-in page has an email address too: fill in the one on the page the link opens.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
		await page.getByLabel('Email address').fill(people.signsOut);
		await submit(page, 'Send the link');
		// The GOV.UK "check your email" page says what happened, in place of the form.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
		await expect(page.getByRole('main')).toContainText(
			`If ${people.signsOut} has an account, we have sent it a link to set a new password.`
		);
		await expectNoAxeViolations(page);
		await context.close();
	}
);

/** Makes a token on a tokens page, sees it once, and revokes it. */
async function tokenMadeAndRevoked(page: Page, path: string, name: string) {
	await page.goto(path);
	await page.getByLabel('Name').fill(name);
	await submit(page, 'Make a token');
	// Shown once, in a confirmation panel, to be copied.
	await expect(page.locator('.govuk-panel--confirmation')).toContainText(`Token “${name}” made`);
	await expectNoAxeViolations(page);
	await submit(page, `Revoke ${name}`);
	await expectNotice(page, 'Token revoked.');
}

walk(
	'an API token: made, then revoked',
	['/workforce/tokens?/create', '/workforce/tokens?/revoke'],
	async ({ as }) =>
		tokenMadeAndRevoked(await as(demoAccounts.psw), '/workforce/tokens', 'Notice check')
);

walk(
	'an administrator’s API token: made, then revoked',
	['/admin/tokens?/create', '/admin/tokens?/revoke'],
	async ({ as }) =>
		tokenMadeAndRevoked(await as(demoAccounts.admin), '/admin/tokens', 'Admin notice check')
);

walk(
	'a draft: made with a file, the file removed, changed, mapped, commented on, deleted',
	[
		'/portfolio/new',
		'/portfolio/[id]?/removeFile',
		'/portfolio/[id]?/save',
		'/portfolio/[id]/mapping',
		'/portfolio/[id]?/comment',
		'/portfolio/[id]/delete'
	],
	async ({ as }) => {
		const worker = await as(people.drafts);
		await worker.goto('/portfolio/new');
		await worker.getByLabel('Title').fill('Reading on neglect');
		await fillDate(worker, 0, worker.getByRole('group', { name: 'Date of the activity' }));
		await worker.getByLabel('Type of evidence').selectOption('reading');
		await worker.getByLabel('Attach files (optional)').setInputFiles({
			name: 'reading-notes.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from('Notes on the reading.\n')
		});
		await submit(worker, 'Save draft');
		await expectNotice(worker, 'Draft saved.');
		await submit(worker, 'Remove reading-notes.txt');
		await expectNotice(worker, 'File removed.');
		await worker.getByLabel('Title').fill('Reading on neglect and poverty');
		await submit(worker, 'Save draft');
		await expectNotice(worker, 'Changes saved.');
		await worker.getByRole('link', { name: 'Choose outcomes and statements' }).click();
		await worker
			.getByText('2.3 Builds and maintains impactful relationships with children')
			.click();
		await worker.locator('[id="pick-2-3-D2"]').check();
		await submit(worker, 'Save outcomes and statements');
		await expectNotice(worker, 'Outcomes and statements saved.');
		await worker.getByLabel('Add a comment').fill('To finish after supervision.');
		await submit(worker, 'Add comment');
		await expectNotice(worker, 'Comment added.');
		await worker.getByRole('link', { name: 'Delete this draft' }).click();
		await submit(worker, 'Yes, delete this draft');
		await expectNotice(worker, 'Draft deleted, with its files.');
	}
);

/** A draft ready to submit, made and mapped through the forms; its id. */
async function mappedDraft(worker: APIRequestContext, title: string) {
	const location = await postForm(worker, '/portfolio/new', {
		title,
		...dateFields('activityDate'),
		type: 'case-work',
		account: 'A visit to the family with the child’s social worker from the previous team.',
		reflectionModel: 'free',
		'reflection-free-text': 'Meeting them together made the handover feel safe for the child.'
	});
	const id = /^\/portfolio\/([^/?#]+)/.exec(location)![1];
	await postForm(worker, `/portfolio/${id}/mapping`, { outcome: '2.3', version: version(id) });
	return id;
}

const version = (evidenceId: string) =>
	String(row<{ version: number }>('select version from evidence where id = ?', evidenceId).version);

walk(
	'review: submitted, returned with feedback, accepted',
	['/portfolio/[id]?/submit', '/portfolio/[id]?/return', '/portfolio/[id]?/accept'],
	async ({ as, api }) => {
		const worker = await as(people.reviewed);
		const id = await mappedDraft(await api(people.reviewed), 'A handover visit');
		await worker.goto(`/portfolio/${id}`);
		await submit(worker, 'Submit for review');
		await expectNotice(worker, 'Record submitted for review.');

		const supervisor = await as(helen);
		await supervisor.goto(`/portfolio/${id}`);
		await supervisor.getByLabel('Feedback').fill('Say what the child made of the handover.');
		await submit(supervisor, 'Return with feedback');
		await expectNotice(supervisor, 'Evidence returned with feedback.');

		await postForm(await api(people.reviewed), `/portfolio/${id}?/submit`, {
			version: version(id)
		});
		await supervisor.goto(`/portfolio/${id}`);
		await submit(supervisor, 'Accept');
		await expectNotice(supervisor, 'Evidence accepted.');
	}
);

walk(
	'an observation: recorded by the supervisor, reflected on by the practitioner',
	['/supervision/[practitionerId]/observations/new', '/portfolio/[id]?/reflect'],
	async ({ as }) => {
		const supervisor = await as(helen);
		await supervisor.goto(`/supervision/${userId(people.observed)}/observations/new`);
		await fillDate(supervisor);
		await supervisor.getByLabel('Where it took place').selectOption('Home visit');
		await supervisor
			.getByLabel('The child and family gave their informed consent to the observation')
			.check();
		await supervisor.getByLabel('What went well').fill('You explained the plan in plain words.');
		await supervisor.getByLabel('What to develop').fill('Check what the child understood.');
		await supervisor.getByLabel(/^2\.3 /).check();
		await submit(supervisor, 'Record the observation');
		await expectNotice(supervisor, 'Observation recorded.');

		const worker = await as(people.observed);
		await worker.goto(new URL(supervisor.url()).pathname);
		await worker
			.getByLabel('Your reflection')
			.fill('Next time I will ask the child to explain it back.');
		await submit(worker, 'Save reflection');
		await expectNotice(worker, 'Reflection saved.');
	}
);

walk(
	'feedback by link: asked for, sent again, answered by someone signed out; another withdrawn',
	[
		'/portfolio/feedback/new',
		'/portfolio/feedback?/sendAgain',
		'/feedback/[token]',
		'/portfolio/feedback?/withdraw'
	],
	async ({ as, browser, baseURL }) => {
		// A team manager, who keeps CPD records here: anyone with a portfolio may ask.
		const asker = await as('owen.price@demo.test');
		const card = (name: string) => asker.locator('.govuk-summary-card', { hasText: name });
		await askForFeedback(asker, {
			relationship: 'A colleague',
			name: 'Noel Notice',
			email: 'noel.notice@example.com'
		});
		await expectNotice(asker, 'Request sent: we have emailed them a link that works for 14 days.');
		await card('Noel Notice')
			.getByRole('button', { name: /^Send again/ })
			.click();
		await expectNotice(
			asker,
			'Sent again, with a new link that works for 14 days. The link sent before no longer works.'
		);

		const context = await browser.newContext({ baseURL });
		const colleague = await context.newPage();
		await colleague.goto(feedbackLinkTo('noel.notice@example.com'));
		await colleague
			.getByLabel('What are their strengths?')
			.fill('Calm, clear chairing of meetings.');
		await submit(colleague, 'Send feedback');
		await expect(colleague.locator('.govuk-panel__title')).toHaveText('Thank you');
		await expectNoAxeViolations(colleague);
		await context.close();

		await askForFeedback(asker, {
			relationship: 'Someone from a partner agency',
			name: 'Wren Notice',
			email: 'wren.notice@example.com'
		});
		await card('Wren Notice')
			.getByRole('button', { name: /^Withdraw/ })
			.click();
		await expectNotice(asker, 'Request withdrawn: its link no longer works.');
	}
);

walk(
	'an observation by invitation: the demo practitioner invites someone from outside; the link opens signed out, the observation is sent without JavaScript and is in her portfolio; the link then answers 410',
	['/portfolio/observations/new', '/observe/[token]'],
	async ({ as, browser, baseURL }) => {
		const worker = await as(demoAccounts.practitioner);
		const email = `observer.${Date.now()}@example.org`;
		await worker.goto('/portfolio/observations/new');
		await worker.getByLabel('Someone from outside the authority').check();
		await worker.getByLabel('Their email address').fill(email);
		await worker.getByLabel('Their full name').fill('Jo Outside');
		await fillDate(worker, 1);
		await worker.getByLabel('Where it will take place').selectOption('Home visit');
		await submit(worker, 'Send the invitation');
		await expectNotice(worker, 'Invitation sent by email, with a link that works once.');
		const link = await latestLinkTo(await as(demoAccounts.admin), email, 'observe');

		// Signed out, on a phone: the page fits and passes axe, as does the check of names.
		const signedOut = (javaScriptEnabled: boolean) =>
			browser.newContext({
				baseURL,
				javaScriptEnabled,
				viewport: { width: 390, height: 844 },
				extraHTTPHeaders: { 'x-forwarded-for': '10.0.7.1' }
			});
		const phone = await (await signedOut(true)).newPage();
		const wentWell = 'You let Jayden show you his room before you asked him anything.';
		const fill = async (observer: Page) => {
			await observer.goto(link);
			await expect(observer.getByRole('heading', { level: 1 })).toHaveText(
				'Observe Priya Shah’s practice'
			);
			await fillDate(observer);
			await observer
				.getByLabel('The child and family gave their informed consent to the observation')
				.check();
			await observer.getByLabel('What went well').fill(wentWell);
			await observer.getByLabel('What to develop').fill('Say when you will visit next.');
			await observer.getByLabel(/^2\.3 /).check();
			await submit(observer, 'Send the observation');
			// The child's name is shown back, with what was written kept, to change or confirm.
			await expect(observer.locator('.govuk-error-summary')).toBeVisible();
			await expect(observer.locator('mark').first()).toHaveText('Jayden');
			await expect(observer.getByLabel('What went well')).toHaveValue(wentWell);
		};
		await phone.goto(link);
		expect(await overflow(phone)).toEqual({ excess: 0, beyond: [], scrollers: [] });
		await expectNoAxeViolations(phone);
		await fill(phone);
		await expectNoAxeViolations(phone);

		// Sent without JavaScript: every step a plain form post.
		const plain = await (await signedOut(false)).newPage();
		await fill(plain);
		await plain
			.getByLabel('I have checked each of these and none identifies a child or family')
			.check();
		await submit(plain, 'Send the observation');
		await expect(plain.locator('.govuk-notification-banner__heading')).toHaveText(
			'Observation sent.'
		);
		await phone.goto(plain.url());
		await expectNotice(phone, 'Observation sent.');
		expect((await plain.goto(link))?.status()).toBe(410);
		await expect(plain.getByRole('heading', { level: 1 })).toHaveText(
			'This link has already been used'
		);
		await phone.context().close();
		await plain.context().close();

		await worker.goto('/portfolio/observations');
		const recorded = worker
			.getByRole('row', { name: /Jo Outside/ })
			.filter({ hasText: 'Recorded' });
		await recorded
			.first()
			.getByRole('link', { name: /Read it/ })
			.click();
		await expect(worker.locator('.govuk-inset-text').first()).toContainText(
			'Accepted by Jo Outside (by link)'
		);
		await expect(worker.getByRole('main')).toContainText('Observed by Jo Outside (by link)');
	}
);

walk(
	'an observation by invitation to a colleague: declined, invited again and recorded; one to someone from outside withdrawn',
	[
		'/observations/[id]?/decline',
		'/observations/[id]?/record',
		'/portfolio/observations?/withdraw'
	],
	async ({ as, api }) => {
		const invite = async (fields: Record<string, string>) =>
			postForm(await api(people.invitesColleague), '/portfolio/observations/new', {
				...dateFields('date', 2),
				setting: 'Core Group meeting',
				...fields
			});
		const colleague = { observer: 'colleague', observerEmail: people.observesColleague };
		const observer = await as(people.observesColleague);
		const open = async () => {
			await observer.goto('/');
			await observer.getByRole('link', { name: 'Observe Yasmin Haddad' }).first().click();
			await expect(observer).toHaveURL(/\/observations\/[0-9a-f-]{36}$/);
		};
		await invite(colleague);
		await open();
		await submit(observer, 'Decline the invitation');
		await expectNotice(observer, 'Invitation declined.');

		await invite(colleague);
		await open();
		const invitation = observer.url();
		await fillDate(observer);
		await observer
			.getByLabel('The child and family gave their informed consent to the observation')
			.check();
		await observer.getByLabel('What went well').fill('You kept the meeting on the plan.');
		await observer.getByLabel('What to develop').fill('Ask the school for its view first.');
		await observer.getByLabel(/^3\.3 /).check();
		await submit(observer, 'Record the observation');
		await expectNotice(observer, 'Observation recorded: it is in their portfolio now.');
		// Open to them only while it is open.
		expect((await observer.goto(invitation))?.status()).toBe(410);

		await invite({
			observer: 'external',
			observerEmail: 'withdrawn.observer@example.org',
			observerName: 'Sam Outside'
		});
		const worker = await as(people.invitesColleague);
		await worker.goto('/portfolio/observations');
		await Promise.all([
			worker.waitForResponse((r) => r.request().method() === 'POST'),
			worker.getByRole('button', { name: 'Withdraw the invitation to Sam Outside' }).first().click()
		]);
		await expectNotice(worker, 'Invitation withdrawn.');
	}
);

walk(
	'a supervision record: saved by the supervisor, made into evidence by the practitioner',
	['/supervision/[practitionerId]/records/new', '/supervision/records/[id]?/useAsEvidence'],
	async ({ as }) => {
		const supervisor = await as('owen.price@demo.test');
		await supervisor.goto(`/supervision/${userId(people.recorded)}/records/new`);
		await fillDate(supervisor);
		await supervisor.getByLabel('Agenda').fill('Caseload, and a court report due next week');
		await supervisor.getByLabel('Reflective discussion').fill('We planned the report together.');
		await submit(supervisor, 'Save the record');
		await expectNotice(supervisor, 'Supervision record saved.');

		const worker = await as(people.recorded);
		await worker.goto(new URL(supervisor.url()).pathname);
		await submit(worker, 'Use it as evidence in my portfolio');
		await expectNotice(
			worker,
			'Draft made from your supervision record: add your reflection and the outcomes it shows, then submit it.'
		);
	}
);

walk(
	'an outcome: signed off, then the sign-off withdrawn',
	[
		'/supervision/[practitionerId]/outcomes/[outcomeId]?/signOff',
		'/supervision/[practitionerId]/outcomes/[outcomeId]?/withdraw'
	],
	async ({ as }) => {
		const practitionerId = userId(people.signedOff);
		// An outcome with accepted evidence that has never been signed off.
		const { outcome } = row<{ outcome: string }>(
			`select eo.outcome_id as outcome from evidence e
			 join evidence_outcomes eo on eo.evidence_id = e.id
			 where e.owner_id = ? and e.status = 'accepted'
			 and not exists (select 1 from signoffs s
				where s.practitioner_id = e.owner_id and s.outcome_id = eo.outcome_id)
			 order by eo.outcome_id limit 1`,
			practitionerId
		);
		const supervisor = await as('daniel.byrne@demo.test');
		const page = `/supervision/${practitionerId}/outcomes/${outcome}`;
		await supervisor.goto(page);
		await supervisor
			.getByRole('group', { name: 'Accepted evidence that shows it' })
			.getByRole('checkbox')
			.first()
			.check();
		await supervisor.getByLabel('Why the outcome is met').fill('The record shows it in practice.');
		await submit(supervisor, `Sign off outcome ${outcome}`);
		await expectNotice(supervisor, `Outcome ${outcome} signed off.`);

		await supervisor.goto(page);
		await supervisor.getByLabel('Why is it withdrawn?').fill('Signed off on the wrong record.');
		await submit(supervisor, 'Withdraw sign-off');
		await expectNotice(supervisor, `Sign-off of outcome ${outcome} withdrawn.`);
	}
);

/**
 * Fixture: an ASYE without their agreement, so that their supervisor can set one out. Written to
 * the database because every demo enrolment has an agreement and no page takes one away.
 */
function withoutAgreement(email: string) {
	const db = new Database(e2eDatabase, { timeout: 60_000 });
	try {
		db.prepare(
			`delete from agreements where enrolment_id =
			 (select e.id from enrolments e join users u on u.id = e.user_id where u.email = ?)`
		).run(email);
	} finally {
		db.close();
	}
}

walk(
	'an agreement: set out, then signed by the supervisor, the assessor and the practitioner',
	[
		'/supervision/[practitionerId]/programme?/agreement',
		'/supervision/[practitionerId]/programme?/sign',
		'/supervision/[practitionerId]/pack?/sign',
		'/portfolio/programme?/sign'
	],
	async ({ as }) => {
		withoutAgreement(people.agreement);
		const practitionerId = userId(people.agreement);
		const supervisor = await as(helen);
		await supervisor.goto(`/supervision/${practitionerId}/programme`);
		await supervisor
			.getByLabel('Terms of the agreement')
			.fill('Supervision every two weeks; 10% protected development time.');
		await submit(supervisor, 'Set out the agreement');
		await expectNotice(
			supervisor,
			'Agreement set out: you, the practitioner and the assessor can now sign it.'
		);
		await submit(supervisor, 'Sign as supervisor');
		await expectNotice(supervisor, 'You have signed the agreement.');

		const psw = await as(demoAccounts.psw);
		await psw.goto(`/supervision/${practitionerId}/pack`);
		await submit(psw, 'Sign as assessor');
		await expectNotice(psw, 'You have signed the agreement as the assessor.');

		const worker = await as(people.agreement);
		await worker.goto('/portfolio/programme');
		await submit(worker, 'Sign as practitioner');
		await expectNotice(worker, 'You have signed the agreement.');
	}
);

walk(
	'a programme: working hours changed and the programme extended; the practitioner’s self-assessment and protected time',
	[
		'/supervision/[practitionerId]/programme?/hours',
		'/supervision/[practitionerId]/programme?/extend',
		'/portfolio/self-assessment',
		'/portfolio/programme?/time'
	],
	async ({ as }) => {
		const supervisor = await as(helen);
		await supervisor.goto(`/supervision/${userId(people.programme)}/programme`);
		await fillToday(supervisor, 'hoursFrom');
		await supervisor.getByLabel('New working hours, as a percentage of full time').fill('80');
		await submit(supervisor, 'Change working hours');
		await expectNotice(supervisor, 'Working hours changed: the review dates below follow them.');
		await supervisor.getByLabel('Extend by (months)').fill('1');
		await supervisor.getByLabel('Why').fill('time away from practice');
		await submit(supervisor, 'Extend the programme');
		await expectNotice(supervisor, 'Programme extended: the review dates below follow it.');

		const worker = await as(people.programme);
		await worker.goto('/portfolio/self-assessment');
		await worker.locator('.gt-rating').first().getByRole('radio').first().check();
		await submit(worker, 'Save self-assessment');
		await expectNotice(worker, 'Self-assessment saved.');
		await worker.goto('/portfolio/programme');
		await fillDate(worker);
		await worker.getByLabel('Hours').fill('1.5');
		await worker.getByLabel('What you used it for').fill('Reading on working with fathers');
		await submit(worker, 'Record time');
		await expectNotice(worker, 'Protected time recorded.');
	}
);

walk(
	'a final review: recorded, countersigned, decided by the panel',
	[
		'/supervision/[practitionerId]/reviews/[reviewId]',
		'/supervision/[practitionerId]/pack?/countersign',
		'/supervision/[practitionerId]/pack?/panel'
	],
	async ({ as }) => {
		const practitionerId = userId(people.finalReview);
		const supervisor = await as(helen);
		await supervisor.goto(`/supervision/${practitionerId}/reviews/final`);
		await supervisor.getByLabel('Strengths').fill('Clear, child-focused assessments.');
		await supervisor.getByLabel('Areas to develop').fill('Chairing meetings with confidence.');
		await supervisor.getByLabel('Pass', { exact: true }).check();
		await submit(supervisor, 'Record the review');
		await expectNotice(supervisor, 'Review recorded.');

		const psw = await as(demoAccounts.psw);
		await psw.goto(`/supervision/${practitionerId}/pack`);
		await submit(psw, 'Countersign the final review');
		await expectNotice(psw, 'Final review countersigned.');
		await psw.getByLabel('Agree with the recommendation').check();
		await submit(psw, 'Record the panel’s decision');
		await expectNotice(psw, 'The panel’s decision is recorded.');
	}
);

walk(
	'an assessment record: a plan written by a new ASYE, changed and agreed by their assessor; a reflection written',
	[
		'/portfolio/programme/plans/[planId]',
		'/portfolio/programme/reflections/[reviewId]',
		'/supervision/[practitionerId]/plans/[planId]?/save',
		'/supervision/[practitionerId]/plans/[planId]?/agree'
	],
	async ({ as, baseURL }) => {
		const newcomers = {
			practitioner: { name: 'Kit Notice', email: 'kit.notice@demo.test' },
			assessor: { name: 'Lee Notice', email: 'lee.notice@demo.test' }
		};
		const practitionerId = await enrolNewAsye(baseURL!, await as(demoAccounts.admin), newcomers);
		const worker = await as(newcomers.practitioner.email);
		await worker.goto('/portfolio/programme/plans/initial');
		await worker.getByLabel('Development goals').fill('Direct work with teenagers.');
		await worker.getByLabel('Actions, support and timescales').fill('Shadow a senior colleague.');
		await submit(worker, 'Save the plan');
		await expectNotice(worker, 'Development plan saved: your assessor can now agree it.');
		await worker.goto('/portfolio/programme/reflections/month-3');
		await worker.getByLabel('Your critical reflection').fill('What my first visits taught me.');
		await submit(worker, 'Save your reflection');
		await expectNotice(worker, 'Critical reflection saved: your assessor can read it.');

		const assessor = await as(newcomers.assessor.email);
		await assessor.goto(`/supervision/${practitionerId}/plans/initial`);
		await assessor
			.getByLabel('Actions, support and timescales')
			.fill('Shadow two visits by March.');
		await submit(assessor, 'Save the plan');
		await expectNotice(assessor, 'Plan saved.');
		await submit(assessor, 'Agree the plan');
		await expectNotice(assessor, 'Plan agreed: it is kept as agreed, and counts on the checklist.');
	}
);

walk(
	'a learning pathway: assigned by the supervisor, progress saved, completed',
	[
		'/pathways/[id]/assign',
		'/portfolio/learning/[assignmentId]?/save',
		'/portfolio/learning/[assignmentId]?/complete'
	],
	async ({ as }) => {
		const practitionerId = userId(people.learner);
		const supervisor = await as('daniel.byrne@demo.test');
		await supervisor.goto(`/pathways/legal-literacy/assign?person=${practitionerId}`);
		await supervisor.getByRole('radio', { name: 'One person' }).check();
		await supervisor.getByLabel('Person (if one person)').selectOption(practitionerId);
		await submit(supervisor, 'Assign the pathway');
		await expectNotice(supervisor, 'Pathway assigned.');

		const { id } = row<{ id: string }>(
			`select id from pathway_assignments
			 where practitioner_id = ? and pathway_id = 'legal-literacy' and scope = 'person'`,
			practitionerId
		);
		const worker = await as(people.learner);
		await worker.goto(`/portfolio/learning/${id}`);
		const steps = worker.getByRole('group', { name: 'Steps you have done' }).getByRole('checkbox');
		await steps.first().check();
		await submit(worker, 'Save progress');
		await expectNotice(worker, 'Progress saved.');
		for (const step of await steps.all()) await step.check();
		await worker
			.getByLabel(/closing reflection/i)
			.fill('I now check the legal basis for each step of the plan before I take it.');
		await submit(worker, 'Complete the pathway');
		await expectNotice(
			worker,
			'Pathway completed. Your reflection is in your portfolio as evidence, submitted to your supervisor.'
		);
	}
);

const auditor = demoAccounts.auditor;

walk(
	'a case audit: started, then its details changed',
	['/audits/new', '/audits/[id]/details'],
	async ({ as }) => {
		const page = await as(auditor);
		await page.goto('/audits/new');
		await page.getByLabel('Case reference').fill('C-880001');
		await page
			.getByLabel('Practitioner whose work is audited')
			.selectOption({ label: 'Adam Wright' });
		await submit(page, 'Start the audit');
		await expectNotice(
			page,
			'Audit started. Grade the practice, record the views, then add findings and actions.'
		);
		await page.getByRole('link', { name: 'Change the details' }).click();
		await page.getByLabel('Case reference').fill('C-880002');
		await submit(page, 'Save the details');
		await expectNotice(page, 'Details saved.');
	}
);

walk(
	'a case audit: graded, then the views recorded',
	['/audits/[id]/grades', '/audits/[id]/views'],
	async ({ as, api }) => {
		const id = await startAudit(await api(auditor), people.audited, 'C-880003');
		const page = await as(auditor);
		await page.goto(`/audits/${id}/grades`);
		for (const group of await page.locator('form > fieldset').all()) {
			await group.getByLabel('Good', { exact: true }).check();
			await group.getByLabel('Evidence for the grade').fill('Seen in the records.');
		}
		await submit(page, 'Save the grades');
		await expectNotice(page, 'Grades saved.');
		await page.getByRole('link', { name: 'Record the views' }).click();
		await page
			.getByLabel('The worker’s reflections')
			.fill('The plan is clearer since supervision.');
		await submit(page, 'Save');
		await expectNotice(page, 'Views saved.');
	}
);

walk(
	'a case audit: a finding added and removed, an action added and removed',
	[
		'/audits/[id]/findings',
		'/audits/[id]?/removeFinding',
		'/audits/[id]/actions',
		'/audits/[id]?/removeAction'
	],
	async ({ as, api }) => {
		const id = await startAudit(await api(auditor), people.audited, 'C-880004');
		const page = await as(auditor);
		await page.goto(`/audits/${id}`);
		await page.getByRole('link', { name: 'Add a finding' }).click();
		await page.getByLabel('Strength', { exact: true }).check();
		await page.getByLabel('Finding', { exact: true }).fill('The child’s words are in the plan.');
		await page.getByLabel(/^2\.3 /).check();
		await submit(page, 'Add the finding');
		await expectNotice(page, 'Finding added.');
		await submit(page, 'Remove this finding');
		await expectNotice(page, 'The finding was removed.');
		await page.getByRole('link', { name: 'Add an action' }).click();
		await page.getByLabel('Action', { exact: true }).fill('Share the plan with the school.');
		await page.getByLabel('Owner').selectOption({ label: 'Adam Wright' });
		await fillDate(page, 30);
		await submit(page, 'Add the action');
		await expectNotice(page, 'Action added.');
		await submit(page, 'Remove this action');
		await expectNotice(page, 'The action was removed.');
	}
);

walk(
	'a case audit: a parent asked for their view by link, who gives it signed out',
	['/audits/[id]/views/ask', '/have-your-say/[token]'],
	async ({ as, api, browser, baseURL }) => {
		const id = await startAudit(await api(auditor), people.voiced, 'C-880010');
		const page = await as(auditor);
		await page.goto(`/audits/${id}/views/ask`);
		await page.getByLabel('A parent or carer').check();
		await page.getByLabel('Email address').fill('notice.parent@example.com');
		await submit(page, 'Send the link');
		await expectNotice(page, 'Link sent. They have 14 days to give their view.');
		const context = await browser.newContext({ baseURL });
		const parent = await context.newPage();
		await parent.goto(guestLinkTo('notice.parent@example.com', 'have-your-say', 'open'));
		await parent.getByLabel('Very good').check();
		await submit(parent, 'Send');
		await expectNotice(parent, 'Thank you: your view has been sent.');
		await context.close();
	}
);

walk(
	'the staff health check: opened for a year, answered by link, closed early',
	['/workforce/health-check?/open', '/health-check/[token]', '/workforce/health-check?/close'],
	async ({ as, browser, baseURL }) => {
		const page = await as(demoAccounts.psw);
		await page.goto('/workforce/health-check');
		// The first year offered: the demo's own has its survey already.
		const year = page.locator('input[name=year]').first();
		const chosen = await year.getAttribute('value');
		await year.check();
		await fillDate(page, 14);
		await submit(page, 'Open the health check and email everyone');
		await expectNotice(
			page,
			'Health check opened. Everyone in a team has been emailed their link.'
		);
		const context = await browser.newContext({ baseURL });
		const staff = await context.newPage();
		await staff.goto(guestLinkTo(people.answersHealthCheck, 'health-check', 'open'));
		for (const group of await staff.locator('form fieldset').all())
			await group.getByLabel('Agree', { exact: true }).check();
		await submit(staff, 'Send my answers');
		await expectNotice(staff, 'Thank you: your answers have been sent.');
		await context.close();
		await page.goto('/workforce/health-check');
		await submit(page, `Close the ${chosen} health check now`);
		await expectNotice(page, 'Health check closed. Links not yet used no longer work.');
	}
);

/** A draft audit ready to finalise, with an action for the team manager; its id. */
async function auditToFinalise(api: WalkFixtures['api'], caseRef: string) {
	const session = await api(auditor);
	const id = await startAudit(session, people.audited, caseRef);
	await gradeAudit(session, id, { [plansStandard]: 'requires-improvement' });
	await recordViews(session, id);
	await addAction(session, id, 'Rewrite the plan with the family.', 'farah.siddiqui@demo.test');
	return id;
}

walk(
	'a case audit: finalised, then received, responded to, and its action done and signed off',
	[
		'/audits/[id]?/finalise',
		'/audits/[id]?/receipt',
		'/audits/[id]?/respond',
		'/audits/[id]?/actionDone',
		'/audits/[id]?/signOff'
	],
	async ({ as, api }) => {
		const id = await auditToFinalise(api, 'C-880005');
		const page = await as(auditor);
		await page.goto(`/audits/${id}`);
		await submit(page, 'Finalise the audit');
		await expectNotice(page, 'Audit finalised. The worker and their manager have been told.');

		const manager = await as('farah.siddiqui@demo.test');
		await manager.goto(`/audits/${id}`);
		await submit(manager, 'Record receipt');
		await expectNotice(manager, 'Receipt recorded.');
		await manager
			.getByLabel('Record the response')
			.fill('Reviewed the plan with the worker today.');
		await submit(manager, 'Record the response');
		await expectNotice(manager, 'Response recorded.');
		await submit(manager, 'Mark done');
		await expectNotice(manager, 'Action marked done.');
		await submit(manager, 'Sign off');
		await expectNotice(manager, 'Action signed off.');
	}
);

walk(
	'a case audit: a moderator assigned, then the moderation saved',
	['/audits/[id]?/moderator', '/audits/[id]/moderation'],
	async ({ as, api }) => {
		const id = await auditToFinalise(api, 'C-880006');
		await finaliseAudit(await api(auditor), id);
		const psw = await as(demoAccounts.psw);
		await psw.goto(`/audits/${id}`);
		await psw.getByLabel('Ask someone to moderate').selectOption({ label: 'Owen Price' });
		await submit(psw, 'Assign the moderator');
		await expectNotice(psw, 'Moderator assigned.');
		await psw.getByRole('link', { name: 'Moderate this audit' }).click();
		await psw.getByLabel('Moderation comments').fill('Agreed: the plan needed a contingency.');
		await submit(psw, 'Save the moderation');
		await expectNotice(psw, 'Moderation saved.');
	}
);

/** Every action of the enrolment page, from enrolling to the end, each to its notice. */
async function enrolmentJourney(page: Page, path: string) {
	await page.goto(path);
	await page.getByLabel('Assessed and Supported Year in Employment (ASYE)').check();
	await fillDateField(page, 'startsOn', '1', '12', '2026');
	await page.getByLabel('Working hours, as a percentage of full time').fill('60');
	await page.getByLabel('Assessor').selectOption({ label: 'Sam Okoro' });
	await submit(page, 'Enrol');
	await expectNotice(page, 'Enrolled: the review dates are below.');
	await fillDateField(page, 'hoursFrom', '1', '3', '2027');
	await page.getByLabel('New working hours, as a percentage of full time').fill('80');
	await submit(page, 'Change working hours');
	await expectNotice(page, 'Working hours changed: the review dates below follow them.');
	await fillDateField(page, 'pauseFrom', '1', '6', '2027');
	await submit(page, 'Pause the programme');
	await expectNotice(page, 'Programme paused: the review dates below follow the pause.');
	await fillDateField(page, 'resumeOn', '1', '7', '2027');
	await submit(page, 'Resume the programme');
	await expectNotice(
		page,
		'Programme resumed: the review dates below have moved by the days paused.'
	);
	await page.getByLabel('Extend by (months)').fill('2');
	await page.getByLabel('Why').fill('time away from practice');
	await submit(page, 'Extend the programme');
	await expectNotice(page, 'Programme extended: the review dates below follow it.');
	await page.getByLabel('New assessor').selectOption({ label: 'Grace Mensah' });
	await fillDateField(page, 'transferFrom', '1', '9', '2027');
	await submit(page, 'Change assessor');
	await expectNotice(page, 'Assessor changed.');
	await page.getByLabel('Withdrawn').check();
	await fillDateField(page, 'endedOn', '1', '10', '2027');
	await submit(page, 'Record the end');
	await expectNotice(page, 'Programme ended.');
}

const enrolmentActions = (route: string) =>
	['enrol', 'hours', 'pause', 'resume', 'extend', 'transfer', 'end'].map(
		(action) => `${route}?/${action}`
	);

walk(
	'a programme by an administrator: enrolled, hours changed, paused, resumed, extended, a new assessor, ended',
	enrolmentActions('/admin/people/[id]/programme'),
	async ({ as }) => {
		const id = userId(people.enrolledByAdmin);
		await enrolmentJourney(await as(demoAccounts.admin), `/admin/people/${id}/programme`);
	}
);

walk(
	'a programme by a principal social worker: enrolled, hours changed, paused, resumed, extended, a new assessor, ended',
	enrolmentActions('/workforce/people/[id]/programme'),
	async ({ as }) => {
		const id = userId(people.enrolledByPsw);
		await enrolmentJourney(await as(demoAccounts.psw), `/workforce/people/${id}/programme`);
	}
);

walk(
	'a portfolio from another authority: a cut-short ZIP refused, then the whole one imported',
	['/portfolio/import'],
	async ({ as, api }) => {
		const { zip, records } = await exportedPortfolio(await api(demoAccounts.practitioner));
		const page = await as(people.importer);
		await page.goto('/portfolio/import');
		await expectNoAxeViolations(page);
		const upload = (name: string, buffer: Buffer) =>
			page
				.getByLabel('Your portfolio’s ZIP file')
				.setInputFiles({ name, mimeType: 'application/zip', buffer });
		await upload('cut-short.zip', zip.subarray(0, zip.length - 100));
		await submit(page, 'Import portfolio');
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'The file is not a complete ZIP file'
		);
		await expect(page).toHaveTitle(/^Error: /);
		await expectNoAxeViolations(page);

		await upload('priya.zip', zip);
		await submit(page, 'Import portfolio');
		await expectNotice(
			page,
			`Portfolio imported: ${records} records are in your portfolio as drafts.`
		);
		await expect(page.getByRole('main')).toContainText(`${records} records as your drafts`);
		await page.getByRole('main').getByRole('list').last().getByRole('link').first().click();
		await expect(page.getByRole('heading', { name: 'From another authority' })).toBeVisible();
		await expectNoAxeViolations(page);
	}
);
