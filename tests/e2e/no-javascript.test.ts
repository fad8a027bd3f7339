import { expect, test } from '@playwright/test';

// Runs in the "no-javascript" project: the browser has JavaScript turned off. (axe needs
// JavaScript to run, so the same pages are scanned in the other project.)
test('the framework can be browsed and searched without JavaScript', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Framework' }).click();
	await expect(page.locator('.gt-annex__domain li')).toHaveCount(26);
	await page.getByRole('link', { name: /^4\.4 / }).click();
	await expect(page).toHaveURL(/\/framework\/4\.4$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Is agile and timely/);

	await page.getByRole('link', { name: 'Search', exact: true }).click();
	await page.getByLabel(/Words to find/).fill('SEND');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(
		'3 statements in 1 outcome'
	);
	await expect(page.locator('mark').first()).toHaveText('SEND');

	await page.getByRole('link', { name: 'Local standards' }).click();
	await page.getByRole('link', { name: 'Knowsley social work practice standards' }).click();
	await expect(page.locator('.gt-prose h2')).toHaveCount(10);
});
