import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const attribution =
	'Contains public sector information licensed under the Open Government Licence v3.0';

test.describe('the framework', () => {
	test('overview lists six domains and 26 outcomes, names the version and its status', async ({
		page
	}) => {
		await page.goto('/framework');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Post-qualifying standards: knowledge and skills statement for child and family practitioners'
		);
		await expect(page.getByText('consultation draft, March 2025')).toBeVisible();
		await expect(page.locator('.gt-annex__domain')).toHaveCount(6);
		await expect(page.locator('.gt-annex__domain li')).toHaveCount(26);
		await expect(page.getByText(attribution).first()).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('overview reads on a phone without sideways scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto('/framework');
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await expectNoAxeViolations(page);
	});

	test('an outcome page lists Knows and Does with anchors and links to its neighbours', async ({
		page
	}) => {
		await page.goto('/framework/2.3');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Builds and maintains impactful relationships with children'
		);
		await expect(
			page.getByRole('list', { name: 'Knows statements for outcome 2.3' }).locator('> li')
		).toHaveCount(8);
		await expect(
			page.getByRole('list', { name: 'Does statements for outcome 2.3' }).locator('> li')
		).toHaveCount(10);
		await expect(page.locator('[id="2.3-D9"]')).toContainText(
			'undertakes high-quality verbal and written life-story work'
		);
		await expect(page.getByText(attribution).first()).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: /Next outcome.*2\.4/ }).click();
		await expect(page).toHaveURL(/\/framework\/2\.4$/);
		await page.getByRole('link', { name: /Previous outcome.*2\.3/ }).click();
		await expect(page).toHaveURL(/\/framework\/2\.3$/);
	});

	test('a statement anchor brings that statement into view', async ({ page }) => {
		await page.goto('/framework/3.2#3.2-K7');
		const statement = page.locator('[id="3.2-K7"]');
		await expect(statement).toBeInViewport();
		await expect(statement.locator('li')).toHaveCount(5);
	});

	test('search finds statements, grouped by outcome, with the match highlighted', async ({
		page
	}) => {
		await page.goto('/framework');
		await page.getByLabel('Search the standards').fill('genogram');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/\/framework\/search\?q=genogram/);
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(
			'3 statements in 2 outcomes'
		);
		await expect(page.locator('mark')).toHaveCount(3);
		await expect(page.getByRole('heading', { level: 3 })).toHaveText([
			/2\.5 Builds and maintains impactful relationships with family/,
			/3\.2 Analyses and applies professional knowledge/
		]);
		await expect(page.getByText(attribution).first()).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: '3.2 D6' }).click();
		await expect(page).toHaveURL(/\/framework\/3\.2#3\.2-D6$/);
	});

	test('a search with no results says so', async ({ page }) => {
		await page.goto('/framework/search?q=zebra');
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(
			'No results for “zebra”'
		);
		await expectNoAxeViolations(page);
	});

	test('an unknown outcome gets a helpful 404 in the site layout', async ({ page }) => {
		const response = await page.goto('/framework/9.9');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByText('There is no outcome 9.9 in PQS 2025.')).toBeVisible();
		await expect(page.getByRole('link', { name: 'Golden Thread' })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the API returns the whole framework as JSON', async ({ request }) => {
		const response = await request.get('/api/v1/framework');
		expect(response.status()).toBe(200);
		const body = await response.json();
		expect(body.version).toMatchObject({
			id: 'pqs-2025',
			status: 'consultation draft, March 2025'
		});
		expect(body.licence.attribution).toBe(attribution);
		expect(body.domains).toHaveLength(6);
		const outcomes = body.domains.flatMap((d: { outcomes: unknown[] }) => d.outcomes);
		expect(outcomes).toHaveLength(26);
		const statements = outcomes.flatMap(
			(o: { statements: { id: string; kind: string }[] }) => o.statements
		);
		expect(statements).toHaveLength(370);
		expect(statements.find((s: { id: string }) => s.id === '2.3 K4')).toMatchObject({
			kind: 'knows'
		});

		expect((await request.get('/api/v1/framework?version=pqs-2025')).status()).toBe(200);
		const unknown = await request.get('/api/v1/framework?version=nowhere', {
			headers: { accept: 'application/json' }
		});
		expect(unknown.status()).toBe(404);
		expect((await unknown.json()).message).toContain('nowhere');
	});
});
