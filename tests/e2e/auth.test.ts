import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { apiAs, demoAccounts, demoPassword, latestLinkTo, signIn, submit } from './session';

test.describe('signing in', () => {
	test('the sign-in page, and a wrong password gets a clear message and keeps the email', async ({
		page
	}) => {
		await page.goto('/sign-in');
		await expectNoAxeViolations(page);
		await page.getByLabel('Email address').fill(demoAccounts.colleague);
		await page.getByLabel('Password').fill('not the password');
		await submit(page, 'Sign in');
		await expect(page).toHaveTitle(/^Error: Sign in/);
		await expect(page.locator('.govuk-error-summary')).toBeFocused();
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'Enter a correct email address and password'
		);
		await expect(page.getByLabel('Email address')).toHaveValue(demoAccounts.colleague);
		await expectNoAxeViolations(page);

		await page.getByLabel('Email address').fill('nobody@demo.test');
		await page.getByLabel('Password').fill(demoPassword);
		await submit(page, 'Sign in');
		await expect(page.locator('.govuk-error-summary')).toContainText(
			'Enter a correct email address and password'
		);

		await page.getByLabel('Email address').fill('');
		await page.getByLabel('Password').fill('');
		await submit(page, 'Sign in');
		await expect(page.locator('.govuk-error-summary')).toContainText('Enter your email address');
		await expect(page.locator('.govuk-error-summary')).toContainText('Enter your password');
	});

	const homes: [keyof typeof demoAccounts, string, string][] = [
		['practitioner', 'Hello, Priya Shah', 'You are in month 5 of your ASYE'],
		[
			'colleague',
			'Hello, Chris Doyle',
			'Grace Mensah is your line manager, practice supervisor and assessor'
		],
		['supervisor', 'Hello, Sam Okoro', 'People you supervise'],
		['auditor', 'Hello, Martin Hughes', 'Case audits'],
		['psw', 'Hello, Patricia Adeyemi', 'Your workforce'],
		['admin', 'Hello, Alex Morgan', 'Administration'],
		['assessor', 'Hello, Irene Okafor', 'People you assess']
	];
	for (const [account, heading, section] of homes) {
		test(`${account}@demo.test signs in to their own home page`, async ({ page }) => {
			await signIn(page, demoAccounts[account]);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expect(page.getByRole('main')).toContainText(section);
			await expectNoAxeViolations(page);
		});
	}

	test('a supervisor sees their supervisees and their programme month', async ({ page }) => {
		await signIn(page, demoAccounts.supervisor);
		const row = page.getByRole('row', { name: /Priya Shah/ });
		await expect(row).toContainText('ASYE, month 5');
		await expect(page.getByRole('row', { name: /Chris Doyle/ })).toHaveCount(0);
	});

	test('signing in goes back to the page that asked for it', async ({ page }) => {
		await page.goto('/account');
		await expect(page).toHaveURL('/sign-in?redirectTo=%2Faccount');
		await page.getByLabel('Email address').fill(demoAccounts.psw);
		await page.getByLabel('Password').fill(demoPassword);
		await submit(page, 'Sign in');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
		await expectNoAxeViolations(page);
	});

	test('the eleventh attempt from one address is refused, even with the right password, while the person signs in from elsewhere', async ({
		browser
	}) => {
		const email = 'ruth.ambrose@demo.test';
		const guesser = await browser.newContext({
			extraHTTPHeaders: { 'x-forwarded-for': '10.3.0.1' }
		});
		const page = await guesser.newPage();
		await page.goto('/sign-in');
		for (let attempt = 1; attempt <= 10; attempt++) {
			await page.getByLabel('Email address').fill(email);
			await page.getByLabel('Password').fill(`wrong guess ${attempt}`);
			await submit(page, 'Sign in');
			await expect(page.locator('.govuk-error-summary')).toContainText(
				'Enter a correct email address and password'
			);
		}
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Password').fill(demoPassword);
		await submit(page, 'Sign in');
		await expect(page.locator('.govuk-error-summary')).toContainText(
			/Too many attempts to sign in\. Try again after \d{1,2}:\d{2}(am|pm)\./
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Golden Thread');
		await guesser.close();

		// Knowing someone's email is not enough to lock them out: at their own address they sign in.
		const owner = await browser.newContext({
			extraHTTPHeaders: { 'x-forwarded-for': '10.3.1.1' }
		});
		await signIn(await owner.newPage(), email);
		await owner.close();
	});

	test('after signing in, only a page on this site is a place to go back to', async ({
		baseURL
	}) => {
		const person = await apiAs(baseURL!, demoAccounts.colleague);
		const answers: Record<string, string> = {
			'/%09/evil.example': '/',
			'/%0a/evil.example': '/',
			'/%00/evil.example': '/',
			'//evil%E3%80%82example': '/',
			'/%5Cevil.example': '/',
			'https://evil.example/': '/',
			'/portfolio?status=draft': '/portfolio?status=draft',
			'/%E3%80%82/evil.example': '/%E3%80%82/evil.example'
		};
		for (const [target, expected] of Object.entries(answers)) {
			const response = await person.get(`/sign-in?redirectTo=${target}`, { maxRedirects: 0 });
			expect(response.status(), target).toBe(303);
			expect(response.headers()['location'], target).toBe(expected);
		}
		await person.dispose();
	});

	test('signing out, and signing out of every device', async ({ browser }) => {
		// Signing out of every device ends all of that person's sessions, including those of tests
		// running beside this one: so it is done as someone no other browser test signs in as.
		const person = 'joe.kelly@demo.test';
		const laptop = await (await browser.newContext()).newPage();
		const phone = await (await browser.newContext()).newPage();
		await signIn(laptop, person);
		await signIn(phone, person);

		await laptop.getByRole('button', { name: 'Sign out' }).click();
		await expect(laptop.getByText('You have signed out.')).toBeVisible();
		await phone.goto('/account');
		await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Your account');

		await signIn(laptop, person);
		await laptop.goto('/account');
		await laptop.getByRole('button', { name: 'Sign out of every device' }).click();
		await expect(laptop.getByText('You have signed out.')).toBeVisible();
		await phone.goto('/account');
		await expect(phone).toHaveURL(/\/sign-in\?redirectTo=%2Faccount/);
	});
});

