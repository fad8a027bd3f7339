import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './axe';
import {
	clientId,
	clientSecret,
	issuer,
	otherClientId,
	startProvider,
	type TestProvider
} from './oidc-provider';
import { ownServer } from './own-server';
import { apiAs, demoAccounts } from './session';

// Single sign-on through a real OpenID provider running in this process: the app's own server
// is started with OIDC_* pointing at it. Serial, in one worker, since both are this file's own.

const env = { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret };
const server = ownServer('sso', 5000, env);
const button = 'Sign in with your council account';

test.describe.configure({ mode: 'serial' });

let provider: TestProvider;
test.beforeAll(async () => {
	server.reset();
	await server.start();
	provider = await startProvider(server.url);
});
// A failure is easier to read beside what the server said.
test.afterEach(async () => {
	const { status, expectedStatus } = test.info();
	if (status !== expectedStatus)
		await test.info().attach('server log', { body: server.log(), contentType: 'text/plain' });
});
test.afterAll(async () => {
	await server.stop();
	await provider?.stop();
});

async function open(browser: Browser) {
	const context = await browser.newContext({
		baseURL: server.url,
		extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.4' }
	});
	return context.newPage();
}

/** Leaves for the provider by the button, signs in there as `account`, and comes back. */
async function signInAtProvider(page: Page, account: string) {
	await page.getByRole('button', { name: button }).click();
	await page.locator('input[name="login"]').fill(account);
	await page.locator('input[name="password"]').fill('any password');
	await page.getByRole('button', { name: 'Sign-in', exact: true }).click();
}

