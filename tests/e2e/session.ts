import { expect, request, type APIRequestContext, type Page } from '@playwright/test';

export const demoPassword = 'golden-thread-demo';

export const demoAccounts = {
	practitioner: 'practitioner@demo.test',
	colleague: 'colleague@demo.test',
	supervisor: 'supervisor@demo.test',
	auditor: 'auditor@demo.test',
	psw: 'psw@demo.test',
	admin: 'admin@demo.test',
	/** An external assessor: assesses tom.ellis@ and aisha.bello@demo.test, and nobody else. */
	assessor: 'assessor@demo.test'
} as const;

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password = demoPassword) {
	await page.goto('/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello, /);
}

/** An HTTP client signed in as someone (or nobody), for checking answers route by route. */
export async function apiAs(baseURL: string, email?: string): Promise<APIRequestContext> {
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.2', origin: baseURL }
	});
	if (email) {
		const response = await context.post('/sign-in', {
			form: { email, password: demoPassword },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), `sign in as ${email}`).toBe(303);
	}
	return context;
}

/**
 * The link in the newest message in the outbox to an address, read through the administration
 * page: a set-password link unless told, e.g. `observe` for an observer's.
 */
export async function latestLinkTo(page: Page, email: string, path = 'set-password') {
	await page.goto('/admin/outbox');
	const card = page.locator('.govuk-summary-card', { hasText: email }).first();
	const body = await card.locator('pre').textContent();
	const link = body?.match(new RegExp(`https?://\\S+/${path}/\\S+`))?.[0];
	expect(link, `a ${path} link to ${email}`).toBeTruthy();
	return new URL(link!).pathname;
}

/** Presses a form's button and waits for the server's answer, so the next step sees the new page. */
export async function submit(page: Page, button: string) {
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: button }).click()
	]);
}
