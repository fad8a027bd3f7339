import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test.describe('local standards', () => {
	test('the index lists every set by kind', async ({ page }) => {
		await page.goto('/standards');
		await expect(
			page.getByRole('link', { name: 'Knowsley social work practice standards' })
		).toBeVisible();
		await expect(
			page.getByRole('link', { name: 'Gloucestershire practice standards' })
		).toBeVisible();
		await expect(page.getByRole('link', { name: 'Training priority areas' })).toBeVisible();
		await expect(page.getByRole('link', { name: /STARLIng/ })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('Knowsley’s ten standards each show why and how', async ({ page }) => {
		await page.goto('/standards/knowsley');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Knowsley social work practice standards'
		);
		await expect(page.locator('.gt-prose h2')).toHaveCount(10);
		await expect(page.locator('.gt-prose h3', { hasText: 'Why?' })).toHaveCount(10);
		await expect(page.locator('.gt-prose h3', { hasText: 'How?' })).toHaveCount(10);
		await page.getByRole('link', { name: '5. No drift or delay' }).click();
		await expect(page.locator('#item-5')).toBeInViewport();
		await expectNoAxeViolations(page);
	});

	test('an unknown set gets a helpful 404', async ({ page }) => {
		const response = await page.goto('/standards/nowhere');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(
			page.getByRole('link', { name: 'read the local practice standards' })
		).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the home page and the keyboard: skip link first, then the service name', async ({
		page
	}) => {
		await page.goto('/');
		await expectNoAxeViolations(page);
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('#main-content')).toBeFocused();
	});
});
