import { expect, request, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './axe';
import { askForFeedback, feedbackLinkTo } from './feedback-flow';
import { overflow } from './layout';
import { e2eDatabase } from './server';
import { demoAccounts, submit } from './session';
import { row, test, userId } from './walk';

// Feedback by link (issue 18): the demo practitioner asks a parent; the parent answers through
// the link in the email, signed out, is warned about a child's name and saves anyway; the link
// is then used up; the answer is a record for her and her assessor (Sam Okoro, her practice
// supervisor, assesses her). A child's form works on a phone; an expired link says so.

/** A page in a browser of its own, signed out, as someone opening the link in their email. */
async function signedOut(
	{ browser, baseURL }: { browser: import('@playwright/test').Browser; baseURL?: string },
	width = 1280
) {
	const context = await browser.newContext({ baseURL, viewport: { width, height: 800 } });
	return context.newPage();
}

const textOf = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test('a parent answers through the link once, warned about a child’s name, and the record reaches the practitioner and her assessor', async ({
	as,
	browser,
	baseURL
}) => {
	const email = `parent.${Date.now()}@example.com`;
	const priya = await as(demoAccounts.practitioner);
	await priya.goto('/portfolio');
	await priya.getByRole('link', { name: 'Feedback you have asked for' }).click();
	await priya.getByRole('button', { name: 'Ask for feedback' }).click();
	// Told plainly what is missing, with what was chosen kept.
	await priya.getByLabel('A parent or carer', { exact: true }).check();
	await submit(priya, 'Send the request');
	await expect(priya.locator('.govuk-error-summary')).toContainText('Enter their email address');
	await expect(priya).toHaveTitle(/^Error: Ask for feedback/);
	await expect(priya.getByLabel('A parent or carer', { exact: true })).toBeChecked();
	await expectNoAxeViolations(priya);
	await askForFeedback(priya, { relationship: 'A parent or carer', email });
	const sent = priya.locator('.govuk-summary-card').first();
	await expect(sent).toContainText('Waiting');
	await expect(sent).toContainText(email);
	await expectNoAxeViolations(priya);

	const link = feedbackLinkTo(email);
	const parent = await signedOut({ browser, baseURL });
	await parent.goto(link);
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Feedback for Priya Shah');
	await expect(parent.getByRole('main')).toContainText('Leave out names and addresses');
	await expectNoAxeViolations(parent);
	const typed = 'Jayden was much happier after the visits, and she always explained what was next.';
	await textOf(parent, 'What went well?').fill(typed);
	await submit(parent, 'Send feedback');
	// Warned, with the words kept; then saved once they confirm there is no name.
	await expect(parent.locator('.govuk-error-summary')).toContainText(
		'Take out the names or addresses we found, or tick the box to say there are none'
	);
	await expect(parent.locator('mark')).toHaveText('Jayden');
	await expect(textOf(parent, 'What went well?')).toHaveValue(typed);
	await expectNoAxeViolations(parent);
	await parent.getByLabel('I have checked: there are no names or addresses in my answers').check();
	await submit(parent, 'Send feedback');
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Thank you');
	await expectNoAxeViolations(parent);

	// Each link works once: the second time it says so, kindly, with 410.
	const again = await parent.goto(link);
	expect(again?.status()).toBe(410);
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText(
		'This link has already been used'
	);
	await expectNoAxeViolations(parent);

	// She is told by email, with the record to reflect on; her list says it was answered.
	const { body } = row<{ body: string }>(
		`select body from outbox where recipient = ? and subject = 'Feedback from a parent or carer'
		 order by created_at desc limit 1`,
		demoAccounts.practitioner
	);
	const record = body.match(/\/portfolio\/[0-9a-f-]{36}/)![0];
	await priya.goto('/portfolio/feedback');
	const answered = priya.locator('.govuk-summary-card', {
		has: priya.locator(`a[href="${record}"]`)
	});
	await expect(answered).toContainText('Answered');
	await expect(answered).not.toContainText(email);
	await answered.getByRole('link', { name: 'Read it and reflect on it' }).click();
	await expect(priya.getByRole('heading', { level: 1 })).toHaveText(
		'Feedback from a parent or carer'
	);
	await expect(priya.locator('#account')).toContainText(typed);
	await expect(priya.getByRole('main')).toContainText('Given by link by a parent or carer on');
	// Their words are kept as given: only the reflection and the rest are hers to write.
	await expect(priya.getByLabel('Account of the activity')).toHaveCount(0);
	await expect(priya.getByRole('link', { name: 'Delete this draft' })).toHaveCount(0);
	await expectNoAxeViolations(priya);

	const assessor = await as(demoAccounts.supervisor);
	await assessor.goto(`/supervision/${userId(demoAccounts.practitioner)}`);
	const given = assessor.locator('details', { hasText: typed });
	await expect(given.locator('summary')).toContainText('From a parent or carer');
	await given.locator('summary').click();
	await expect(given).toContainText(typed);
	await expect(given).toContainText('Priya Shah has not yet submitted their reflection on it.');
	await expectNoAxeViolations(assessor);
});

test('a child’s form fits a phone, with faces to choose by their words, and is axe clean', async ({
	as,
	browser,
	baseURL
}) => {
	const email = `child.${Date.now()}@example.com`;
	await askForFeedback(await as(demoAccounts.practitioner), {
		relationship: 'A child or young person',
		email
	});
	const child = await signedOut({ browser, baseURL }, 390);
	await child.goto(feedbackLinkTo(email));
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('Tell us what you think');
	await expect(child.getByRole('radio')).toHaveCount(4);
	expect(await overflow(child)).toEqual({ excess: 0, beyond: [], scrollers: [] });
	await expectNoAxeViolations(child);
	// Sent without a face: asked for one, plainly.
	await submit(child, 'Send');
	await expect(child.locator('.govuk-error-summary')).toContainText(
		'Choose a face to say how it was'
	);
	// Each face is a large target: its whole label, word and picture, at least 44 px high.
	const face = child.locator('label', { hasText: 'Really good' });
	expect((await face.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	await face.click();
	await textOf(child, 'What was good?').fill('She listened to me.');
	expect(await overflow(child)).toEqual({ excess: 0, beyond: [], scrollers: [] });
	await submit(child, 'Send');
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('Thank you');
});

test('a link past its 14 days says it has expired; one that was never sent is not found', async ({
	as,
	browser,
	baseURL
}) => {
	const email = `expired.${Date.now()}@example.com`;
	await askForFeedback(await as(demoAccounts.practitioner), {
		relationship: 'A colleague',
		name: 'Eli Expired',
		email
	});
	const link = feedbackLinkTo(email);
	// Written to the database, as no page can make 14 days pass.
	const db = new Database(e2eDatabase, { timeout: 60_000 });
	try {
		const request = db
			.prepare('select request_id as id from feedback_contacts where email = ?')
			.get(email) as { id: string };
		const where = {
			guest_links: 'subject_id',
			feedback_requests: 'id',
			feedback_contacts: 'request_id'
		};
		for (const [table, column] of Object.entries(where))
			db.prepare(
				`update ${table} set expires_at = '2026-01-02T09:00:00.000Z' where ${column} = ?`
			).run(request.id);
	} finally {
		db.close();
	}
	const page = await signedOut({ browser, baseURL });
	const expired = await page.goto(link);
	expect(expired?.status()).toBe(410);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired');
	await expect(page.getByRole('main')).toContainText(
		'This link stopped working on 2 January 2026.'
	);
	await expectNoAxeViolations(page);
	const guessed = await page.goto('/feedback/not-a-link-anyone-sent');
	expect(guessed?.status()).toBe(404);

	// Her list says so, and no longer keeps where it went: she may ask again.
	const priya = await as(demoAccounts.practitioner);
	await priya.goto('/portfolio/feedback');
	const card = priya.locator('.govuk-summary-card', { hasText: 'Eli Expired' });
	await expect(card).toContainText('Expired');
	await expect(card).not.toContainText(email);
	await card.getByRole('link', { name: /^Ask again/ }).click();
	await expect(priya.getByLabel('A colleague', { exact: true })).toBeChecked();
	await expect(priya.getByLabel('Their name')).toHaveValue('Eli Expired');
	await expect(priya.getByLabel('Their email address')).toHaveValue('');
});

test('guessing links is limited by address: after 20 misses, even a real link waits', async ({
	baseURL
}) => {
	const from = (address: string) =>
		request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': address } });
	// The demo's request that still waits for its answer: a real, open link.
	const real = feedbackLinkTo('amara.osei@health.example.com');
	const guesser = await from(`10.9.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`);
	for (let n = 0; n < 20; n++)
		expect((await guesser.get(`/feedback/guess-${n}`)).status(), `guess ${n + 1}`).toBe(404);
	const limited = await guesser.get(real);
	expect(limited.status()).toBe(429);
	expect(await limited.text()).toContain('Too many links that do not work were tried from here.');
	// Anyone else opens it.
	expect((await (await from('10.9.250.250')).get(real)).status()).toBe(200);
});