function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(server.database, { readonly: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

const linksOf = (email: string) =>
	query<{ subject: string }>(
		'select subject from sso_identities join users on users.id = user_id where email = ?',
		email
	);

/** What the server said about the last refusal: the client library's reason. */
const lastRefusal = () =>
	server
		.log()
		.split('\n')
		.filter((line) => line.startsWith('Single sign-on refused: '))
		.at(-1) ?? '';

async function expectRefused(page: Page, heading: string) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	expect(new URL(page.url()).pathname).toBe('/sign-in/oidc/callback');
	const cookies = await page.context().cookies(server.url);
	expect(cookies.map((c) => c.name)).not.toContain('session');
	await expectNoAxeViolations(page);
}

test('the sign-in page offers the council account above the password form', async ({ browser }) => {
	const page = await open(browser);
	await page.goto('/sign-in');
	const sso = page.getByRole('button', { name: button });
	const email = page.getByLabel('Email address');
	await expect(email).toBeVisible();
	expect((await sso.boundingBox())!.y).toBeLessThan((await email.boundingBox())!.y);
	await expectNoAxeViolations(page);
});

test('GET /sign-in/oidc sends the browser to the provider with state, nonce and PKCE', async ({
	playwright
}) => {
	const api = await playwright.request.newContext({ baseURL: server.url });
	const answer = await api.get('/sign-in/oidc?redirectTo=/portfolio', { maxRedirects: 0 });
	expect(answer.status()).toBe(302);
	const target = new URL(answer.headers().location);
	expect(`${target.origin}${target.pathname}`).toBe(`${issuer}/auth`);
	const asked = Object.fromEntries(target.searchParams);
	expect(asked).toMatchObject({
		response_type: 'code',
		client_id: clientId,
		redirect_uri: `${server.url}/sign-in/oidc/callback`,
		code_challenge_method: 'S256'
	});
	expect(asked.scope.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
	for (const name of ['state', 'nonce', 'code_challenge'])
		expect(asked[name], name).toMatch(/^[\w-]{43,}$/);
	const cookie = answer.headers()['set-cookie'];
	expect(cookie).toMatch(/^sso-pending=/);
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	expect(cookie).toMatch(/Max-Age=600/i);
	await api.dispose();
});

test('signs in through the provider, back to the page asked for, and keeps the subject', async ({
	browser
}) => {
	const page = await open(browser);
	await page.goto('/portfolio/coverage');
	await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fportfolio%2Fcoverage$/);
	await signInAtProvider(page, 'practitioner');
	await expect(page).toHaveURL(`${server.url}/portfolio/coverage`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/coverage/i);
	await expectNoAxeViolations(page);
	expect(linksOf(demoAccounts.practitioner)).toEqual([{ subject: 'practitioner' }]);
	const sessions = query<{ method: string }>(
		'select method from sessions join users on users.id = user_id where email = ?',
		demoAccounts.practitioner
	);
	expect(sessions).toEqual([{ method: 'oidc' }]);
});

test('matches an address whatever its case', async ({ browser }) => {
	const page = await open(browser);
	await page.goto('/sign-in');
	await signInAtProvider(page, 'supervisor');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam Okoro');
});

test('refuses an email that nobody in Golden Thread has, and makes no account', async ({
	browser
}) => {
	const page = await open(browser);
	await page.goto('/sign-in');
	await signInAtProvider(page, 'unknown');
	await expectRefused(page, 'You do not have a Golden Thread account');
	await expect(page.getByRole('main')).toContainText(
		'Your council account signed you in as nobody@elsewhere.example'
	);
	expect(query('select id from users where email = ?', 'nobody@elsewhere.example')).toEqual([]);
});

test('refuses an email the provider has not verified', async ({ browser }) => {
	const page = await open(browser);
	await page.goto('/sign-in');
	await signInAtProvider(page, 'unverified');
	await expectRefused(page, 'Your council account did not give a verified email address');
	expect(linksOf('lucy.chen@demo.test')).toEqual([]);
});

test('refuses a deactivated person', async ({ browser }) => {
	const admin = await apiAs(server.url, demoAccounts.admin);
	const [leaver] = query<{ id: string }>(
		'select id from users where email = ?',
		'mark.fenton@demo.test'
	);
	const deactivated = await admin.post(`/admin/people/${leaver.id}?/deactivate`, {
		form: {},
		headers: { accept: 'text/html' }
	});
	expect(deactivated.status()).toBe(200);
	const page = await open(browser);
	await page.goto('/sign-in');
	await signInAtProvider(page, 'leaver');
	await expectRefused(page, 'Your Golden Thread account is closed');
});

test('refuses an answer whose state is not the one sent', async ({ browser }) => {
	const page = await open(browser);
	await page.goto('/sign-in');
	const held = provider.holdNextAnswer();
	await signInAtProvider(page, 'colleague');
	const answer = new URL(await held);
	answer.searchParams.set('state', 'a-state-from-someone-else');
	await page.goto(answer.href);
	await expectRefused(page, 'We could not sign you in');
	expect(lastRefusal()).toContain('"state"');
	expect(linksOf(demoAccounts.colleague)).toEqual([]);
});

test('refuses a code used a second time', async ({ browser }) => {
	const page = await open(browser);
	await page.goto('/sign-in');
	const held = provider.holdNextAnswer();
	await signInAtProvider(page, 'colleague');
	const answer = await held;
	const pending = (await page.context().cookies(server.url)).find((c) => c.name === 'sso-pending');
	expect(pending).toBeDefined();
	await page.goto(answer);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Chris Doyle');

	// The same answer again, with the cookie it came with: say, from a copied address bar.
	const replay = await open(browser);
	await replay.context().addCookies([pending!]);
	await replay.goto(answer);
	await expectRefused(replay, 'We could not sign you in');
	expect(lastRefusal()).toContain('invalid_grant');

	// Without the cookie, the answer is not this browser's to finish.
	const stranger = await open(browser);
	await stranger.goto(answer);
	await expectRefused(stranger, 'Your sign-in was not finished in time');
});

test('refuses an ID token issued to another application', async ({ browser }) => {
	provider.spoilNextIdToken({ audience: otherClientId });
	const page = await open(browser);
	await page.goto('/sign-in');
	await signInAtProvider(page, 'practitioner');
	await expectRefused(page, 'We could not sign you in');
	expect(lastRefusal()).toContain('"aud"');
});

test('refuses an ID token not signed with the provider’s key', async ({ browser }) => {
	provider.spoilNextIdToken({ foreignKey: true });
	const page = await open(browser);
	await page.goto('/sign-in');
	await signInAtProvider(page, 'practitioner');
	await expectRefused(page, 'We could not sign you in');
	expect(lastRefusal()).toMatch(/signature/i);
});

test('with PASSWORD_SIGN_IN=off, the council account is the only way in', async ({
	browser,
	playwright
}) => {
	await server.stop();
	const ssoOnly = ownServer('sso', 5000, { ...env, PASSWORD_SIGN_IN: 'off' });
	await ssoOnly.start();
	try {
		const page = await open(browser);
		await page.goto('/sign-in');
		await expect(page.getByRole('button', { name: button })).toBeVisible();
		await expect(page.getByLabel('Password')).toHaveCount(0);
		await expectNoAxeViolations(page);
		await page.goto('/forgot-password');
		await expect(page).toHaveURL(`${server.url}/sign-in`);

		const api = await playwright.request.newContext({
			baseURL: server.url,
			extraHTTPHeaders: { origin: server.url }
		});
		const post = await api.post('/sign-in', {
			form: { email: demoAccounts.admin, password: 'golden-thread-demo' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(post.status()).toBe(403);
		await api.dispose();

		await signInAtProvider(page, 'practitioner');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Priya Shah');
	} finally {
		await ssoOnly.stop();
	}
});
