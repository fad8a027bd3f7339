import { expect, test, type Browser } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { formActions } from './form-actions';
import { ownServer } from './own-server';
import { routeIds } from './routes';
import { apiAs, demoAccounts, demoPassword, submit } from './session';
import { setUpTwoFactor } from './two-factor';

// A server of its own with MFA_REQUIRED_ROLES set, so that the demo authority's accounts need a
// second factor (without it the demo keeps password-only sign-in): an administrator who has
// not set one up reaches nothing but the set-up page, and signing out, until they do.

const server = ownServer('two-factor', 4000, { MFA_REQUIRED_ROLES: 'admin,psw,auditor' });

/** A route id as a path: any value stands for a parameter, as nothing is looked up first. */
const pathOf = (route: string) =>
	route.replace(/\[[^\]]+\]/g, '00000000-0000-4000-8000-000000000000');

test('an administrator without a second factor reaches nothing but its set-up page, and signing out, until it is set up', async ({
	browser
}) => {
	test.setTimeout(10 * 60_000);
	// Started and stopped by the one test that uses it: hooks would run in every worker.
	server.reset();
	await server.start();
	try {
		await walkBeforeAndAfterSetUp(browser);
	} finally {
		await server.stop();
		server.reset();
	}
});

async function walkBeforeAndAfterSetUp(browser: Browser) {
	const admin = await apiAs(server.url, demoAccounts.admin);
	const sent = (path: string, answer: { status(): number; headers(): Record<string, string> }) =>
		`${path}: ${answer.status()} ${answer.headers().location ?? ''}`;

	for (const route of routeIds()) {
		const path = pathOf(route);
		const answer = await admin.get(path, { maxRedirects: 0 });
		if (route === '/account/two-factor') expect(answer.status(), path).toBe(200);
		else if (route === '/sign-out') expect(sent(path, answer)).toBe(`${path}: 303 /account`);
		else if (route.startsWith('/api/')) expect(sent(path, answer)).toBe(`${path}: 403 `);
		else expect(sent(path, answer)).toBe(`${path}: 303 /account/two-factor`);
	}
	for (const action of formActions()) {
		if (action === '/sign-out' || action.startsWith('/account/two-factor')) continue;
		const path = pathOf(action);
		const answer = await admin.post(path, {
			form: { anything: 'at all' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(sent(path, answer)).toBe(`${path}: 303 /account/two-factor`);
	}
	const api = await admin.post('/api/v1/enrolments', { data: {}, maxRedirects: 0 });
	expect(api.status()).toBe(403);
	expect(await api.json()).toEqual({
		message: 'Set up two-factor authentication at /account/two-factor first.'
	});

	// Someone whose role does not need it is not held up.
	const practitioner = await apiAs(server.url, demoAccounts.practitioner);
	expect((await practitioner.get('/portfolio', { maxRedirects: 0 })).status()).toBe(200);

	// Signing in lands on the set-up page, which says why; set up, everything is open again.
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await page.goto('/sign-in');
	await page.getByLabel('Email address').fill(demoAccounts.admin);
	await page.getByLabel('Password').fill(demoPassword);
	await submit(page, 'Sign in');
	await expect(page).toHaveURL('/account/two-factor');
	await expect(page.locator('.govuk-inset-text')).toContainText(
		'Your role needs two-factor authentication. Set it up to continue'
	);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Administration' }).click();
	await expect(page).toHaveURL('/account/two-factor');

	await setUpTwoFactor(page);
	await expect(page.getByRole('main')).toContainText(
		'Your role needs two-factor authentication, so it cannot be turned off'
	);
	await expect(page.getByRole('button', { name: /Turn off/ })).toHaveCount(0);
	await page.getByRole('link', { name: 'Administration' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration');
	// The session from before set-up is the person's too: it is open now as well.
	expect((await admin.get('/admin', { maxRedirects: 0 })).status()).toBe(200);
	const turnOff = await admin.post('/account/two-factor?/turnOff', {
		form: { turnOffCode: '123456' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(turnOff.status()).toBe(403);
	await context.close();
}

test('a misspelt role in MFA_REQUIRED_ROLES stops the server, naming it', async () => {
	const misspelt = ownServer('two-factor-misspelt', 4001, { MFA_REQUIRED_ROLES: 'admin,adminn' });
	misspelt.reset();
	await expect(misspelt.start()).rejects.toThrow(
		'MFA_REQUIRED_ROLES names "adminn", which is not a role'
	);
	misspelt.reset();
});
