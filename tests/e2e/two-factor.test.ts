import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { demoPassword, signIn, submit } from './session';
import { Authenticator, setUpTwoFactor, signInWithCode } from './two-factor';

// Sara Novak: no other browser test signs in as her, so her second factor changes no other test.
const sara = 'sara.novak@demo.test';

test('a practitioner sets up two-factor authentication, then signs in with a code, with a recovery code, and not with a used one', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, sara);
	await page.goto('/account');
	await page.getByRole('link', { name: /set it up/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-factor authentication');
	await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// A wrong code is refused, and the same key stays on the page, so the app need not scan again.
	const key = await page.locator('#totp-key').textContent();
	const wrong = new Authenticator(key!.replaceAll(' ', ''))
		.code()
		.replace(/^./, (d) => String((Number(d) + 1) % 10));
	await page.getByLabel('Code from your app').fill(wrong);
	await submit(page, 'Turn on two-factor authentication');
	await expect(page).toHaveTitle(/^Error: Two-factor authentication/);
	await expect(page.locator('.govuk-error-summary')).toBeFocused();
	await expect(page.locator('.govuk-error-summary')).toContainText('Enter the 6-digit code');
	await expect(page.locator('#totp-key')).toHaveText(key!);
	await expectNoAxeViolations(page);

	const { app, recoveryCodes } = await setUpTwoFactor(page);
	await expect(page.getByRole('main')).toContainText('You have 10 unused recovery codes');
	await expectNoAxeViolations(page);
	await submit(page, 'Sign out');
	await context.close();

	// The password alone starts a sign-in waiting for its code: not a session.
	const waiting = await browser.newContext();
	const half = await waiting.newPage();
	await half.goto('/sign-in');
	await half.getByLabel('Email address').fill(sara);
	await half.getByLabel('Password').fill(demoPassword);
	await submit(half, 'Sign in');
	await expect(half).toHaveURL('/sign-in/two-factor');
	await expectNoAxeViolations(half);
	await half.goto('/account');
	await expect(half).toHaveURL('/sign-in?redirectTo=%2Faccount');
	await half.goto('/sign-in/two-factor');
	await half.getByLabel('Code', { exact: true }).fill('000000');
	await submit(half, 'Continue');
	await expect(half.locator('.govuk-error-summary')).toContainText('Enter a correct code');
	await expectNoAxeViolations(half);
	await waiting.close();

	// Without JavaScript too: password, then a code from the app.
	const plain = await browser.newContext({ javaScriptEnabled: false });
	const noScript = await plain.newPage();
	await signInWithCode(noScript, sara, demoPassword, app.code());
	await expect(noScript.getByRole('heading', { level: 1 })).toHaveText('Hello, Sara Novak');
	await plain.close();

	// A recovery code, once: the page it lands on says how many are left.
	const lost = await browser.newContext();
	const phoneless = await lost.newPage();
	await signInWithCode(phoneless, sara, demoPassword, recoveryCodes[0]);
	await expect(phoneless.locator('.govuk-notification-banner--success')).toContainText(
		'You signed in with a recovery code. You have 9 unused recovery codes left'
	);
	await expectNoAxeViolations(phoneless);
	await submit(phoneless, 'Sign out');
	await signInWithCode(phoneless, sara, demoPassword, recoveryCodes[0]);
	await expect(phoneless.locator('.govuk-error-summary')).toContainText('Enter a correct code');
	await phoneless.getByLabel('Code', { exact: true }).fill(recoveryCodes[1].toUpperCase());
	await submit(phoneless, 'Continue');
	await expect(phoneless.getByRole('main')).toContainText('You have 8 unused recovery codes');
	await lost.close();
});

test('the code’s page without a password first sends the person to sign in', async ({ page }) => {
	await page.goto('/sign-in/two-factor');
	await expect(page).toHaveURL('/sign-in?timed-out');
	await expect(page.getByRole('main')).toContainText('Your sign-in timed out');
	await expectNoAxeViolations(page);
});
