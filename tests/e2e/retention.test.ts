import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoAccounts, signIn } from './session';
import { userId } from './walk';

// Erasing on request (the walk in notices.test.ts erases someone), and reading a portfolio in a
// chosen framework version. Nothing here changes a record.

test('the confirmation to erase someone says what goes and what stays, and is never for oneself', async ({
	page
}) => {
	await signIn(page, demoAccounts.admin);
	await page.goto(`/admin/people/${userId(demoAccounts.practitioner)}/erase`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erase Priya Shah');
	const goes = page
		.getByRole('heading', { name: 'What goes' })
		.locator('xpath=following-sibling::ul[1]');
	await expect(goes).toContainText(/\d+ records? of evidence, with their reflections and mapping/);
	await expect(goes).toContainText(/\d+ files? attached to them/);
	const stays = page
		.getByRole('heading', { name: 'What stays' })
		.locator('xpath=following-sibling::ul[1]');
	await expect(stays).toContainText('kept for 6 years after the audit');
	await expect(page.getByLabel('To confirm, enter their email address')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto(`/admin/people/${userId(demoAccounts.admin)}/erase`);
	await expect(
		page.getByText('You cannot erase yourself: another administrator can.')
	).toBeVisible();
	await expect(page.getByLabel('To confirm, enter their email address')).toHaveCount(0);
});

test('coverage is read in the version asked for, the version in use by default', async ({
	page
}) => {
	await signIn(page, demoAccounts.practitioner);
	await page.goto('/portfolio/coverage');
	const summary = page.getByText(/of 26 outcomes have evidence/);
	const inUse = await summary.textContent();
	await page.goto('/portfolio/coverage?version=pqs-2025');
	await expect(summary).toHaveText(inUse!);
	const unknown = await page.goto('/portfolio/coverage?version=no-such-version');
	expect(unknown?.status()).toBe(404);
	await expect(
		page.getByText('There is no version "no-such-version" of the framework.')
	).toBeVisible();
});
