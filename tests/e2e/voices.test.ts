import { expect } from '@playwright/test';
import { startAudit } from './audit-setup';
import { expectNoAxeViolations } from './axe';
import { guestLinkTo } from './guest-links';
import { overflow } from './layout';
import { demoAccounts, submit } from './session';
import { row, test } from './walk';

// Voices in the portfolio (issue 18): a view of an audited case given by link, and the staff
// health check read by the principal social worker. One journey each.

test('an auditor asks a parent for their view by link; given signed out, it shows on the audit, named to the auditor and never to the worker', async ({
	as,
	api,
	browser,
	baseURL
}) => {
	const worker = demoAccounts.colleague;
	const id = await startAudit(await api(demoAccounts.auditor), worker, 'C-777180');
	const auditor = await as(demoAccounts.auditor);
	await auditor.goto(`/audits/${id}/views`);
	await auditor.getByRole('link', { name: /for their view by link/ }).click();
	await submit(auditor, 'Send the link');
	await expect(auditor.locator('.govuk-error-summary')).toContainText('Choose who you are asking');
	await expectNoAxeViolations(auditor);
	await auditor.getByLabel('A parent or carer').check();
	await auditor.getByLabel('Email address').fill('rowan.e2e@example.com');
	await auditor.getByLabel('Their name (optional)').fill('Rowan Ferreira');
	await submit(auditor, 'Send the link');
	await expect(auditor.locator('.govuk-notification-banner--success')).toContainText('Link sent');
	await expect(auditor.locator('#voices ~ ul').first()).toContainText('rowan.e2e@example.com');

	// The parent, signed out, from the email.
	const context = await browser.newContext({ baseURL });
	const parent = await context.newPage();
	const link = guestLinkTo('rowan.e2e@example.com', 'have-your-say', 'open');
	await parent.goto(link);
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Your view of the help given');
	await expectNoAxeViolations(parent);
	await parent.getByLabel('Good', { exact: true }).check();
	await parent
		.getByLabel('What has helped?')
		.fill('Jane Smith from 14 Acacia Road came to every meeting with us.');
	await parent.getByLabel('What could have been better?').fill('Letters came late.');
	await submit(parent, 'Send');
	await expect(parent.locator('.govuk-error-summary')).toContainText('Check the highlighted words');
	await expect(parent.getByLabel('What has helped?')).toHaveValue(/Acacia Road/);
	await expectNoAxeViolations(parent);
	await parent.getByLabel('What has helped?').fill('They came to every meeting with us.');
	await parent.getByLabel(/I have checked each of these/).check();
	await submit(parent, 'Send');
	await expect(parent.locator('.govuk-notification-banner--success')).toContainText(
		'Thank you: your view has been sent.'
	);
	await expectNoAxeViolations(parent);
	// The link works once.
	const again = await parent.goto(link);
	expect(again?.status()).toBe(410);
	await expect(parent.getByRole('heading', { level: 1 })).toHaveText(
		'This link has already been used'
	);
	await context.close();

	await auditor.goto(`/audits/${id}`);
	const given = auditor.locator('.govuk-summary-card', { hasText: 'A parent or carer' });
	await expect(given).toContainText('Rowan Ferreira');
	await expect(given).toContainText('They came to every meeting with us.');
	await expect(given).toContainText('Good (4 out of 5)');
	const audited = await as(worker);
	await audited.goto(`/audits/${id}`);
	const seen = audited.locator('.govuk-summary-card', { hasText: 'A parent or carer' });
	await expect(seen).toContainText('They came to every meeting with us.');
	expect(await audited.content()).not.toContain('Rowan');
	expect(await audited.content()).not.toContain('rowan.e2e@example.com');
	await expectNoAxeViolations(audited);

	// A child's form, on a phone: the picture scale fits.
	await auditor.goto(`/audits/${id}/views/ask`);
	await auditor.getByLabel('The child or young person').check();
	await auditor.getByLabel('Email address').fill('child.e2e@example.com');
	await submit(auditor, 'Send the link');
	const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
	const child = await phone.newPage();
	await child.goto(guestLinkTo('child.e2e@example.com', 'have-your-say', 'open'));
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('Tell us what you think');
	await expect(
		child.getByRole('group', { name: 'How do you feel about the help you get?' })
	).toBeVisible();
	expect(await overflow(child)).toEqual({ excess: 0, beyond: [], scrollers: [] });
	await expectNoAxeViolations(child);
	await submit(child, 'Send');
	await expect(child.locator('.govuk-error-summary')).toContainText(
		'Choose the face that shows how you feel'
	);
	await phone.close();
});

test('the principal social worker reads the health check: the demo’s answers by group, small teams merged, in the quarterly report too', async ({
	as
}) => {
	const survey = row<{ year: number; opened_at: string }>(
		'select year, opened_at from health_checks order by opened_at limit 1'
	);
	const psw = await as(demoAccounts.psw);
	await psw.goto('/workforce');
	await psw.getByRole('link', { name: 'Health check' }).click();
	await expect(psw.getByRole('heading', { level: 1 })).toHaveText('Staff health check');
	await expect(
		psw.getByRole('heading', { level: 2, name: `Staff health check ${survey.year}` })
	).toBeVisible();
	await expectNoAxeViolations(psw);
	// 17 of the 37 people in teams answered.
	const demo = psw.locator(`#health-check-${survey.year}`);
	const response = demo.locator(`#table-health-check-response-${survey.year}`).locator('..');
	await expect(response).toContainText('17');
	await expect(response).toContainText('46');
	const groups = async (within: ReturnType<typeof psw.locator>) =>
		(await within.locator('tbody tr th').allTextContents()).map((t) => t.trim());
	const results = demo.locator(`#table-health-check-${survey.year}`).locator('..');
	expect(await groups(results)).toEqual([
		'All staff',
		'Assessment and Safeguarding',
		'Children in Care'
	]);
	await expect(results).toContainText('Family Safeguarding Team, North Assessment Team');
	await expect(demo.getByText('Supervision is the best thing about working here.')).toBeVisible();

	const opened = survey.opened_at.slice(0, 10);
	const quarter = `${opened.slice(0, 4)}-Q${Math.ceil(Number(opened.slice(5, 7)) / 3)}`;
	await psw.goto(`/workforce/report?quarter=${quarter}`);
	const report = psw.locator('section', { has: psw.locator('#table-health-check') });
	expect(await groups(report)).toEqual([
		'All staff',
		'Assessment and Safeguarding',
		'Children in Care'
	]);
	await expect(psw.locator('#table-health-check-response')).toBeVisible();
	await expectNoAxeViolations(psw);
});
