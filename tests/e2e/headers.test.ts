import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { apiAs, demoAccounts, signIn } from './session';

/** A Content-Security-Policy as a map from directive to its sources. */
function parsePolicy(header: string | undefined) {
	expect(header, 'a Content-Security-Policy header').toBeTruthy();
	return new Map(
		header!
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name, sources])
	);
}

/** The headers every answer carries, and the policy a page or anything else must have. */
function expectSecureHeaders(response: APIResponse, kind: 'page' | 'other') {
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['referrer-policy']).toBe('same-origin');
	const policy = parsePolicy(headers['content-security-policy']);
	expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
	if (kind === 'other') {
		expect(policy.get('default-src')).toEqual(["'none'"]);
		return;
	}
	const scripts = policy.get('script-src') ?? [];
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(scripts.some((source) => /^'(nonce|sha256)-/.test(source))).toBe(true);
	expect(policy.get('style-src')).not.toContain("'unsafe-inline'");
	expect(policy.get('style-src-attr')).not.toContain("'unsafe-inline'");
	expect(policy.get('default-src')).toEqual(["'self'"]);
	expect(policy.get('object-src')).toEqual(["'none'"]);
	expect(policy.get('base-uri')).toEqual(["'self'"]);
	expect(policy.get('form-action')).toEqual(["'self'"]);
}

test.describe('security headers on every kind of answer', () => {
	test('pages, signed out and signed in, forms, JSON and a missing page', async ({ baseURL }) => {
		const visitor = await apiAs(baseURL!);
		for (const path of ['/sign-in', '/framework']) {
			const response = await visitor.get(path);
			expect(response.status(), path).toBe(200);
			expectSecureHeaders(response, 'page');
		}
		const missing = await visitor.get('/no-such-page');
		expect(missing.status()).toBe(404);
		expectSecureHeaders(missing, 'page');
		const json = await visitor.get('/api/v1/framework');
		expect(json.headers()['content-type']).toMatch(/^application\/json/);
		expectSecureHeaders(json, 'other');

		const practitioner = await apiAs(baseURL!, demoAccounts.practitioner);
		for (const path of ['/', '/portfolio', '/portfolio/new']) {
			const response = await practitioner.get(path);
			expect(response.status(), path).toBe(200);
			expectSecureHeaders(response, 'page');
			expect(response.headers()['cache-control']).toBe('private, no-store');
			// A page is never the same twice (its nonce), so an ETag would never match: none is
			// worked out (vite.config.ts).
			expect(response.headers().etag, path).toBeUndefined();
		}
		await Promise.all([visitor.dispose(), practitioner.dispose()]);
	});

	test('static files and the built scripts and styles', async ({ request }) => {
		const favicon = await request.get('/favicon.svg');
		expect(favicon.status()).toBe(200);
		expectSecureHeaders(favicon, 'other');

		const html = await (await request.get('/sign-in')).text();
		const assets = [...html.matchAll(/\/_app\/immutable\/[^"'\s>]+\.(?:js|css)/g)].map((m) => m[0]);
		expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
		expect(assets.some((path) => path.endsWith('.css'))).toBe(true);
		for (const path of new Set(assets)) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['cache-control']).toContain('immutable');
			expectSecureHeaders(response, 'other');
		}
	});
});

/** Records every Content-Security-Policy violation and console error on a page. */
async function watchForViolations(page: Page) {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));
	await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
	await page.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (event) =>
			(window as unknown as { reportViolation(text: string): void }).reportViolation(
				`${event.violatedDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`
			)
		)
	);
	return problems;
}

/** The page's own scripts ran: the inline one in app.html, and govuk-frontend's start-up. */
async function expectScriptsRan(page: Page) {
	await expect(page.locator('body')).toHaveClass(/\bjs-enabled\b/);
	await expect(page.locator('[data-module="govuk-service-navigation"]')).toHaveAttribute(
		'data-govuk-service-navigation-init',
		''
	);
}

test.describe('pages run under the Content-Security-Policy', () => {
	test('signed out, a form that fails, and moving between pages', async ({ page }) => {
		const problems = await watchForViolations(page);
		await page.goto('/framework');
		await expectScriptsRan(page);
		await page.getByRole('link', { name: 'Local standards' }).first().click();
		await expect(page).toHaveURL('/standards');
		await page.goto('/sign-in');
		await expectScriptsRan(page);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.locator('.govuk-error-summary')).toBeFocused();
		expect(problems).toEqual([]);
	});

	test('signed in: home, a form, and the heatmap shaded by classes', async ({ page }) => {
		const problems = await watchForViolations(page);
		await signIn(page, demoAccounts.psw);
		await expectScriptsRan(page);
		await page.goto('/workforce');
		await expectScriptsRan(page);
		// A shaded cell: one with figures (not the people count, not an empty team's).
		const cell = page
			.locator('.gt-heatmap td[class*="gt-heat-"]:not(.gt-heat-people):not(.gt-heat-none)')
			.first();
		await expect(cell).toBeVisible();
		expect(await cell.evaluate((td) => getComputedStyle(td).backgroundColor)).not.toBe(
			'rgba(0, 0, 0, 0)'
		);
		await page.goto('/account');
		await expectScriptsRan(page);
		expect(problems).toEqual([]);
	});
});