test.describe('invitations and password resets', () => {
	test('an invited person sets a password through their link, once', async ({ page, browser }) => {
		await signIn(page, demoAccounts.admin);
		await page.goto('/admin/people/new');
		await page.getByLabel('Full name').fill('Jordan Blake');
		await page.getByLabel('Email address').fill('jordan.blake@demo.test');
		await page.getByLabel('Practitioner').check();
		await page.getByLabel('Team').selectOption({ label: 'Children in Care Team' });
		await page.getByLabel('Career stage').selectOption({ label: 'ASYE' });
		await page.getByRole('button', { name: 'Send invitation' }).click();
		await expect(page.getByText('Invitation sent to jordan.blake@demo.test.')).toBeVisible();
		const link = await latestLinkTo(page, 'jordan.blake@demo.test');

		const newcomer = await (await browser.newContext()).newPage();
		await newcomer.goto(link);
		await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText(
			'Welcome to Golden Thread'
		);
		await expectNoAxeViolations(newcomer);
		await newcomer.getByLabel('Password', { exact: true }).fill('too short');
		await newcomer.getByLabel('Password again').fill('too short');
		await submit(newcomer, 'Set password and sign in');
		await expect(newcomer.locator('.govuk-error-summary')).toContainText(
			'Password must be 12 characters or more'
		);
		await newcomer.getByLabel('Password', { exact: true }).fill('password123456');
		await newcomer.getByLabel('Password again').fill('password123456');
		await submit(newcomer, 'Set password and sign in');
		await expect(newcomer.locator('.govuk-error-summary')).toContainText('too common');
		await newcomer.getByLabel('Password', { exact: true }).fill('kettle orchard lantern');
		await newcomer.getByLabel('Password again').fill('kettle orchard lantern');
		await submit(newcomer, 'Set password and sign in');
		await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Hello, Jordan Blake');

		await newcomer.goto(link);
		await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText(
			'This link has expired or has been used'
		);

		// Deactivating ends their session at once.
		await page.goto('/admin/people');
		await page.getByRole('link', { name: 'Jordan Blake' }).click();
		await page.getByRole('button', { name: 'Deactivate' }).click();
		await expect(page.getByText('Deactivated: they have been signed out everywhere')).toBeVisible();
		await newcomer.goto('/account');
		await expect(newcomer).toHaveURL(/\/sign-in/);
	});

	test('a forgotten password is reset through an emailed link', async ({ page, browser }) => {
		const person = await (await browser.newContext()).newPage();
		await person.goto('/sign-in');
		await person.getByRole('link', { name: 'Forgotten your password?' }).click();
		// The sign-in page has an email address too: scan and fill in the page the link opens.
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
		await expectNoAxeViolations(person);
		await person.getByLabel('Email address').fill('Hannah.Reid@demo.test');
		await person.getByRole('button', { name: 'Send the link' }).click();
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Check your email');

		await signIn(page, demoAccounts.admin);
		const link = await latestLinkTo(page, 'hannah.reid@demo.test');
		await person.goto(link);
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Set a new password');
		await person.getByLabel('Password', { exact: true }).fill('meadow copper violin');
		await person.getByLabel('Password again').fill('meadow copper violins');
		await submit(person, 'Set password and sign in');
		await expect(person.locator('.govuk-error-summary')).toContainText(
			'The passwords do not match'
		);
		await person.getByLabel('Password', { exact: true }).fill('meadow copper violin');
		await person.getByLabel('Password again').fill('meadow copper violin');
		await submit(person, 'Set password and sign in');
		await expect(person.getByRole('heading', { level: 1 })).toHaveText('Hello, Hannah Reid');
	});
});

test.describe('without ORIGIN set (as the browser tests run the server)', () => {
	test('signing in works at 127.0.0.1 as well as at localhost', async ({ page, baseURL }) => {
		const loopback = baseURL!.replace('localhost', '127.0.0.1');
		await page.goto(`${loopback}/sign-in`);
		await page.getByLabel('Email address').fill(demoAccounts.colleague);
		await page.getByLabel('Password').fill(demoPassword);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Chris Doyle');
		expect(new URL(page.url()).host).toBe(new URL(loopback).host);
	});

	test('at any other address, the page says what to set', async ({ request, baseURL }) => {
		const other = await request.get('/sign-in', { headers: { host: '192.168.1.5:3000' } });
		expect(await other.text()).toContain('Set <code>ORIGIN=http://192.168.1.5:3000</code>');
		const here = await request.get(`${baseURL}/sign-in`);
		expect(await here.text()).not.toContain('has not been told its address');
	});
});
