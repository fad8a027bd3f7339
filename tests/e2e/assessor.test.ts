import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoAccounts, signIn, submit } from './session';
import { e2eDatabase } from './server';

// assessor@demo.test is an external assessor for Tom Ellis and Aisha Bello; Sam Okoro is still
// their line manager and practice supervisor. The access table checks every route; this is the
// journey as the assessor sees it.

test('an external assessor sees only those they assess, and reviews their evidence', async ({
	page
}) => {
	await signIn(page, demoAccounts.assessor);
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { name: 'People you assess' })).toBeVisible();
	await expect(main.getByRole('row', { name: /Aisha Bello/ })).toContainText('assessor');
	await expect(main.getByRole('row', { name: /Tom Ellis/ })).toBeVisible();
	await expect(main).not.toContainText('Priya Shah');
	const navigation = page.getByRole('navigation', { name: 'Menu' });
	await expect(navigation.getByRole('link', { name: 'Assessment' })).toBeVisible();
	await expect(navigation.getByRole('link', { name: 'Audits' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// The assessor reviews Tom's submitted record: it waits for them, not for his supervisor.
	await page.getByRole('link', { name: 'Assessment' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assessment');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Using a feelings chart with a 5-year-old' }).click();
	await page.getByLabel('Feedback').fill('Say what you will ask Mother about the evenings.');
	await submit(page, 'Return with feedback');
	await expect(page.getByText('Evidence returned with feedback.')).toBeVisible();

	// Tom's agreement waits for his assessor's signature.
	await page.getByRole('link', { name: 'Tom Ellis' }).click();
	await page.getByRole('link', { name: 'Programme and review points' }).click();
	await expect(page.getByRole('button', { name: 'Sign as supervisor' })).toHaveCount(0);
	await submit(page, 'Sign as assessor');
	await expect(page.getByText('You have signed the agreement.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign as assessor' })).toHaveCount(0);
	await expect(
		page.locator('.govuk-summary-list__row', { hasText: 'Assessor (Irene Okafor)' })
	).toContainText('Signed');
	await expect(page.getByLabel('New working hours, as a percentage of full time')).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Aisha's page: assessing, not supervising.
	await page.goto('/supervision');
	await page.getByRole('link', { name: 'Aisha Bello' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aisha Bello');
	await expect(page.getByRole('link', { name: 'Record an observation' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sign off outcome 2.3' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Record supervision' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Supervision records' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Record an observation' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Record an observation of practice'
	);
	await expectNoAxeViolations(page);

	// Anyone else is refused, even by address.
	const db = new Database(e2eDatabase, { readonly: true });
	const priya = db
		.prepare('select id from users where email = ?')
		.get(demoAccounts.practitioner) as { id: string };
	db.close();
	const response = await page.goto(`/supervision/${priya.id}`);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('You do not supervise or assess this person.')).toBeVisible();
});

test('the supervisor of an assessed ASYE line-manages and supervises, but does not assess', async ({
	page
}) => {
	await signIn(page, demoAccounts.supervisor);
	await page.goto('/supervision');
	await expect(page.getByRole('row', { name: /Aisha Bello/ })).toContainText(
		'You are their line manager and practice supervisor.'
	);
	await page.getByRole('link', { name: 'Aisha Bello' }).click();
	await expect(page.getByRole('link', { name: 'Record supervision' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Record an observation' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /^Sign off outcome/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Programme and review points' }).click();
	await expect(
		page.getByRole('heading', { name: 'Support and assessment agreement' })
	).toBeVisible();
	await expect(page.getByText(/Assessor \(Irene Okafor\)/)).toBeVisible();
	await expectNoAxeViolations(page);
});
