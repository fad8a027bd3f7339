import { expect, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { submit } from './session';

/**
 * An authenticator app, as a test holds one: the key read from the set-up page as text, and the
 * codes it shows. A code works once, so each code is for a later time step than the last: this
 * step's, or the next (which the server accepts, as for a phone whose clock runs a little fast).
 */
export class Authenticator {
	private lastStep = -1;

	constructor(readonly key: string) {}

	code() {
		const now = Math.floor(Date.now() / 30_000);
		const step = Math.max(now, this.lastStep + 1);
		// Never more than two codes in one step: a journey that needs a third must say so.
		expect(step, 'a third code within 30 seconds').toBeLessThanOrEqual(now + 1);
		this.lastStep = step;
		return generateHOTP(decodeBase32IgnorePadding(this.key), BigInt(step), 6);
	}
}

/**
 * Sets up two-factor authentication on /account/two-factor for whoever `page` is signed in as:
 * the key typed from the page into the app, a code from it entered. The app, and the recovery
 * codes shown once.
 */
export async function setUpTwoFactor(page: Page) {
	await page.goto('/account/two-factor');
	const key = (await page.locator('#totp-key').textContent())!.replaceAll(' ', '');
	expect(key).toMatch(/^[A-Z2-7]{32}$/);
	const app = new Authenticator(key);
	await page.getByLabel('Code from your app').fill(app.code());
	await submit(page, 'Turn on two-factor authentication');
	await expect(page.locator('.govuk-panel')).toContainText('Two-factor authentication is on');
	const recoveryCodes = await page.locator('.gt-recovery-codes code').allTextContents();
	expect(recoveryCodes).toHaveLength(10);
	return { app, recoveryCodes };
}

/** Signs in with a password, and then a code (from the app or a recovery code). */
export async function signInWithCode(page: Page, email: string, password: string, code: string) {
	await page.goto('/sign-in');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter a code from your app');
	await page.getByLabel('Code', { exact: true }).fill(code);
	await submit(page, 'Continue');
}
